"""``python -m kvmcheck``."""

import sys

from kvmcheck.cli import main

sys.exit(main())
