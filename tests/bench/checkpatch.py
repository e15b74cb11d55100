"""``checkpatch.pl`` from the cached kernel source (``kernel_source``).

checkpatch is third-party code and is never committed: the benchmark runs the
copy in the partial 6.12 tree that ``kernel_source`` fetches from Debian's
``linux-source`` package on first use, next to its spelling and const-structs
lists.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import kernel_source

SCRIPT = "scripts/checkpatch.pl"


class CheckpatchUnavailable(Exception):
    """checkpatch.pl cannot be fetched on this machine; the message says why."""


def ensure_checkpatch() -> Path:
    """The path of a cached ``checkpatch.pl``, downloading the source if needed."""
    if shutil.which("perl") is None:
        raise CheckpatchUnavailable("perl is not installed")
    try:
        script = kernel_source.tree() / SCRIPT
    except kernel_source.KernelSourceUnavailable as reason:
        raise CheckpatchUnavailable(str(reason)) from reason
    if not script.exists():
        raise CheckpatchUnavailable(f"{kernel_source.PACKAGE} holds no {SCRIPT}")
    return script


def source() -> str:
    """The Debian package the cached script came from."""
    return kernel_source.source()
