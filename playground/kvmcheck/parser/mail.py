"""Mail: an mbox cut into messages, a mail's headers, its body as ``git am`` reads it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kvmcheck import lazy_re
from kvmcheck.input_lines import InputLines, text_reader, texts_of
from kvmcheck.model import Line, Patch
from kvmcheck.parser.message import read_body
from kvmcheck.parser.mime import decode_body, decode_encoded_words
from kvmcheck.parser.parts import Head, build_patch
from kvmcheck.parser.subject import parse_subject
from kvmcheck.parser.text import collapse_space, first_nonblank, split_lines

# An RFC 5322 field name followed by a colon.
_HEADER = lazy_re.compile(r"[!-9;-~]+:")
MBOX_FROM = lazy_re.compile(r"From \S+ +\S")
_BRACKETED_ADDRESS = lazy_re.compile(r"<([^<>\s@]+@[^<>\s]+)>")

# More lines than any real header block (long Cc: lists included).
_MAX_HEADER_LINES = 2000


def header_block_follows(lines: Sequence[Line], start: int) -> bool:
    """True when ``lines[start:]`` opens with mail headers naming From or Subject."""
    names: set[str] = set()
    # A header block is short; bounding the scan keeps mbox splitting linear.
    for text in texts_of(lines[start : start + _MAX_HEADER_LINES]):
        if not text.strip():
            break
        if text[0] in " \t" and names:
            continue
        match = _HEADER.match(text)
        if not match:
            return False
        names.add(match.group()[:-1].lower())
    return bool(names & {"from", "subject"})


def looks_like_email(lines: Sequence[Line], start: int) -> bool:
    """Whether a mail's header block starts at ``lines[start]``."""
    return _HEADER.match(lines[start].text) is not None and header_block_follows(lines, start)


def split_mbox(lines: InputLines, start: int) -> list[InputLines]:
    """Cut an mbox at its ``From `` separator lines.

    No blank line is required before one: ``cat *.patch`` puts each
    separator right after the previous mail's signature.
    """
    chunks: list[InputLines] = []
    chunk_start = start
    # Found in the text: no line is made but the candidates.
    for offset in lines[start:].starting_with("From "):
        index = start + offset
        if MBOX_FROM.match(lines[index].text) and header_block_follows(lines, index + 1):
            if index > chunk_start:
                chunks.append(lines[chunk_start:index])
            chunk_start = index
    if len(lines) > chunk_start:
        chunks.append(lines[chunk_start:])
    return chunks


def mbox_message_starts(text: str) -> list[int]:
    """The 0-based line numbers where the messages of an mbox start (their
    ``From `` lines, line ends counted as the parser counts them); empty when
    ``text`` is not an mbox."""
    lines = split_lines(text)
    start = first_nonblank(lines)
    if start is None or not (
        MBOX_FROM.match(lines[start].text) and header_block_follows(lines, start + 1)
    ):
        return []
    starts = []
    index = start  # the chunks follow one another, and line i is lines[i]
    for chunk in split_mbox(lines, start):
        starts.append(index)
        index += len(chunk)
    return starts


def parse_email(source: str, lines: InputLines) -> Patch:
    """One mail (an mbox message without its ``From `` line): headers, then
    the body as ``git am`` reads it."""
    header_count, body_start = _collect_headers(lines)
    header_lines = lines[:header_count]
    headers: dict[str, tuple[str, int | None]] = {}
    end_linenos: dict[str, int | None] = {}  # where a folded header ends
    for name, value, lineno, end_lineno in _unfolded_headers(header_lines):
        if name in headers:
            continue  # a repeated header: the first one counts, as in email.message
        if "=?" in value:
            value = decode_encoded_words(value)
        headers[name] = (value, lineno)
        end_linenos[name] = end_lineno

    body_lines = decode_body(header_lines, lines[body_start:], headers)
    in_body, body_lines = _in_body_headers(body_lines)
    headers.update(in_body.headers)  # an in-body Subject: replaces the mail's

    subject = in_body.subject
    if subject is None and "subject" in headers:
        value, lineno = headers["subject"]
        subject = parse_subject(value, lineno, end_linenos.get("subject"))
    author, author_lineno = in_body.author, in_body.author_lineno
    if author is None and "from" in headers:
        author, author_lineno = headers["from"]
    message, below = read_body(body_lines)
    head = Head(headers, author, author_lineno, subject)
    return build_patch(source, "email", head, message, below)


