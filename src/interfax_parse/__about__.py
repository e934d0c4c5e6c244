"""The package version, single-sourced for the build and for `__version__`."""

__version__ = "0.1.0"
