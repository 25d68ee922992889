"""``python -m kzarchive.cli``: the same as the ``kzarchive`` command."""

import sys

from kzarchive.cli.main import main

sys.exit(main())
