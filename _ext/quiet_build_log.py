"""Keeps third-party diagnostics out of the build's output.

myst-parser logs its whole configuration (``myst v5.2.0: MdParserConfig(…)``,
one very long line) at INFO level on every build, with no setting to turn it
off; only ``-q`` would, and that hides our own progress too.  A filter on
myst's own logger drops exactly that record; its warnings and errors still
come through (and still fail the build through ``warnings_gate``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# The logger myst_parser.sphinx_ext.main gets from sphinx.util.logging.
MYST_LOGGER = "sphinx.myst_parser.sphinx_ext.main"


class _DropConfigDump(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno == logging.INFO and "MdParserConfig(" in record.getMessage())


def setup(app: Sphinx) -> dict[str, Any]:
    logger = logging.getLogger(MYST_LOGGER)
    if not any(isinstance(existing, _DropConfigDump) for existing in logger.filters):
        logger.addFilter(_DropConfigDump())
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
