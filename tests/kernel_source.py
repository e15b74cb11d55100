"""Debian's ``linux-source-6.12``, partly unpacked into an ignored cache.

The kernel is third-party code and is never committed. The tests and the
benchmarks that need real kernel files take them from Debian's
``linux-source`` package on first use (``apt-get download``, about 150 MB) and
keep only the part of the tree this project reads: what ``make defconfig`` and
``make olddefconfig`` need (every Kconfig, Makefile and Kbuild file, scripts/
and the config fragments), ``checkpatch.pl`` and ``get_maintainer.pl`` with
``MAINTAINERS``, the files the handbook's commands name, and the Chinese translations
of the kernel's documentation, whose terms the Chinese glossary follows. Every later run
reuses the unpacked tree.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
from pathlib import Path

CACHE_DIR = Path(__file__).resolve().parent / ".cache" / "kernel"
PACKAGE = "linux-source-6.12"
TARBALL = f"./usr/src/{PACKAGE}.tar.xz"
TOP = PACKAGE  # the tarball's top-level folder
MEMBERS = (
    # Kconfig and Kbuild: make defconfig / olddefconfig and their fragments.
    "*/Kconfig*",
    "*/Makefile*",
    "*/Kbuild*",
    f"{TOP}/scripts/*",
    f"{TOP}/arch/x86/configs/*",
    f"{TOP}/kernel/configs/*",
    # get_maintainer.pl wants the top of a kernel tree around it.
    f"{TOP}/COPYING",
    f"{TOP}/CREDITS",
    f"{TOP}/README",
    f"{TOP}/MAINTAINERS",
    # The files the handbook's commands and examples name.
    f"{TOP}/arch/x86/kvm/*",
    f"{TOP}/arch/x86/kernel/kvm.c",
    f"{TOP}/arch/x86/kernel/kvmclock.c",
    f"{TOP}/Documentation/virt/kvm/*",
    f"{TOP}/include/uapi/linux/kvm.h",
    f"{TOP}/tools/testing/selftests/*.mk",
    f"{TOP}/tools/testing/selftests/kvm/*",
    # What the handbook says about the embargoed-fix path, clang builds and
    # the docs build (``SPHINXDIRS`` takes the folders that have an index).
    f"{TOP}/Documentation/process/security-bugs.rst",
    f"{TOP}/Documentation/process/stable-kernel-rules.rst",
    f"{TOP}/Documentation/kbuild/llvm.rst",
    f"{TOP}/Documentation/*/index.rst",
    # What a 32-bit build and a PROVE_LOCKING build catch.
    f"{TOP}/include/linux/math64.h",
    f"{TOP}/include/linux/lockdep.h",
    # Selftests installed and run on another machine.
    f"{TOP}/tools/testing/selftests/run_kselftest.sh",
    f"{TOP}/tools/testing/selftests/kselftest/*",
    # The kernel's Chinese documentation: the glossary follows its terms.
    f"{TOP}/Documentation/translations/zh_CN/*",
)
STAMP = CACHE_DIR / "members.txt"
SOURCE_NOTE = CACHE_DIR / "source.txt"
LOCK = CACHE_DIR / "fetch.lock"
WORK = CACHE_DIR / "fetching"


class KernelSourceUnavailable(Exception):
    """The kernel source cannot be fetched on this machine; the message says why."""


def tree() -> Path:
    """The root of the cached partial 6.12 tree, fetching it on first use."""
    root = CACHE_DIR / TOP
    if _complete(root):
        return root
    for tool in ("apt-get", "dpkg-deb", "tar", "xz"):
        if shutil.which(tool) is None:
            raise KernelSourceUnavailable(f"{tool} is not available to fetch {PACKAGE}")
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    # One fetch at a time (a test run and make recipes-check may start
    # together); the second waits and then finds the tree in place.
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _complete(root):
            return root
        # What an interrupted fetch left behind is 300 MB of nothing.
        shutil.rmtree(WORK, ignore_errors=True)
        WORK.mkdir()
        deb = _download(WORK)
        unpacked = WORK / "unpacked"
        _extract(deb, WORK, unpacked)
        # Replace an older cache only once the new tree is complete.
        shutil.rmtree(root, ignore_errors=True)
        (unpacked / TOP).rename(root)
        shutil.rmtree(WORK)
        SOURCE_NOTE.write_text(deb.stem + "\n")
        STAMP.write_text(_members_note())
    return root


def _complete(root: Path) -> bool:
    return root.is_dir() and STAMP.exists() and STAMP.read_text() == _members_note()


def source() -> str:
    """The Debian package the cached tree came from."""
    if SOURCE_NOTE.exists():
        return SOURCE_NOTE.read_text().strip()
    return PACKAGE


def _members_note() -> str:
    return "\n".join(MEMBERS) + "\n"


def _download(work: Path) -> Path:
    print(
        f"fetching the kernel source: apt-get download {PACKAGE} (about 150 MB, once)", flush=True
    )
    result = _apt_download(work)
    if result.returncode != 0 and os.geteuid() == 0:
        # A fresh machine may have stale or empty package lists.
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True, check=False)
        result = _apt_download(work)
    debs = sorted(work.glob(f"{PACKAGE}_*.deb"))
    if result.returncode != 0 or not debs:
        reason = result.stderr.strip().splitlines()[-1:] or ["no package downloaded"]
        raise KernelSourceUnavailable(f"apt-get download {PACKAGE} failed: {reason[0]}")
    return debs[0]


def _apt_download(work: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["apt-get", "download", "-qq", PACKAGE],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )


def _extract(deb: Path, work: Path, into: Path) -> None:
    """Unpack only the kernel tarball from the .deb, then only MEMBERS from it."""
    with subprocess.Popen(["dpkg-deb", "--fsys-tarfile", str(deb)], stdout=subprocess.PIPE) as fsys:
        unpack = subprocess.run(
            ["tar", "-x", "-C", str(work), TARBALL],
            stdin=fsys.stdout,
            capture_output=True,
            text=True,
            check=False,
        )
    if fsys.returncode != 0 or unpack.returncode != 0:
        raise KernelSourceUnavailable(f"cannot unpack {deb.name}: {unpack.stderr.strip()}")
    into.mkdir()
    pick = subprocess.run(
        ["tar", "-xJf", str(work / TARBALL), "-C", str(into), "--wildcards", *MEMBERS],
        capture_output=True,
        text=True,
        check=False,
    )
    if pick.returncode != 0:
        raise KernelSourceUnavailable(f"cannot extract from {PACKAGE}: {pick.stderr.strip()}")
