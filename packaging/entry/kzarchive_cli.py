"""Frozen entry point of the command line (``kzarchive``)."""

import sys

from kzarchive.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
