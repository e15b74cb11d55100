"""Facts about a patch that several rules need, worked out once.

Which project and area the patch is for (KVM host code, Linux as a KVM
guest, kvm-unit-tests, something else), and which lines of its changelog
are prose (what the changelog rules read).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from itertools import chain

from kvmcheck import lazy_re
from kvmcheck.added_code import AddedCode
from kvmcheck.input_lines import PickedLines, texts_of
from kvmcheck.model import FileDiff, Line, Patch, Series
from kvmcheck.paths import (
    SELFTESTS_DIR,
    in_scope,
    is_guest_side,
    is_kernel_path,
    is_kut_path,
    is_kvm_host,
    scope_problem,
)

KUT = "kvm-unit-tests"
KERNEL = "kernel"

# The scheme is bounded so that "a.a.a.a..." cannot make the search quadratic.
_URL = lazy_re.compile(r"\b[a-z][a-z0-9+.-]{0,20}://\S+", re.IGNORECASE)
# Kernel log lines pasted without indentation: "[   12.345678] ...", "RIP: 0010:..."
_LOG_LINE = lazy_re.compile(
    r"\s*\[\s*\d+\.\d+\]"
    r"|(?:RIP|RSP|RAX|RBX|RCX|RDX|RSI|RDI|RBP|R\d+|CR\d|DR\d|Code|Call Trace|Hardware name"
    r"|Modules linked in|Workqueue|BUG|WARNING|Kernel panic|general protection fault)\b[^:]{0,40}:"
    r"|\s*\?? ?[A-Za-z_][\w.]*\+0x[0-9a-f]+/0x[0-9a-f]+"
    r"|\S+\.(?:[chS]|rst):\d+(?::\d+)?: (?:warning|error|note|fatal error):"  # compiler
)
# A patch with at most this many lines to read (its message twice over,
# its added and removed lines) and characters in them has them made once for
# all its rules (`PatchContext.keep_lines`); the real patches of the tests
# have at most a few hundred.  A bigger one has each line made as a rule
# reads it: kept, a megabyte of short lines would take a hundred megabytes.
KEEP_LINES = 5_000
KEEP_CHARS = 500_000

# Columns of a pasted table (slabinfo, perf output): gaps of 2+ spaces that
# do not follow the end of a sentence.
_COLUMN_GAP = lazy_re.compile(r"(?<![.?!:;,\s]) {2,}(?=\S)")


class PatchContext:
    """A patch with what the rules need to know about it.

    ``project``: ``"kvm-unit-tests"`` or ``"kernel"``; ``is_kvm``: a KVM
    kernel patch, the KVM-specific rules apply; ``kvm_host_only``: every
    touched file is KVM host code (and there is one); ``prose``: changelog
    prose (no quotes, indented blocks, logs or bracketed notes);
    ``prose_with_urls``: the same lines with their URLs as written;
    ``lookup_commit``: with ``--git-dir``, sha -> (full sha, title) of the
    commit (None if unknown);
    ``files``: the files the current rule reads (all of the patch's, or the
    ones in the areas and types the rule declares, see :meth:`scoped`);
    ``added_code``: the code the patch adds, as the code-style rules read it
    (:class:`kvmcheck.added_code.AddedCode`, worked out once per patch).

    What several rules need is worked out here, once per patch, and shared
    with the scoped contexts: a rule asks, and never caches.
    """

    __slots__ = (
        "_lines_kept",
        "_scope_problems",
        "added_code",
        "files",
        "is_kvm",
        "kvm_host_only",
        "lookup_commit",
        "patch",
        "project",
        "prose",
        "prose_with_urls",
        "series",
        "touches_kvm_host",
    )

    def __init__(
        self,
        patch: Patch,
        series: Series,
        project: str,
        is_kvm: bool,
        kvm_host_only: bool,
        touches_kvm_host: bool,
        prose: Sequence[Line],
        prose_with_urls: Sequence[Line],
        added_code: AddedCode | None = None,
        scope_problems: dict[tuple[str, str], str | None] | None = None,
    ) -> None:
        """``added_code`` and ``scope_problems``: the whole patch's, for a
        scoped context (new ones otherwise)."""
        self.patch = patch
        self.series = series
        self.project = project
        self.is_kvm = is_kvm
        self.kvm_host_only = kvm_host_only
        self.touches_kvm_host = touches_kvm_host
        self.prose = prose
        self.prose_with_urls = prose_with_urls
        self.files: list[FileDiff] = patch.files
        self.lookup_commit: Callable[[str], tuple[str, str] | None] | None = None
        self.added_code = AddedCode(patch) if added_code is None else added_code
        self._scope_problems = {} if scope_problems is None else scope_problems
        # The views keep_lines keeps, until drop_lines.
        self._lines_kept: list[PickedLines] = []

    @property
    def paths(self) -> list[str]:
        return self.patch.paths

    def keep_lines(self) -> None:
        """Keep the lines the rules read once made, for all of them, when the
        patch is small (see ``KEEP_LINES``); :meth:`drop_lines` when its
        rules are done, so that only one patch's lines are kept at a time."""
        # Counted view by view, the views listed only while the patch is
        # small: a patch of thousands of hunks has two views a hunk.  Each
        # hunk has a line, so a small patch has few views; empty ones have
        # nothing to keep.
        lines = chars = 0
        kept = []
        for view in self._line_views():
            size = len(view)
            if size:
                lines += size
                chars += view.span()
                if lines > KEEP_LINES or chars > KEEP_CHARS:
                    return
                kept.append(view)
        for view in kept:
            view.keep()
        self._lines_kept = kept

    def drop_lines(self) -> None:
        """Go back to making each line as it is read (see :meth:`keep_lines`)."""
        for view in self._lines_kept:
            view.drop()
        self._lines_kept = []

    def _line_views(self) -> Iterator[PickedLines]:
        views: Iterator[Sequence[Line]] = chain(
            (self.patch.message, self.prose),
            # The prose is one object with or without its URLs when it has none.
            () if self.prose_with_urls is self.prose else (self.prose_with_urls,),
            (
                lines
                for file in self.patch.files
                for hunk in file.hunks
                for lines in (hunk.added, hunk.removed)
            ),
        )
        return (view for view in views if isinstance(view, PickedLines))

    def scope_problem(self, topic: str, description: str = "") -> str | None:
        """:func:`kvmcheck.paths.scope_problem` of ``topic`` for this patch's
        paths (several scope rules ask the same of one patch)."""
        key = (topic, description)
        if key not in self._scope_problems:
            self._scope_problems[key] = scope_problem(topic, self.paths, description)
        return self._scope_problems[key]

    def scoped(self, areas: tuple[str, ...], types: tuple[str, ...]) -> PatchContext | None:
        """This context with ``files`` narrowed to the given areas and types
        (None when no file is in them).  Made for each rule and dropped after
        it: keeping one per rule and patch would cost more than the filter."""
        files = [f for f in self.patch.files if in_scope(f.path, areas, types)]
        if not files:
            return None
        found = PatchContext(
            self.patch,
            self.series,
            self.project,
            self.is_kvm,
            self.kvm_host_only,
            self.touches_kvm_host,
            self.prose,
            self.prose_with_urls,
            self.added_code,
            self._scope_problems,
        )
        found.files = files
        found.lookup_commit = self.lookup_commit
        return found


