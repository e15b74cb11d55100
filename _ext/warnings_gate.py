"""Fail a Sphinx build on warnings that are not in a committed baseline.

Every warning the build emits — docutils, Sphinx, any extension, files pulled
in with ``.. include::``, parallel workers — reaches the ``sphinx`` logger.
This extension listens there with a handler of its own, turns each warning
into a stable key (source file, type/subtype, message without volatile
parts), and at the end compares the multiset of keys with the baseline file.

Configuration (``conf.py``):

``warnings_gate_baseline``
    Path of the baseline, relative to the configuration directory.
``warnings_gate_update``
    When true (``-D warnings_gate_update=1``), rewrite the baseline from this
    build instead of checking it.
``warnings_gate_strict``
    Also fail when baselined warnings have disappeared. Defaults to the
    ``STRICT_BASELINE`` environment variable.
``warnings_gate_update_hint``
    The command the messages tell people to run to accept warnings.

Sphinx re-reads only changed pages on an incremental build, so warnings of
unchanged pages would not be emitted again. After a build that had any
warning, the next build therefore re-reads every page; after a clean build,
incremental builds stay incremental. Sphinx also writes only the pages it
re-read, so an unchanged page whose reference points at a label that a
changed page dropped (or moved, or retitled) would keep a dead link and no
warning: the gate remembers what each page references and has every page
whose reference targets changed written again, which resolves (and warns
about) its references anew.

The baseline is read forgivingly where it costs nothing (a byte order
mark, spaces around or inside a line); a baseline that cannot be read (not
UTF-8, a directory) fails the build with a message saying so.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util.logging import (
    NAMESPACE,
    OnceFilter,
    WarningStreamHandler,
    get_node_location,
    is_suppressed_warning,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = [
    "BaselineError",
    "SeenWarning",
    "format_baseline",
    "parse_baseline",
    "read_baseline",
    "setup",
]

STATE_FILE = "warnings-gate.json"
BASELINE_HEADER = """\
# Accepted Sphinx warnings: the build fails on any warning not listed here.
#
# One warning per line: `source-file: [type.subtype] message`, sorted. Line
# numbers and absolute paths are left out, so editing text above a warning
# does not make it new. A warning emitted N times is listed N times.
# Regenerate with `{hint}`; an empty list (no lines below) means the build
# must have no warnings at all.
"""

_LINE_IN_MESSAGE = re.compile(r"\b(line|lines|column)\s+\d+(-\d+)?", re.IGNORECASE)
_PATH_LINE = re.compile(r"(\S+\.\w+):\d+(?::\d+)?\b")
_HEX_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")
_WHITESPACE = re.compile(r"\s+")
# What a reference target and a defined name are compared by: the last part
# of a dotted, scoped or path-like name, lower-cased.  Coarse on purpose: a
# page whose target might have changed is written again, which is only time.
_NAME_PARTS = re.compile(r"[./:]+")
_REFERENCES = "warnings_gate_references"


class BaselineError(Exception):
    """The baseline file exists but cannot be read."""


@dataclass(frozen=True)
class SeenWarning:
    """One warning as the gate sees it."""

    file: str  # relative to the source directory, "" when it has no place
    line: int | None
    type: str  # "type.subtype", "type" or ""
    message: str  # normalised: no line numbers, no absolute paths

    @property
    def key(self) -> str:
        kind = f"[{self.type}] " if self.type else ""
        return f"{self.file or '-'}: {kind}{self.message}"

    @property
    def place(self) -> str:
        if not self.file:
            return "(no source file)"
        return f"{self.file}:{self.line}" if self.line else self.file


def parse_baseline(text: str) -> Counter[str]:
    """The keys of a baseline file, with how often each is accepted.

    Harmless differences from what the gate writes are normalised, as the
    gate does with warning messages: a byte order mark, leading and trailing
    spaces, runs of whitespace.
    """
    keys = (_WHITESPACE.sub(" ", line).strip() for line in text.lstrip("\ufeff").splitlines())
    return Counter(key for key in keys if key and not key.startswith("#"))


def read_baseline(path: Path) -> Counter[str]:
    """The keys of the baseline at ``path`` (none when there is no file).

    Raises BaselineError, saying why, when the file cannot be read as text.
    """
    try:
        return parse_baseline(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Counter()
    except UnicodeDecodeError as error:
        raise BaselineError(
            f"{path} is not UTF-8 text (byte {error.start}: "
            f"{error.object[error.start : error.start + 1]!r})"
        ) from None
    except IsADirectoryError:
        raise BaselineError(f"{path} is a directory, not a file") from None
    except OSError as error:
        raise BaselineError(f"{path}: {error.strerror or error}") from None


def format_baseline(keys: Counter[str], hint: str) -> str:
    """A baseline file holding ``keys``: header, then sorted lines."""
    lines = sorted(keys.elements())
    body = "".join(f"{line}\n" for line in lines)
    return BASELINE_HEADER.format(hint=hint) + body


class _GateHandler(WarningStreamHandler):
    """Collects warnings instead of printing them.

    It derives from :class:`WarningStreamHandler` so that Sphinx's
    ``pending_warnings()`` holds it back and replays to it exactly like the
    console handler: each warning is seen once.
    """

    def __init__(self, gate: WarningsGate) -> None:
        super().__init__()  # emit() below never writes to the stream
        self.gate = gate
        self.setLevel(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        self.gate.record(record)


class WarningsGate:
    """Per-build state: the warnings seen and the comparison at the end."""

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.seen: list[SeenWarning] = []
        # Pages this build re-reads, and the reference targets they defined
        # before (see _pages_with_changed_targets).
        self.reread: set[str] = set()
        self.targets_before: set[tuple[str, ...]] = set()
        # Build directories, as given and resolved, that messages may name.
        self._build_dirs = [
            f"{path}{os.sep}"
            for directory in (app.srcdir, app.outdir, app.doctreedir)
            for path in (Path(directory).resolve(), directory)
        ]
        self.handler = _GateHandler(self)
        # Sphinx's own WarningSuppressor also counts warnings; ours must not.
        self.handler.addFilter(self._not_suppressed)
        self.handler.addFilter(OnceFilter())
        logging.getLogger(NAMESPACE).addHandler(self.handler)

    # -- collecting ------------------------------------------------------------

    def _not_suppressed(self, record: logging.LogRecord) -> bool:
        try:
            suppressed = self.app.config.suppress_warnings
        except AttributeError:  # conf.py is still being read
            suppressed = ()
        return not is_suppressed_warning(
            getattr(record, "type", ""), getattr(record, "subtype", ""), suppressed
        )

    def record(self, record: logging.LogRecord) -> None:
        file, line = self._place(getattr(record, "location", None))
        kind = ".".join(
            part
            for part in (getattr(record, "type", None), getattr(record, "subtype", None))
            if part
        )
        # The plain LogRecord text: Sphinx's record classes prefix the location.
        message = logging.LogRecord.getMessage(record)
        if kind and message.endswith(f" [{kind}]"):
            # show_warning_types already appended the type to the text.
            message = message[: -len(kind) - 3]
        self.seen.append(SeenWarning(file, line, kind, self._normalise(message)))

    def _place(self, location: Any) -> tuple[str, int | None]:
        """Source file (relative to srcdir) and line of a record's location."""
        if location is None:
            return "", None
        if isinstance(location, tuple):
            docname, line = location
            if not docname:
                return "", None
            return self._relative(str(self.app.env.doc2path(docname))), line or None
        if not isinstance(location, str):  # a docutils node
            location = get_node_location(location) or ""
        path, line = location, None
        head, sep, tail = location.rpartition(":")
        if sep and tail.isdigit():
            path, line = head, int(tail)
        elif sep and not tail:
            path = head
        if path and not os.path.isabs(path) and path in self.app.env.found_docs:
            path = str(self.app.env.doc2path(path))
        # docutils writes "file.rst:<rst_epilog>" style sources for
        # generated text; keep the real file.
        return self._relative(path.split(":<", 1)[0]), line

    def _relative(self, path: str) -> str:
        if not path:
            return ""
        srcdir = Path(self.app.srcdir)
        try:
            return Path(path).resolve().relative_to(srcdir.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def _normalise(self, message: str) -> str:
        for prefix in self._build_dirs:
            message = message.replace(prefix, "")
        message = _PATH_LINE.sub(r"\1", message)
        message = _LINE_IN_MESSAGE.sub(r"\1 N", message)
        message = _HEX_ADDRESS.sub("0x…", message)
        return _WHITESPACE.sub(" ", message).strip()

    # -- incremental builds ------------------------------------------------------

    @property
    def state_path(self) -> Path:
        return Path(self.app.doctreedir) / STATE_FILE

    def previous_build_had_warnings(self) -> bool:
        try:
            return bool(json.loads(self.state_path.read_text())["warnings"])
        except (OSError, ValueError, KeyError, TypeError):
            return False

    def save_state(self) -> None:
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        self.state_path.write_text(json.dumps({"warnings": len(self.seen)}))

    # -- the verdict ---------------------------------------------------------------

    @property
    def baseline_path(self) -> Path:
        return Path(self.app.confdir) / self.app.config.warnings_gate_baseline

    def finish(self) -> int:
        """Compare with (or rewrite) the baseline; the exit status it asks for."""
        config = self.app.config
        hint = config.warnings_gate_update_hint
        current = Counter(warning.key for warning in self.seen)
        if _enabled(config.warnings_gate_update):
            try:
                self.baseline_path.parent.mkdir(parents=True, exist_ok=True)
                self.baseline_path.write_text(format_baseline(current, hint), encoding="utf-8")
            except OSError as error:
                self._say(
                    f"warnings gate: cannot write {self._shown(self.baseline_path)}: "
                    f"{error.strerror or error}"
                )
                return 1
            self._say(
                f"warnings gate: wrote {sum(current.values())} warning(s) to "
                f"{self._shown(self.baseline_path)}"
            )
            return 0
        try:
            baseline = read_baseline(self.baseline_path)
        except BaselineError as error:
            self._say(
                f"warnings gate: cannot read the baseline: {error}. Fix or delete it, "
                f"or rewrite it with `{hint}`."
            )
            return 1
        new = current - baseline
        gone = baseline - current
        status = 0
        if new:
            status = 1
            self._report_new(new, hint)
        if gone:
            count = sum(gone.values())
            self._say(f"warnings gate: {count} baselined warning(s) are gone — run `{hint}`:")
            for key in sorted(gone.elements()):
                self._say(f"  {key}")
            if _enabled(config.warnings_gate_strict):
                status = 1
                self._say(
                    "warnings gate: failing because strict mode (STRICT_BASELINE=1) "
                    "holds the baseline to the build exactly."
                )
        return status

    def _report_new(self, new: Counter[str], hint: str) -> None:
        remaining = Counter(new)
        shown: list[SeenWarning] = []
        for warning in self.seen:
            if remaining[warning.key]:
                remaining[warning.key] -= 1
                shown.append(warning)
        baseline = self._shown(self.baseline_path)
        self._say(f"warnings gate: {len(shown)} new warning(s), not in {baseline}:")
        for warning in shown:
            kind = f" [{warning.type}]" if warning.type else ""
            self._say(f"  {warning.place}: WARNING:{kind} {warning.message}")
        self._say(
            f"Fix each one; if a warning must stay, accept it with `{hint}` and commit {baseline}."
        )

    def _shown(self, path: Path) -> str:
        try:
            return path.relative_to(Path(self.app.confdir)).as_posix()
        except ValueError:
            return str(path)

    @staticmethod
    def _say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)


