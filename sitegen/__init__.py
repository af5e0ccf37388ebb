"""sitegen: a static site generator for public progress reports."""

__version__ = "0.1.0"