def project_of(patch: Patch) -> str:
    """``kvm-unit-tests`` when the subject tag or the paths say so."""
    subject = patch.subject
    if subject is not None and subject.project == KUT:
        return KUT
    paths = patch.paths
    if any(is_kut_path(p) for p in paths) and not any(is_kernel_path(p) for p in paths):
        return KUT
    return KERNEL


# "KVM:SVM: ..." names KVM too, though without its spaces it parses as no prefix.
_GLUED_KVM = lazy_re.compile(r"(?:[\w/.-]+:\s*)*kvm:", re.IGNORECASE)


def _has_kvm_prefix(patch: Patch) -> bool:
    if patch.subject is None:
        return False
    return (
        any("kvm" in component.lower().split("/") for component in patch.subject.prefix)
        or _GLUED_KVM.match(patch.subject.shortlog) is not None
    )


def analyze(patch: Patch, series: Series) -> PatchContext:
    paths = patch.paths
    project = project_of(patch)
    host = [p for p in paths if is_kvm_host(p)]
    guest = [p for p in paths if is_guest_side(p)]
    kvm_related = set(host) | set(guest)
    others = [p for p in paths if p not in kvm_related]
    is_kvm = project != KUT and (_has_kvm_prefix(patch) or (bool(kvm_related) and not others))
    prose, prose_with_urls = prose_lines(patch.message)
    return PatchContext(
        patch=patch,
        series=series,
        project=project,
        is_kvm=is_kvm,
        kvm_host_only=bool(paths) and len(host) == len(paths),
        touches_kvm_host=bool(host),
        prose=prose,
        prose_with_urls=prose_with_urls,
    )


