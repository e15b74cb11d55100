"""What the grammars read, as values, and the one place that makes a patch of them.

Each grammar returns the parts it read (the head of a mail or commit, the
commit message, what lies below it); :func:`build_patch` alone sets the
fields of :class:`~kvmcheck.model.Patch`, so which part wins when two carry
the same field (a ``base-commit:`` line above and below the ``---``) is
decided here.
"""

from __future__ import annotations

from collections.abc import Sequence

from kvmcheck.model import FileDiff, Line, Patch, Subject, Trailer


# Plain slotted classes, not typing's named tuples: a one-patch run need
# not import ``typing``.  Each is built once per patch and read by name.
class Head:
    """What precedes the commit message: headers (lower-cased name to value
    and line), the author with the line that names them, the subject."""

    __slots__ = ("author", "author_lineno", "headers", "subject")

    def __init__(
        self,
        headers: dict[str, tuple[str, int | None]],
        author: str | None,
        author_lineno: int | None,
        subject: Subject | None,
    ) -> None:
        self.headers = headers
        self.author = author
        self.author_lineno = author_lineno
        self.subject = subject


class Message:
    """The commit message below the subject: its text above the trailers, the
    trailers, and the last ``base-commit:`` line taken out of it."""

    __slots__ = ("base_commit", "body", "trailers")

    def __init__(
        self, body: Sequence[Line], trailers: list[Trailer], base_commit: Line | None
    ) -> None:
        self.body = body
        self.trailers = trailers
        self.base_commit = base_commit


class BelowMessage:
    """What follows the commit message: the ``---`` line, the notes git
    ignores, the diffstat, the diff, and the last ``base-commit:`` line."""

    __slots__ = ("base_commit", "diffstat", "files", "notes", "separator_lineno")

    def __init__(
        self,
        separator_lineno: int | None,
        notes: list[Line],
        diffstat: list[Line],
        files: list[FileDiff],
        base_commit: Line | None,
    ) -> None:
        self.separator_lineno = separator_lineno
        self.notes = notes
        self.diffstat = diffstat
        self.files = files
        self.base_commit = base_commit


def build_patch(
    source: str,
    kind: str,
    head: Head | None = None,
    message: Message | None = None,
    below: BelowMessage | None = None,
) -> Patch:
    """The patch made of the parts read from one input (or one mbox message)."""
    patch = Patch(source=source, kind=kind)
    if head is not None:
        patch.headers = head.headers
        patch.author, patch.author_lineno = head.author, head.author_lineno
        patch.subject = head.subject
    base_commit = None
    if message is not None:
        patch.message, patch.trailers = message.body, message.trailers
        base_commit = message.base_commit
    if below is not None:
        patch.separator_lineno = below.separator_lineno
        patch.notes, patch.diffstat, patch.files = below.notes, below.diffstat, below.files
        if below.base_commit is not None:  # the last such line of the input counts
            base_commit = below.base_commit
    patch.base_commit = base_commit
    return patch
