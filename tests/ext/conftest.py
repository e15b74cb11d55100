"""Our Sphinx extensions live in _ext/; tests import them by name."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "_ext"))