# -- Sphinx events -------------------------------------------------------------


def _gate(app: Sphinx) -> WarningsGate:
    return app._warnings_gate  # type: ignore[attr-defined]


def _reread_after_warnings(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    if _gate(app).previous_build_had_warnings():
        return sorted(env.found_docs - added - changed)
    return []


def _name_key(name: str) -> str:
    return _NAME_PARTS.split(name.lower().lstrip("~!."))[-1]


def _references(env: BuildEnvironment) -> dict[str, set[str]]:
    """docname -> keys of the targets its cross-references name (kept in the
    pickled environment, so it survives between builds)."""
    if not hasattr(env, _REFERENCES):
        setattr(env, _REFERENCES, {})
    return getattr(env, _REFERENCES)


def _note_references(app: Sphinx, doctree: nodes.document) -> None:
    _references(app.env)[app.env.docname] = {
        _name_key(node["reftarget"])
        for node in doctree.findall(addnodes.pending_xref)
        if node.get("reftarget")
    }


def _forget_references(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _references(env).pop(docname, None)


def _merge_references(
    app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
) -> None:
    theirs = _references(other)
    _references(env).update({name: theirs[name] for name in docnames if name in theirs})


def _targets_of(env: BuildEnvironment, docnames: set[str]) -> set[tuple[str, ...]]:
    """Every cross-reference target (label, object, page title...) the pages
    ``docnames`` define, as (domain, name, shown text, type, page, anchor)."""
    return {
        (domain.name, name, str(shown), kind, docname, anchor)
        for domain in env.domains.values()
        for name, shown, kind, docname, anchor, _priority in domain.get_objects()
        if docname in docnames
    }


def _note_targets_before_reading(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    gate = _gate(app)
    gate.reread = set(added) | set(changed) | set(removed)
    gate.targets_before = _targets_of(env, gate.reread)
    return []


def _pages_with_changed_targets(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages that reference a target the re-read pages dropped, added or changed."""
    gate = _gate(app)
    changed = gate.targets_before ^ _targets_of(env, gate.reread)
    keys = {_name_key(name) for _domain, name, *_rest in changed}
    if not keys:
        return []
    return sorted(
        docname
        for docname, targets in _references(env).items()
        if targets & keys and docname in env.all_docs
    )


def _build_finished(app: Sphinx, exception: Exception | None) -> None:
    gate = _gate(app)
    logging.getLogger(NAMESPACE).removeHandler(gate.handler)
    if exception is not None:
        return
    gate.save_state()
    if gate.finish():
        app.statuscode = 1


def _enabled(value: object) -> bool:
    """A flag from conf.py or ``-D`` (which passes strings such as "0")."""
    return str(value).strip().lower() not in ("", "0", "false", "no", "off", "none")


def _strict_default(_config: Any) -> bool:
    return _enabled(os.environ.get("STRICT_BASELINE", ""))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("warnings_gate_baseline", "warnings-baseline.txt", "env", str)
    app.add_config_value("warnings_gate_update", False, "", (bool, int, str))
    app.add_config_value("warnings_gate_strict", _strict_default, "", (bool, int, str))
    app.add_config_value(
        "warnings_gate_update_hint", "sphinx-build -D warnings_gate_update=1 …", "", str
    )
    app._warnings_gate = WarningsGate(app)  # type: ignore[attr-defined]
    app.connect("env-get-outdated", _reread_after_warnings)
    app.connect("env-get-outdated", _note_targets_before_reading)
    app.connect("doctree-read", _note_references)
    app.connect("env-purge-doc", _forget_references)
    app.connect("env-merge-info", _merge_references)
    app.connect("env-get-updated", _pages_with_changed_targets)
    app.connect("build-finished", _build_finished)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