def _collect_headers(lines: Sequence[Line]) -> tuple[int, int]:
    """How many lines the header block holds (the first one a ``Name:`` line),
    and the index of the body."""
    text_of = text_reader(lines)
    index = 0
    while index < len(lines):
        text = text_of(index)
        if not text.strip():
            return index, index + 1
        if (text[0] in " \t" and index) or _HEADER.match(text):
            index += 1
            continue
        # Not a header: the body starts without the blank line.
        return index, index
    return index, index


def _unfolded_headers(headers: InputLines) -> Iterator[tuple[str, str, int | None, int | None]]:
    """Each header as (lower-case name, value, first and last line number):
    unfolded, white space collapsed, encoded words not yet decoded."""
    first = 0  # the index of the header being read
    first_line = None  # its first line
    end_lineno = None  # the number of its last line
    for index, line in enumerate(headers):
        if line.text[:1] in (" ", "\t"):
            end_lineno = line.lineno  # a folded line
            continue
        if first_line is not None:
            yield _unfold(headers, first, index, first_line, end_lineno)
        first, first_line, end_lineno = index, line, line.lineno
    if first_line is not None:
        yield _unfold(headers, first, len(headers), first_line, end_lineno)


def _unfold(
    headers: InputLines, start: int, stop: int, first_line: Line, end_lineno: int | None
) -> tuple[str, str, int | None, int | None]:
    """The header on ``headers[start:stop]`` as (lower-case name, value on one
    line, first and last line number).

    A folded value is cut from one slice of the input: a list of the folded
    lines would cost some eighty bytes a line of a long ``Cc:``.
    """
    if stop == start + 1:
        name, _, value = first_line.text.partition(":")
    else:
        name, _, value = headers[start:stop].joined().partition(":")
    # Replacing the usual folds first leaves the regular expression (which
    # keeps a list entry per match) little to do.
    value = value.replace("\n ", " ").replace("\n\t", " ")
    return name.strip().lower(), collapse_space(value), first_line.lineno, end_lineno


def _in_body_headers(body: Sequence[Line]) -> tuple[Head, Sequence[Line]]:
    """The ``From:``/``Subject:`` lines opening the body, which ``git am``
    takes over the mail's, and the body below them."""
    author = author_lineno = subject = None
    headers: dict[str, tuple[str, int | None]] = {}
    index = 0
    while index < len(body) and not body[index].text.strip():
        index += 1
    start = index
    found = False
    while index < len(body):
        text = body[index].text
        lower = text.lower()
        if lower.startswith("from:"):
            author, author_lineno = text[5:].strip(), body[index].lineno
        elif lower.startswith("subject:"):
            # Folded as a mail header may be: git am reads the indented
            # lines below as the rest of it.
            end = index + 1
            while end < len(body) and body[end].text[:1] in (" ", "\t") and body[end].text.strip():
                end += 1
            value = " ".join(line.text.strip() for line in body[index:end])[8:].strip()
            subject = parse_subject(value, body[index].lineno, body[end - 1].lineno)
            headers["subject"] = (value, body[index].lineno)
            index = end - 1
        elif lower.startswith("date:"):
            pass
        else:
            break
        found = True
        index += 1
    head = Head(headers, author, author_lineno, subject)
    if not found:
        return head, body[start:]
    if index < len(body) and not body[index].text.strip():
        return head, body[index + 1 :]
    return head, body[index:]


def author_email(author: str | None) -> str:
    """The lower-cased address of a ``Name <address>`` string ('' if none)."""
    if not author:
        return ""
    bracketed = _BRACKETED_ADDRESS.search(author)
    if bracketed:
        return bracketed.group(1).lower()
    from email.utils import parseaddr  # rarely needed: keep start-up lean

    return parseaddr(author)[1].lower()
