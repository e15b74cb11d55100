"""The patch model every rule works on.

`kvmcheck.parser` is the only code that reads raw input; it builds these
objects.  Every piece of text keeps the 1-based line number it came from in
the input file (or ``None`` when the text has no single place, e.g. the body
of a base64-encoded mail) so findings can point at it.

Plain classes with ``__slots__`` rather than dataclasses: importing
``dataclasses`` (and ``inspect`` with it) is a noticeable share of a
one-patch run, and kvmcheck runs once per patch under b4 and git hooks.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

TYPE_CHECKING = False  # not typing's: a run need not import typing
if TYPE_CHECKING:
    from kvmcheck.input_lines import PickedLines


class Line:
    """One line of text and where it is in the input file."""

    __slots__ = ("lineno", "text")

    def __init__(self, text: str, lineno: int | None) -> None:
        self.text = text
        self.lineno = lineno

    def __repr__(self) -> str:
        return f"Line({self.text!r}, {self.lineno!r})"


def follows(previous: Line | None, line: Line) -> bool:
    """``line`` comes directly after ``previous`` in the input (the next
    line number); never for lines without a place, as in a decoded mail body."""
    return (
        previous is not None and previous.lineno is not None and line.lineno == previous.lineno + 1
    )


class Subject:
    """A parsed subject line: ``[PATCH v2 3/7] KVM: x86: Fix foo``.

    ``tags``: words of the leading ``[...]`` groups (``("PATCH", "v2", "3/7")``);
    ``project``: ``"kvm-unit-tests"`` for ``[kvm-unit-tests PATCH]``;
    ``shortlog``: the subject without the tags (``KVM: x86: Fix foo``);
    ``prefix``: the leading ``word:`` components (``("KVM", "x86")``);
    ``description``: the shortlog after the prefix (``Fix foo``);
    ``revert``: a ``Revert "<title>"`` subject, whose quoted title is the
    reverted commit's and has no prefix of its own; ``end_lineno``: the line
    a subject folded over several lines ends on (else ``lineno``).
    """

    __slots__ = (
        "description",
        "end_lineno",
        "is_patch",
        "lineno",
        "number",
        "prefix",
        "project",
        "raw",
        "revert",
        "rfc",
        "shortlog",
        "tags",
        "total",
        "version",
    )

    def __init__(self, raw: str, lineno: int | None) -> None:
        self.raw = raw
        self.lineno = lineno
        self.end_lineno = lineno
        self.tags: tuple[str, ...] = ()
        self.is_patch = False
        self.rfc = False
        self.project: str | None = None
        self.version: int | None = None
        self.number: int | None = None
        self.total: int | None = None
        self.shortlog = ""
        self.prefix: tuple[str, ...] = ()
        self.description = ""
        self.revert = False

    def __repr__(self) -> str:
        return f"Subject({self.raw!r}, {self.lineno!r})"


class Trailer:
    """A ``Key: value`` line of the trailer block (``raw`` is the line as written)."""

    __slots__ = ("key", "lineno", "raw", "value")

    def __init__(self, key: str, value: str, lineno: int | None, raw: str) -> None:
        self.key = key
        self.value = value
        self.lineno = lineno
        self.raw = raw

    def __repr__(self) -> str:
        return f"Trailer({self.key!r}, {self.value!r}, {self.lineno!r})"


class Hunk:
    """One ``@@`` hunk with its added and removed lines.

    ``section`` is what git printed after the second ``@@`` (usually the
    enclosing function); ``added`` and ``removed`` hold the lines without
    their ``+``/``-``, made when read (``kvmcheck.input_lines.PickedLines``).
    """

    __slots__ = (
        "added",
        "context_spaces",
        "context_tabs",
        "damage",
        "lineno",
        "lines_below",
        "new_start",
        "old_start",
        "removed",
        "section",
    )

    def __init__(
        self, old_start: int, new_start: int, lineno: int | None, section: str = ""
    ) -> None:
        self.old_start = old_start
        self.new_start = new_start
        self.lineno = lineno
        self.section = section
        self.added: Sequence[Line] = ()
        self.removed: Sequence[Line] = ()
        # What a mailer did to the hunk, as the parser saw it (the rule
        # patch-corrupted reports it): ``damage`` holds (line number, kind)
        # pairs, kind "wrapped" (a line without a diff marker inside the
        # hunk: the end of the line above) or "count" (the lines disagree with
        # the @@ counts); ``context_tabs`` and ``context_spaces`` count the
        # context lines indented with a tab and with spaces (a mailer that
        # turns tabs into spaces turns them all, context lines included).
        self.damage: tuple[tuple[int | None, str], ...] = ()
        self.context_tabs = 0
        self.context_spaces = 0
        # How far below the header the hunk's last line is (its trailing
        # context, or "\ No newline at end of file"): a small number, where
        # the line number itself would be one more int object per hunk.
        self.lines_below = 0

    @property
    def last_lineno(self) -> int | None:
        """The number of the hunk's last line (None for lines without a
        place, as in a decoded base64 body)."""
        return None if self.lineno is None else self.lineno + self.lines_below


class FileDiff:
    """The changes to one file (``None`` path: the file is created or deleted)."""

    __slots__ = ("hunks", "lineno", "new_path", "old_path")

    def __init__(self, old_path: str | None, new_path: str | None, lineno: int | None) -> None:
        self.old_path = old_path
        self.new_path = new_path
        self.lineno = lineno
        self.hunks: list[Hunk] = []

    @property
    def path(self) -> str:
        """The file's path in the tree after the patch (before it, if deleted)."""
        return self.new_path or self.old_path or ""

    def added_lines(self) -> Iterator[Line]:
        for hunk in self.hunks:
            yield from hunk.added

    def removed_lines(self) -> Iterator[Line]:
        for hunk in self.hunks:
            yield from hunk.removed

    def __repr__(self) -> str:
        return f"FileDiff({self.old_path!r}, {self.new_path!r})"


