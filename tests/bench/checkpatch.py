"""Fetch the kernel's ``checkpatch.pl`` into the ignored bench cache.

checkpatch is third-party code and is never committed: the benchmark takes it
from Debian's ``linux-source`` package on first use and keeps only the three
files it needs (the script, its spelling list and its const-structs list).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
PACKAGE = "linux-source-6.12"
TARBALL = f"./usr/src/{PACKAGE}.tar.xz"
SOURCE_NOTE = CACHE_DIR / "checkpatch-source.txt"
NEEDED = ("scripts/checkpatch.pl", "scripts/spelling.txt", "scripts/const_structs.checkpatch")


class CheckpatchUnavailable(Exception):
    """checkpatch.pl cannot be fetched on this machine; the message says why."""


def cached_script() -> Path | None:
    found = sorted(CACHE_DIR.glob(f"*/{NEEDED[0]}"))
    return found[0] if found else None


def ensure_checkpatch() -> Path:
    """The path of a cached ``checkpatch.pl``, downloading it if needed."""
    if shutil.which("perl") is None:
        raise CheckpatchUnavailable("perl is not installed")
    script = cached_script()
    if script is not None:
        return script
    for tool in ("apt-get", "dpkg-deb", "tar"):
        if shutil.which(tool) is None:
            raise CheckpatchUnavailable(f"{tool} is not available to fetch {PACKAGE}")
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE_DIR) as work:
        deb = _download(Path(work))
        _extract(deb, Path(work))
        SOURCE_NOTE.write_text(deb.stem + "\n")
    script = cached_script()
    if script is None:
        raise CheckpatchUnavailable(f"{PACKAGE} holds no {NEEDED[0]}")
    return script


def _download(work: Path) -> Path:
    print(f"fetching checkpatch.pl: apt-get download {PACKAGE} (about 150 MB, once)",
          flush=True)
    result = _apt_download(work)
    if result.returncode != 0 and os.geteuid() == 0:
        # A fresh machine may have stale or empty package lists.
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True, check=False)
        result = _apt_download(work)
    debs = sorted(work.glob(f"{PACKAGE}_*.deb"))
    if result.returncode != 0 or not debs:
        reason = result.stderr.strip().splitlines()[-1:] or ["no package downloaded"]
        raise CheckpatchUnavailable(f"apt-get download {PACKAGE} failed: {reason[0]}")
    return debs[0]


def _apt_download(work: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["apt-get", "download", "-qq", PACKAGE], cwd=work,
                          capture_output=True, text=True, check=False)


def _extract(deb: Path, work: Path) -> None:
    """Unpack only the kernel tarball from the .deb, then only NEEDED from it."""
    with subprocess.Popen(["dpkg-deb", "--fsys-tarfile", str(deb)],
                          stdout=subprocess.PIPE) as fsys:
        unpack = subprocess.run(["tar", "-x", "-C", str(work), TARBALL], stdin=fsys.stdout,
                                capture_output=True, text=True, check=False)
    if fsys.returncode != 0 or unpack.returncode != 0:
        raise CheckpatchUnavailable(f"cannot unpack {deb.name}: {unpack.stderr.strip()}")
    patterns = [f"*/{name}" for name in NEEDED]
    pick = subprocess.run(["tar", "-xJf", str(work / TARBALL), "-C", str(CACHE_DIR),
                           "--wildcards", *patterns],
                          capture_output=True, text=True, check=False)
    if pick.returncode != 0:
        raise CheckpatchUnavailable(f"cannot extract checkpatch.pl: {pick.stderr.strip()}")


def source() -> str:
    """The Debian package the cached script came from."""
    if SOURCE_NOTE.exists():
        return SOURCE_NOTE.read_text().strip()
    return PACKAGE