def prose_lines(message: Sequence[Line]) -> tuple[Sequence[Line], Sequence[Line]]:
    """The lines of changelog prose, picked once and seen two ways: with URLs
    blanked out, and as written.

    Left out: quoted lines (``>``), indented blocks (logs, code, splats: any
    leading whitespace, as prose starts at column 0), pasted kernel log lines
    and ``[ ... ]`` notes that maintainers add when applying.
    """
    prose, has_urls = _prose_indices(message)
    # Picked from Patch.message itself, so lines of the input are still cut
    # from its text as read.
    source = PickedLines.of(message)
    as_written = source.picked(prose)
    # Without a URL the blanking view would only copy every line read.
    blanked = source.picked(prose, _blank_urls) if has_urls else as_written
    return blanked, as_written


def _prose_indices(message: Sequence[Line]) -> tuple[array, bool]:
    """Where the prose lines of ``message`` are (see :func:`prose_lines`), and
    whether any of them may hold a URL."""
    prose = PickedLines.indices()
    has_urls = False
    in_note = False
    # Texts read: the lines are not made before the rules run (keep_lines).
    for index, text in enumerate(texts_of(message)):
        stripped = text.strip()
        if in_note:
            in_note = not stripped.endswith("]")
            continue
        if not stripped:
            continue
        if text.startswith((">", "\t", " ")) or _LOG_LINE.match(text):
            continue
        # Every gap is two spaces or more: most lines have none to look for.
        gaps = _COLUMN_GAP.findall(text) if "  " in text else ()
        if len(gaps) >= 2 or any(len(gap) >= 4 for gap in gaps):
            continue  # a table or a diagram, not prose
        if stripped.startswith("[") and re.match(r"\[\s*[\w.-]+:", stripped):
            in_note = not stripped.endswith("]")
            continue
        prose.append(index)
        # Every URL _URL matches has "://": a plain substring test finds
        # the lines that may need blanking.
        has_urls = has_urls or "://" in text
    return prose, has_urls


def _blank_urls(text: str) -> str:
    if "://" not in text:  # most lines, and far cheaper than the search
        return text
    return _URL.sub(lambda m: " " * len(m.group()), text)


def has_url(text: str) -> bool:
    return _URL.search(text) is not None


_FEATURE_LINE = lazy_re.compile(
    r"#\s*define\s+KVM_CAP_\w+|_IO[RW]{0,2}\s*\(\s*KVMIO\b|\bmodule_param(?:_named|_cb)?\s*\("
)


def _is_feature_line(text: str) -> bool:
    """A line that adds a KVM_CAP_, an ioctl or a module param."""
    # Every match holds one of these words: the plain tests pass over the
    # other lines at a tenth of the search's cost.
    if "KVM_CAP_" in text or "KVMIO" in text or "module_param" in text:
        return _FEATURE_LINE.search(text) is not None
    return False


_CPUID_FEATURE = lazy_re.compile(r"\bX86_FEATURE_(\w+)|\bF\((\w+)\)")
_CPUID_FILES = ("arch/x86/kvm/cpuid.c", "arch/x86/kvm/reverse_cpuid.h")


def adds_feature(context: PatchContext) -> bool:
    """New KVM_CAP_, ioctl, module param or advertised CPUID feature."""
    for file in context.patch.files:
        if not is_kvm_host(file.path) or file.path.startswith(SELFTESTS_DIR):
            continue
        if any(_is_feature_line(line.text) for line in file.added_lines()):
            return True
        if file.path in _CPUID_FILES:
            added = {
                m.group(1) or m.group(2)
                for line in file.added_lines()
                for m in _CPUID_FEATURE.finditer(line.text)
            }
            removed = {
                m.group(1) or m.group(2)
                for line in file.removed_lines()
                for m in _CPUID_FEATURE.finditer(line.text)
            }
            if added - removed:
                return True
    return False


def is_bug_fix(context: PatchContext) -> bool:
    """A ``Fixes:`` tag, or a shortlog that starts with "Fix"."""
    patch = context.patch
    if any(t.key.lower() == "fixes" for t in patch.trailers):
        return True
    subject = patch.subject
    return subject is not None and subject.description.lower().startswith("fix")
