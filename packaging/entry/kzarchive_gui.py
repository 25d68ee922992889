"""Frozen entry point of the desktop app (``kzarchive-gui``)."""

import sys

from kzarchive.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
