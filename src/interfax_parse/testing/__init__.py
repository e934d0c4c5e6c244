"""Testing helpers for template authors (needs the ``test`` extra: hypothesis).

- `strategies`: hypothesis strategies generating canonical interviews;
- `noise`: the rendering noise real archives add (NBSP, CRLF, blank lines);
- `relations`: what a truncated page's result must keep of the full one;
- `archives`: WARC and WET archives of generated pages (no hypothesis needed);
- `captures`: one interview as other captures show it: another ticker, the
  newsroom site, a migrated copy that starts at a turn (no hypothesis needed).
"""
