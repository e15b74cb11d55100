"""The files a page with a checker loads, put into the site's output.

``patch_checker`` (the directive) calls :func:`install` once per HTML build.
Into ``_static/patch-checker/`` it writes

* ``<digest>/``: the front end (``playground/web/``) and ``kvmcheck.zip``, the
  kvmcheck package that the worker unpacks into Pyodide with
  ``pyodide.unpackArchive(…, "zip")``; the folder is named by a hash of those
  sources, so a browser never mixes a cached old worker with a new package,
  and the archive is only written again when a source changed;
* ``pyodide-<version>-<digest>/``: the Pyodide core files from the npm package
  (``npm ci --prefix playground``), unless the site loads Pyodide from
  elsewhere.  Its lock file lists no packages: kvmcheck needs none, and the
  full list (120 kB) would be downloaded on every first check for nothing.
  Its standard library is trimmed to what kvmcheck uses
  (:mod:`playground_stdlib`): 1.3 MB instead of 2.5 MB.  The folder is
  named by a hash of the two files the site rewrites, so that a browser
  never keeps a cached standard library that lacks a module kvmcheck now
  imports.

The size of every file a first check downloads is recorded
(:attr:`Assets.load_bytes`): the page's progress bar shows bytes of that
total.

Older folders are removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from playground_stdlib import STDLIB_ARCHIVE, kept_modules, trimmed_stdlib
from sphinx.errors import ExtensionError
from sphinx.util.osutil import copyfile

ROOT = Path(__file__).resolve().parents[1]
PLAYGROUND = ROOT / "playground"
WEB_DIR = PLAYGROUND / "web"
PACKAGE_DIR = PLAYGROUND / "kvmcheck"
PYODIDE_DIR = PLAYGROUND / "node_modules" / "pyodide"

# The front end: ES modules, the worker, the style sheet, and the one classic
# script, which explains pages opened from file:// (where modules never run).
# start.js is the page's entry point; the other modules only define things.
WEB_FILES = (
    "start.js",
    "patch-checker.js",
    "runtime.js",
    "render.js",
    "share.js",
    "storage.js",
    "loading.js",
    "summary.js",
    "worker.js",
    "downloads.js",
    "stall.js",
    "patch-checker.css",
    "from-disk.js",
    "file-text.js",
    "fix-view.js",
    "save-file.js",
    "input-check.js",
    "undoable.js",
    "state.js",
)
# What Pyodide needs to start with the standard library and no packages.
PYODIDE_CORE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
LOCK_FILE = "pyodide-lock.json"
PACKAGE_ARCHIVE = "kvmcheck.zip"
STATIC_DIR = "_static/patch-checker"
# A fixed time stamp for every archive member: the same sources give the
# same bytes.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Assets:
    """Where this build's playground files are, relative to the output root."""

    digest: str
    # The folder of Pyodide's files in _static/patch-checker/.
    pyodide_folder: str
    # File name → size in bytes, for each file the worker downloads.
    load_bytes: dict[str, int]

    @property
    def pyodide_bytes(self) -> int:
        return sum(size for name, size in self.load_bytes.items() if name != PACKAGE_ARCHIVE)

    @property
    def directory(self) -> str:
        return f"{STATIC_DIR}/{self.digest[:12]}"

    @property
    def package_archive(self) -> str:
        return f"{self.directory}/{PACKAGE_ARCHIVE}"

    @property
    def pyodide_directory(self) -> str:
        return f"{STATIC_DIR}/{self.pyodide_folder}"


# The engine code of kvmcheck's patterns the build stores is for the Python
# that built it (kvmcheck.lazy_re): Pyodide's ignores it, so it is not shipped.
BUILD_MACHINE_ONLY = PACKAGE_DIR / "data" / "regexes.marshal"


def package_files() -> list[Path]:
    """Every file of the kvmcheck package (modules and data) the playground
    ships, sorted."""
    return sorted(
        path
        for path in PACKAGE_DIR.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.suffix != ".pyc"
        and path != BUILD_MACHINE_ONLY
    )


def assets_digest() -> str:
    """A hash of everything the playground ships except Pyodide itself."""
    named = [(f"web/{name}", WEB_DIR / name) for name in WEB_FILES]
    named += [(path.relative_to(PLAYGROUND).as_posix(), path) for path in package_files()]
    digest = hashlib.sha256()
    for name, path in named:
        digest.update(name.encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def write_package_archive(target: Path) -> None:
    """The kvmcheck package as a zip whose top folder is ``kvmcheck/``."""
    partial = target.with_name(f".{target.name}.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in package_files():
            member = zipfile.ZipInfo(path.relative_to(PLAYGROUND).as_posix(), _ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            archive.writestr(member, path.read_bytes())
    os.replace(partial, target)


def pyodide_version() -> str:
    package = PYODIDE_DIR / "package.json"
    if not package.is_file():
        raise ExtensionError(
            f"patch-checker: Pyodide is not installed in {PYODIDE_DIR.parent}; "
            "run `npm ci --prefix playground` (make htmldocs does it)"
        )
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def packageless_lock() -> bytes:
    """Pyodide's lock file with its ABI and version (checked at start) and no
    packages."""
    lock = json.loads((PYODIDE_DIR / LOCK_FILE).read_text(encoding="utf-8"))
    return json.dumps({"info": lock["info"], "packages": {}}, sort_keys=True).encode()


def install(outdir: Path, *, serve_pyodide: bool) -> Assets:
    """Put the front end, the package and (if served) Pyodide into ``outdir``."""
    digest, version = assets_digest(), pyodide_version()
    directory = outdir / STATIC_DIR / digest[:12]
    directory.mkdir(parents=True, exist_ok=True)
    for name in WEB_FILES:
        copyfile(WEB_DIR / name, directory / name, force=True)
    if not (directory / PACKAGE_ARCHIVE).is_file():
        write_package_archive(directory / PACKAGE_ARCHIVE)
    load_bytes = {name: (PYODIDE_DIR / name).stat().st_size for name in PYODIDE_CORE_FILES}
    load_bytes[PACKAGE_ARCHIVE] = (directory / PACKAGE_ARCHIVE).stat().st_size
    keep = {directory.name}
    pyodide_folder = f"pyodide-{version}"
    if serve_pyodide:
        written = {
            LOCK_FILE: packageless_lock(),
            STDLIB_ARCHIVE: trimmed_stdlib(PYODIDE_DIR / STDLIB_ARCHIVE, kept_modules(version)),
        }
        rewritten = hashlib.sha256(b"".join(hashlib.sha256(c).digest() for c in written.values()))
        pyodide_folder += f"-{rewritten.hexdigest()[:8]}"
        pyodide_target = outdir / STATIC_DIR / pyodide_folder
        pyodide_target.mkdir(parents=True, exist_ok=True)
        for name in PYODIDE_CORE_FILES:
            if name not in written:
                copyfile(PYODIDE_DIR / name, pyodide_target / name, force=True)
        for name, content in written.items():
            load_bytes[name] = len(content)
            path = pyodide_target / name
            if not path.is_file() or path.read_bytes() != content:
                path.write_bytes(content)
        keep.add(pyodide_target.name)
    for stale in (outdir / STATIC_DIR).iterdir():
        if stale.is_dir() and stale.name not in keep:
            shutil.rmtree(stale)
    return Assets(digest, pyodide_folder, load_bytes)