class Patch:
    """One patch (or cover letter) of a posting.

    ``kind`` says what the input looked like: ``"email"`` (format-patch file or
    mail), ``"git-log"`` (``git show`` / ``git log -p``), ``"message"`` (a bare
    commit message, possibly followed by a diff), ``"diff"`` (a bare diff) or
    ``"unrecognized"`` (``problem`` then says why: ``"empty"``, ``"binary"``
    or ``"html"``).

    ``headers`` maps a lower-cased header name to (decoded value, line);
    ``message`` is the commit message body above the trailers (no subject),
    always `kvmcheck.input_lines.PickedLines` (whatever sequence of lines
    is assigned is taken as one);
    ``notes`` the text below ``---`` that git ignores, without the diffstat;
    ``separator_lineno`` the ``---`` line, when there is one.
    """

    __slots__ = (
        "_message",
        "author",
        "author_lineno",
        "base_commit",
        "diffstat",
        "files",
        "headers",
        "kind",
        "notes",
        "problem",
        "separator_lineno",
        "source",
        "subject",
        "trailers",
    )

    def __init__(self, source: str, kind: str, problem: str | None = None) -> None:
        self.source = source
        self.kind = kind
        self.problem = problem
        self.subject: Subject | None = None
        self.headers: dict[str, tuple[str, int | None]] = {}
        self.author: str | None = None
        self.author_lineno: int | None = None
        self.message = ()
        self.trailers: list[Trailer] = []
        self.notes: list[Line] = []
        self.diffstat: list[Line] = []
        self.files: list[FileDiff] = []
        self.base_commit: Line | None = None
        self.separator_lineno: int | None = None

    @property
    def message(self) -> PickedLines:
        """The message's lines: of the input file, cut from its text as read
        (``kvmcheck.input_lines``), or the decoded lines of a mail body."""
        return self._message

    @message.setter
    def message(self, lines: Sequence[Line]) -> None:
        # Imported here: input_lines imports this module for Line.
        from kvmcheck.input_lines import PickedLines

        self._message = PickedLines.of(lines)

    @property
    def is_cover_letter(self) -> bool:
        return self.subject is not None and self.subject.number == 0

    @property
    def has_message(self) -> bool:
        return self.kind in ("email", "git-log", "message")

    @property
    def is_commit(self) -> bool:
        """A commit's own message, the one the changelog, shortlog and tag rules read."""
        return self.has_message and not self.is_cover_letter

    @property
    def paths(self) -> list[str]:
        return [f.path for f in self.files]

    def paragraphs(self) -> Iterator[Sequence[Line]]:
        """The changelog body split at blank lines (each line keeps its number)."""
        start = None
        for index, line in enumerate(self.message):
            if line.text.strip():
                if start is None:
                    start = index
            elif start is not None:
                yield self.message[start:index]
                start = None
        if start is not None:
            yield self.message[start:]

    def header(self, name: str) -> str | None:
        found = self.headers.get(name.lower())
        return found[0] if found else None

    def header_lineno(self, name: str) -> int | None:
        found = self.headers.get(name.lower())
        return found[1] if found else None

    def __repr__(self) -> str:
        return f"Patch({self.source!r}, {self.kind!r})"


class Series:
    """Everything given in one run: one posting of one or more patches."""

    __slots__ = ("patches",)

    def __init__(self, patches: list[Patch] | None = None) -> None:
        self.patches: list[Patch] = patches if patches is not None else []

    @property
    def cover_letter(self) -> Patch | None:
        for patch in self.patches:
            if patch.is_cover_letter:
                return patch
        return None

    @property
    def first_mail(self) -> Patch | None:
        """The mail that starts the thread: the cover letter, else the first patch."""
        return self.cover_letter or (self.patches[0] if self.patches else None)
