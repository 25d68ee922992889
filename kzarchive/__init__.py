"""kzarchive: a secure, offline evidence archive for human-rights documenters."""

__version__ = "0.1.0"
