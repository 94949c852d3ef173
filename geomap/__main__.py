"""`python -m geomap` is the `geomap` command."""

import sys

from geomap.cli import main

sys.exit(main())
