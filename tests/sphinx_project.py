"""Build small throwaway Sphinx projects that use our extensions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXT = REPO / "_ext"


def make_project(
    root: Path,
    extensions: list[str],
    pages: dict[str, str],
    conf_extra: str = "",
    theme: str = "basic",
) -> Path:
    """Write conf.py and the pages (name → reST) under ``root``.

    The extensions are found as the site's conf.py finds them (``_ext/``,
    kvmcheck under ``playground/``); modules next to conf.py can be
    extensions too. ``theme="furo"`` for the site's theme.
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / "conf.py").write_text(
        "import os, sys\n"
        f"sys.path.insert(0, {str(EXT)!r})\n"
        f"sys.path.insert(0, {str(REPO / 'playground')!r})\n"
        "sys.path.insert(0, os.path.dirname(__file__))\n"
        f"extensions = {extensions!r}\n"
        f"html_theme = {theme!r}\n" + conf_extra,
        encoding="utf-8",
    )
    for name, text in pages.items():
        path = root / f"{name}.rst"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def build(
    root: Path, *options: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run sphinx-build on ``root`` into ``root/_build/html``.

    STRICT_BASELINE from CI is cleared unless ``env`` sets it.
    """
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-q",
        *options,
        str(root),
        str(root / "_build" / "html"),
    ]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "STRICT_BASELINE": "", **(env or {})},
    )
