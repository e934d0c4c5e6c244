"""``python -m interfax_parse``: the command line."""

from .cli import main

raise SystemExit(main())
