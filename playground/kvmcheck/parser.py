"""Turn input files into the patch model (the only module that reads raw text).

Accepted input, per file: a ``git format-patch`` file or saved mail (MIME,
quoted-printable/base64 bodies, RFC 2047 headers, folded headers, CRLF), an
mbox holding a whole series, ``git show`` / ``git log -p`` output, a bare
commit message (as git hands it to a ``commit-msg`` hook) or a bare diff.
Several files form one series.

Headers and transfer encodings are decoded with the standard library
``email`` package; this module only tracks where each piece of text sits in
the input so that findings can name the line.
"""

from __future__ import annotations

import codecs
import io
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence

from kvmcheck import lazy_re
from kvmcheck.input_lines import InputLines, PickedLines
from kvmcheck.model import FileDiff, Hunk, Line, Patch, Series, Subject, Trailer

# An RFC 5322 field name followed by a colon.
_HEADER = lazy_re.compile(r"[!-9;-~]+:")
# A saved web page (the lore.kernel.org page instead of its raw message).
_HTML = lazy_re.compile(r"\s*<(?:!DOCTYPE\s+html|html)\b", re.IGNORECASE)
_MBOX_FROM = lazy_re.compile(r"From \S+ +\S")
_GIT_LOG_COMMIT = lazy_re.compile(r"commit [0-9a-f]{7,64}\b")
_HUNK = lazy_re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
# Diffstat lines: " path | 12 ++--", " path | Bin 0 -> 12 bytes", the summary.
_DIFFSTAT_COUNT = lazy_re.compile(r"\d+ ?[-+]*|Bin\b.*")
_DIFFSTAT_OTHER = lazy_re.compile(
    r" (?:\d+ files? changed\b|(?:create|delete) mode \d+ |rename |mode change )"
)
_BASE_COMMIT = lazy_re.compile(r"base-commit: *([0-9a-fA-F]{7,64})\s*")
_PREREQUISITE = lazy_re.compile(r"prerequisite-patch-id: *[0-9a-fA-F]+\s*")
_BRACKETED_ADDRESS = lazy_re.compile(r"<([^<>\s@]+@[^<>\s]+)>")
# A possessive repeat (*+, also in _diff_git_paths): the re module keeps a
# backtracking record per pass of a repeated group, tens of bytes per character.
_TRAILER = lazy_re.compile(r"([A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*+) *:(.*)")
_SUBJECT_TAGS = lazy_re.compile(r"\[([^\]]*)\]\s*")
_PREFIX_COMPONENT = lazy_re.compile(r"([^\s:\[\]]+):(?:\s+|$)")
_REVERT = lazy_re.compile(r'Revert ".*"')
_VERSION_TAG = lazy_re.compile(r"[vV](\d{1,4})")
_NUMBER_TAG = lazy_re.compile(r"(\d{1,5})/(\d{1,5})")
# git commit --verbose: everything below the scissors line is the diff.
_SCISSORS = lazy_re.compile(r"# -+ >8 -+")
# White space other than a lone space: a run, or a tab or other space character.
_ODD_SPACE = lazy_re.compile(r"\s{2,}|[^\S ]")
_ONLY_SPACE = lazy_re.compile(r"\s*")
# An RFC 2047 encoded word, =?charset?Q or B?text?=.  The RFC allows no white
# space in one and no "?" in its text, which also keeps the search linear.
_ENCODED_WORD = lazy_re.compile(r"=\?[^?\s]*\?[qQbB]\?[^?\s]*\?=")

# Tags recognised in a trailer block even when misspelt in case or spacing.
KNOWN_TAGS = (
    "Signed-off-by",
    "Co-developed-by",
    "Acked-by",
    "Reviewed-by",
    "Tested-by",
    "Reported-by",
    "Suggested-by",
    "Fixes",
    "Cc",
    "Link",
    "Closes",
    "Message-Id",
    "Message-ID",
    "Cc: stable",
    "Originally-by",
    "Debugged-by",
    "Analyzed-by",
    "Requested-by",
    "Based-on-patch-by",
    "Reported-and-tested-by",
    "Signed-off",
)
_KNOWN_TAGS_LOWER = frozenset(t.lower() for t in KNOWN_TAGS)

# More lines than any real header block (long Cc: lists included).
_MAX_HEADER_LINES = 2000

# Share of control characters above which input is taken for binary data.
_BINARY_CONTROL_SHARE = 0.01
_CONTROL_CHARS = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f") | {"\x7f"}


def parse_inputs(inputs: Iterable[tuple[str, str | bytes]]) -> Series:
    """Parse every (source name, content) pair into one series."""
    series = Series()
    for source, data in inputs:
        series.patches.extend(parse_file(source, data))
    return series


def parse_file(source: str, data: str | bytes) -> list[Patch]:
    """Parse one input file into the patches it holds (at least one)."""
    text, problem = _to_text(data)
    if text is None:
        return [Patch(source=source, kind="unrecognized", problem=problem)]
    lines = _split_lines(text)
    start = _first_nonblank(lines)
    if start is None:
        return [Patch(source=source, kind="unrecognized", problem="empty")]
    first = lines[start].text
    if _MBOX_FROM.match(first) and _header_block_follows(lines, start + 1):
        return [_parse_email(source, chunk[1:]) for chunk in _split_mbox(lines, start)]
    if _looks_like_email(lines, start):
        return [_parse_email(source, lines[start:])]
    if _GIT_LOG_COMMIT.match(first):
        return [_parse_git_log(source, chunk) for chunk in _split_git_log(lines, start)]
    if _is_diff_start(lines, start) or _is_diffstat(first) or first.rstrip() == "---":
        # A diff, or what format-patch writes above one (the "---" and the
        # diffstat): not a commit message whose shortlog is " x.c | 2 +-".
        patch = Patch(source=source, kind="diff")
        _parse_after_message(patch, lines[start:])
        return [patch]
    return [_parse_bare_message(source, lines[start:])]


# --- raw text ---------------------------------------------------------------


def input_text(data: str | bytes) -> str | None:
    """The text :func:`parse_file` reads from ``data`` (byte order mark
    removed), or None when it is not text."""
    return _to_text(data)[0]


def _to_text(data: str | bytes) -> tuple[str | None, str | None]:
    """Decode input to text, or say why it is not text."""
    if isinstance(data, bytes):
        text = _decode_by_bom(data)
        if text is None:
            if b"\x00" in data:
                return None, "binary"
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                # Mail in a legacy 8-bit charset: every byte maps to a character.
                text = data.decode("latin-1")
                if _mostly_unprintable(text, extra=frozenset(chr(c) for c in range(0x80, 0xA0))):
                    return None, "binary"
    else:
        text = data
    if "\x00" in text or _mostly_unprintable(text):
        return None, "binary"
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return None, "empty"
    if _HTML.match(text):
        return None, "html"
    return text, None


# Byte order marks of the encodings that put NUL bytes in plain ASCII text;
# PowerShell's ``>`` writes UTF-16 with a BOM.  UTF-32 first: its
# little-endian mark starts with UTF-16's.
_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode_by_bom(data: bytes) -> str | None:
    """The text of UTF-16 or UTF-32 input that starts with its BOM, else None."""
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    return None


def _mostly_unprintable(text: str, extra: frozenset[str] = frozenset()) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    # One C-level count per character looked for, not a Python step per
    # character of the sample: this runs on every input.
    bad = sum(sample.count(ch) for ch in _CONTROL_CHARS | extra)
    return bad > _BINARY_CONTROL_SHARE * len(sample)


def _split_lines(text: str) -> InputLines:
    """Split at LF, as git does: a CR before it belongs to the line end, a
    lone CR inside a line is text (a patch whose context line holds one
    applies only if that line stays one line).  Only text without any LF
    is taken for old CR-only line ends.  ``kvmcheck.fix`` splits the same way."""
    if "\n" in text:
        return InputLines.split(text.replace("\r\n", "\n"))
    return InputLines.split(text.replace("\r", "\n"))


def _first_nonblank(lines: Sequence[Line]) -> int | None:
    for index, line in enumerate(lines):
        if line.text.strip():
            return index
    return None


# --- classification and splitting --------------------------------------------


def _header_block_follows(lines: Sequence[Line], start: int) -> bool:
    """True when ``lines[start:]`` opens with mail headers naming From or Subject."""
    names = set()
    # A header block is short; bounding the scan keeps mbox splitting linear.
    for line in lines[start : start + _MAX_HEADER_LINES]:
        text = line.text
        if not text.strip():
            break
        if text[0] in " \t" and names:
            continue
        match = _HEADER.match(text)
        if not match:
            return False
        names.add(match.group()[:-1].lower())
    return bool(names & {"from", "subject"})


def _looks_like_email(lines: Sequence[Line], start: int) -> bool:
    return _HEADER.match(lines[start].text) is not None and _header_block_follows(lines, start)


def _split_mbox(lines: Sequence[Line], start: int) -> list[Sequence[Line]]:
    """Cut an mbox at its ``From `` separator lines.

    No blank line is required before one: ``cat *.patch`` puts each
    separator right after the previous mail's signature.
    """
    chunks: list[Sequence[Line]] = []
    chunk_start = start
    for index in range(start, len(lines)):
        text = lines[index].text
        if (
            text.startswith("From ")
            and _MBOX_FROM.match(text)
            and _header_block_follows(lines, index + 1)
        ):
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
    lines = _split_lines(text)
    start = _first_nonblank(lines)
    if start is None or not (
        _MBOX_FROM.match(lines[start].text) and _header_block_follows(lines, start + 1)
    ):
        return []
    return [chunk[0].lineno - 1 for chunk in _split_mbox(lines, start)]


def _split_git_log(lines: Sequence[Line], start: int) -> list[Sequence[Line]]:
    chunks: list[Sequence[Line]] = []
    chunk_start = start
    for index, line in enumerate(lines[start:], start=start):
        if _GIT_LOG_COMMIT.match(line.text) and index > chunk_start:
            chunks.append(lines[chunk_start:index])
            chunk_start = index
    chunks.append(lines[chunk_start:])
    return chunks


def _is_diff_start(lines: Sequence[Line], index: int) -> bool:
    text = lines[index].text
    if text.startswith(("diff --git ", "diff -", "Index: ")):
        return True
    return (
        text.startswith("--- ")
        and index + 1 < len(lines)
        and lines[index + 1].text.startswith("+++ ")
    )


def _is_patch_break(text: str) -> bool:
    """Where ``git am`` ends the commit message (see git's mailinfo.c)."""
    if text.startswith(("diff -", "Index: ")):
        return True
    if text.startswith("---"):
        rest = text[3:]
        if rest.startswith(" ") and len(rest) > 1 and not rest[1].isspace():
            return True
        return not rest.strip()
    return False


# --- mail ---------------------------------------------------------------------


def _parse_email(source: str, lines: InputLines) -> Patch:
    patch = Patch(source=source, kind="email")
    header_count, body_start = _collect_headers(lines)
    headers = lines[:header_count]
    end_linenos: dict[str, int | None] = {}  # where a folded header ends
    for name, value, lineno, end_lineno in _unfolded_headers(headers):
        if name in patch.headers:
            continue  # a repeated header: the first one counts, as in email.message
        if "=?" in value:
            value = _decode_encoded_words(value)
        patch.headers[name] = (value, lineno)
        end_linenos[name] = end_lineno

    body = lines[body_start:]
    body_lines = _decode_body(headers, body, patch)
    body_lines = _take_in_body_headers(patch, body_lines)

    subject = patch.header("subject")
    if subject is not None and patch.subject is None:  # an in-body Subject: is read already
        patch.subject = parse_subject(
            subject, patch.header_lineno("subject"), end_linenos.get("subject")
        )
    sender = patch.header("from")
    if sender is not None and patch.author is None:
        patch.author = sender
        patch.author_lineno = patch.header_lineno("from")
    _parse_body(patch, body_lines)
    return patch


def _collect_headers(lines: Sequence[Line]) -> tuple[int, int]:
    """How many lines the header block holds (the first one a ``Name:`` line),
    and the index of the body."""
    index = 0
    while index < len(lines):
        text = lines[index].text
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
    return name.strip().lower(), _collapse_space(value), first_line.lineno, end_lineno


def _collapse_space(text: str) -> str:
    """``" ".join(text.split())`` without the list of words."""
    return _ODD_SPACE.sub(" ", text.strip())


def _email_parser():
    """The standard library's mail parser, imported on first use: most patches
    have plain ASCII headers and 8-bit bodies that need no decoding."""
    from email import policy
    from email.parser import Parser

    return Parser(policy=policy.default)


def _decode_encoded_words(value: str) -> str:
    """A header value (unfolded, white space collapsed) with its RFC 2047
    encoded words decoded in place, as ``git am`` does.

    The words are decoded a run at a time: ``email.header.decode_header``
    over the whole value keeps a list entry per word and per gap, and the
    email package's structured header classes parse an address list in
    quadratic time.  White space between two encoded words disappears
    (RFC 2047, 6.2); words that do not decode (unknown charset, bad base64)
    stay as they are.
    """
    from email.header import make_header

    decoded = io.StringIO()
    written = 0  # where the text not yet written to ``decoded`` starts
    after_word = False  # whether ``written`` is the end of a decoded word
    for start, end, data, charset in _encoded_word_runs(value):
        try:
            text = str(make_header([(data, charset)]))
        except (LookupError, ValueError):  # UnicodeError is a ValueError
            continue
        if not (after_word and _ONLY_SPACE.fullmatch(value, written, start)):
            decoded.write(value[written:start])
        decoded.write(text)
        written = end
        after_word = True
    if not after_word:
        return value
    decoded.write(value[written:])
    return _collapse_space(decoded.getvalue())


def _encoded_word_runs(value: str) -> Iterator[tuple[int, int, bytes, str]]:
    """Runs of encoded words in ``value`` with only white space between them
    and one charset, as (start, end, bytes, charset).  The bytes are joined
    before being decoded: some mailers split a character across two words."""
    from email.errors import HeaderParseError
    from email.header import decode_header

    start = end = 0
    run = bytearray()
    charset = None  # of the run being read; None before the first word
    for match in _ENCODED_WORD.finditer(value):
        try:
            ((data, word_charset),) = decode_header(match.group())
        except HeaderParseError:  # bad base64: the word stays as it is
            continue
        if word_charset == charset and _ONLY_SPACE.fullmatch(value, end, match.start()):
            run += data
            end = match.end()
            continue
        if charset is not None:
            yield start, end, bytes(run), charset
        start, end, run, charset = match.start(), match.end(), bytearray(data), word_charset
    if charset is not None:
        yield start, end, bytes(run), charset


def _decode_body(headers: InputLines, body: Sequence[Line], patch: Patch) -> Sequence[Line]:
    """The body as text lines; decoded when it was transfer-encoded."""
    encoding = (patch.header("content-transfer-encoding") or "").strip().lower()
    content_type = (patch.header("content-type") or "").strip().lower()
    multipart = content_type.startswith("multipart/")
    if not multipart and encoding not in ("quoted-printable", "base64"):
        return body
    header_text = headers.joined() + "\n"
    raw_body = "\n".join(line.text for line in body) + "\n"
    try:
        message = _email_parser().parsestr(header_text + "\n" + raw_body)
        texts = _decoded_parts(message)
    except Exception:  # malformed MIME: check the raw text rather than nothing
        return body
    decoded = "\n".join(texts)
    new_lines = decoded.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if new_lines and new_lines[-1] == "":
        new_lines.pop()
    quoted_printable = not multipart and encoding == "quoted-printable"
    linenos = _quoted_printable_linenos(body) if quoted_printable else None
    if linenos is None or len(linenos) != len(new_lines):
        # No reliable mapping to input lines (base64, multipart).
        return [Line(text, None) for text in new_lines]
    return [Line(text, lineno) for text, lineno in zip(new_lines, linenos, strict=True)]


def _decoded_parts(message) -> list[str]:
    texts: list[str] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        filename = (part.get_filename() or "").lower()
        if part.get_content_maintype() != "text" and not filename.endswith((".patch", ".diff")):
            continue
        payload = part.get_payload(decode=True) or b""
        charset = part.get_content_charset() or "utf-8"
        try:
            texts.append(payload.decode(charset, errors="replace"))
        except LookupError:
            texts.append(payload.decode("utf-8", errors="replace"))
    return texts


def _quoted_printable_linenos(body: Sequence[Line]) -> list[int | None]:
    """Input line of each decoded line: a soft break (``=`` at the end) joins lines."""
    linenos: list[int | None] = []
    joining = False
    for line in body:
        if not joining:
            linenos.append(line.lineno)
        joining = line.text.rstrip(" \t").endswith("=")
    return linenos


def _take_in_body_headers(patch: Patch, body: Sequence[Line]) -> Sequence[Line]:
    """Apply ``From:``/``Subject:`` lines opening the body, as ``git am`` does."""
    index = 0
    while index < len(body) and not body[index].text.strip():
        index += 1
    start = index
    found = False
    while index < len(body):
        text = body[index].text
        lower = text.lower()
        if lower.startswith("from:"):
            patch.author = text[5:].strip()
            patch.author_lineno = body[index].lineno
        elif lower.startswith("subject:"):
            # Folded as a mail header may be: git am reads the indented
            # lines below as the rest of it.
            end = index + 1
            while end < len(body) and body[end].text[:1] in (" ", "\t") and body[end].text.strip():
                end += 1
            value = " ".join(line.text.strip() for line in body[index:end])[8:].strip()
            patch.subject = parse_subject(value, body[index].lineno, body[end - 1].lineno)
            patch.headers["subject"] = (value, body[index].lineno)
            index = end - 1
        elif lower.startswith("date:"):
            pass
        else:
            break
        found = True
        index += 1
    if not found:
        return body[start:]
    if index < len(body) and not body[index].text.strip():
        return body[index + 1 :]
    return body[index:]


def author_email(author: str | None) -> str:
    """The lower-cased address of a ``Name <address>`` string ('' if none)."""
    if not author:
        return ""
    bracketed = _BRACKETED_ADDRESS.search(author)
    if bracketed:
        return bracketed.group(1).lower()
    from email.utils import parseaddr  # rarely needed: keep start-up lean

    return parseaddr(author)[1].lower()


# --- git show / git log -p, bare messages --------------------------------------


def _parse_git_log(source: str, lines: Sequence[Line]) -> Patch:
    patch = Patch(source=source, kind="git-log")
    index = 1
    while index < len(lines) and lines[index].text.strip():
        text = lines[index].text
        name, _, value = text.partition(":")
        if _ and name and " " not in name:
            patch.headers[name.lower()] = (value.strip(), lines[index].lineno)
            if name.lower() == "author":
                patch.author = value.strip()
                patch.author_lineno = lines[index].lineno
        index += 1
    message: list[Line] = []
    while index < len(lines):
        text = lines[index].text
        if text.startswith("    "):
            message.append(Line(text[4:], lines[index].lineno))
        elif not text.strip():
            message.append(Line("", lines[index].lineno))
        else:
            break
        index += 1
    subject_lines, rest = _take_subject(message)
    if subject_lines:
        patch.subject = parse_subject(
            " ".join(line.text.strip() for line in subject_lines),
            subject_lines[0].lineno,
            subject_lines[-1].lineno,
        )
    _set_message(patch, rest)
    _parse_after_message(patch, lines[index:])
    return patch


def _parse_bare_message(source: str, lines: Sequence[Line]) -> Patch:
    """A commit message as ``git commit`` hands it to the commit-msg hook."""
    patch = Patch(source=source, kind="message")
    end = len(lines)
    comments = False
    for index, line in enumerate(lines):
        if _SCISSORS.match(line.text):
            end = index
            break
        comments = comments or line.text.startswith("#")
    kept = lines[:end]
    if comments:  # git strips comment lines before committing
        kept = [line for line in kept if not line.text.startswith("#")]
    subject_lines, rest = _take_subject(kept)
    if subject_lines:
        patch.subject = parse_subject(
            " ".join(line.text.strip() for line in subject_lines),
            subject_lines[0].lineno,
            subject_lines[-1].lineno,
        )
    _parse_body(patch, rest)
    return patch


def _take_subject(lines: Sequence[Line]) -> tuple[Sequence[Line], Sequence[Line]]:
    """Git's subject is the first paragraph of the message."""
    index = 0
    while index < len(lines) and not lines[index].text.strip():
        index += 1
    start = index
    while (
        index < len(lines) and lines[index].text.strip() and not _is_patch_break(lines[index].text)
    ):
        index += 1
    return lines[start:index], lines[index:]


# --- body: message, trailers, notes, diffstat, diff ---------------------------


def _parse_body(patch: Patch, body: Sequence[Line]) -> None:
    """Split a mail or message body at the patch break (``---`` or a diff)."""
    for index, line in enumerate(body):
        if _is_patch_break(line.text):
            _set_message(patch, body[:index])
            _parse_after_message(patch, body[index:])
            return
    _set_message(patch, body)


def _set_message(patch: Patch, lines: Sequence[Line]) -> None:
    body, trailers = _split_trailers(_strip_signature(patch, lines))
    patch.message = _strip_blank_ends(body)
    patch.trailers = trailers


def _strip_blank_ends(lines: Sequence[Line]) -> Sequence[Line]:
    """``lines`` without its leading and trailing blank lines (one slice, so
    a flood of blank lines costs linear time)."""
    start, end = 0, len(lines)
    while start < end and not lines[start].text.strip():
        start += 1
    while end > start and not lines[end - 1].text.strip():
        end -= 1
    return lines[start:end]


def _strip_signature(patch: Patch, lines: Sequence[Line]) -> Sequence[Line]:
    """Drop the mail signature, take out ``base-commit:`` lines and trim
    blank lines from both ends.

    A slice of ``lines`` unless lines were taken out between the ends: a
    slice of the input makes its lines only when read.
    """
    first = last = None
    removed: list[int] = []
    for index, line in enumerate(lines):
        text = line.text
        if text == "-- ":
            break
        if _BASE_COMMIT.fullmatch(text):
            patch.base_commit = line
            removed.append(index)
        elif _PREREQUISITE.fullmatch(text):
            removed.append(index)
        elif text.strip():
            if first is None:
                first = index
            last = index
    if first is None or last is None:
        return []
    kept = lines[first : last + 1]
    inside = {index for index in removed if first < index < last}
    if inside:
        kept = [line for index, line in enumerate(kept, start=first) if index not in inside]
    return kept


def _is_trailer_line(text: str) -> bool:
    match = _TRAILER.fullmatch(text)
    return bool(match) and len(match.group(1)) <= 40 and not match.group(2).startswith("//")


def _is_known_tag(text: str) -> bool:
    match = _TRAILER.fullmatch(text)
    return bool(match) and match.group(1).lower() in _KNOWN_TAGS_LOWER


def _is_trailer_block_line(text: str) -> bool:
    """Trailer, its continuation, or a maintainer's ``[ note ]`` between trailers."""
    stripped = text.strip()
    return (
        _is_trailer_line(text)
        or (text[:1] in (" ", "\t") and bool(stripped))
        or stripped.startswith("[")
        or stripped.startswith("(cherry picked from commit")
    )


def _trailer_run_start(lines: Sequence[Line], end: int) -> int:
    """Where the run of trailer-block lines ending at ``end`` starts.

    A maintainer's note may span lines: ``[Fixed up the comment.`` ...
    ``- Paolo]``; it is taken whole.
    """
    index = end - 1
    while index >= 0 and lines[index].text.strip():
        text = lines[index].text
        if _is_trailer_block_line(text):
            index -= 1
            continue
        if text.rstrip().endswith("]"):
            opening = index
            while (
                opening >= 0
                and lines[opening].text.strip()
                and not lines[opening].text.lstrip().startswith("[")
            ):
                opening -= 1
            if opening >= 0 and lines[opening].text.lstrip().startswith("["):
                index = opening - 1
                continue
        break
    return index + 1


def _split_trailers(lines: Sequence[Line]) -> tuple[Sequence[Line], list[Trailer]]:
    """Separate the trailer block at the end of a message from its body.

    The trailer block is the run of trailer lines ending the last paragraph
    (it must hold at least one known tag), extended upwards over whole
    paragraphs made only of trailers.
    """
    end = len(lines)
    start = _trailer_run_start(lines, end)
    while start < end and lines[start].text[:1] in (" ", "\t"):
        start += 1  # a continuation needs its trailer above it
    if not any(_is_known_tag(line.text) for line in lines[start:end]):
        return lines, []
    while True:
        above = start
        while above > 0 and not lines[above - 1].text.strip():
            above -= 1
        top = above
        while top > 0 and lines[top - 1].text.strip():
            top -= 1
        paragraph = lines[top:above]
        if (
            paragraph
            and all(_is_trailer_block_line(line.text) for line in paragraph)
            and paragraph[0].text[:1] not in (" ", "\t")
            and any(_is_known_tag(line.text) for line in paragraph)
        ):
            start = top
            continue
        break
    trailers: list[Trailer] = []
    in_note = False
    for line in lines[start:end]:
        text = line.text
        stripped = text.strip()
        if in_note or stripped.startswith("["):
            # A maintainer's note; it may go on over several (indented) lines.
            in_note = not stripped.endswith("]")
            continue
        if not stripped:
            continue
        match = _TRAILER.fullmatch(text) if text[:1] not in (" ", "\t") else None
        if match:
            trailers.append(Trailer(match.group(1), match.group(2).strip(), line.lineno, text))
        elif trailers and text[:1] in (" ", "\t"):
            last = trailers[-1]
            trailers[-1] = Trailer(last.key, f"{last.value} {text.strip()}", last.lineno, last.raw)
    return lines[:start], trailers


def _parse_after_message(patch: Patch, lines: Sequence[Line]) -> None:
    """Notes, diffstat and diff below the commit message."""
    index = 0
    if lines and lines[0].text.startswith("---") and not lines[0].text[3:].strip():
        patch.separator_lineno = lines[0].lineno
        index = 1
    notes: list[Line] = []
    blank_from = None  # as in _strip_signature: blank ends are trimmed unread
    while index < len(lines) and not _is_diff_start(lines, index):
        line = lines[index]
        if line.text == "-- ":
            break
        if _is_diffstat(line.text):
            patch.diffstat.append(line)
        elif _BASE_COMMIT.fullmatch(line.text):
            patch.base_commit = line
        elif not line.text.strip():
            if blank_from is None and notes:
                blank_from = index
        elif not _PREREQUISITE.fullmatch(line.text):
            if blank_from is not None:
                notes.extend(line for line in lines[blank_from:index] if not line.text.strip())
                blank_from = None
            notes.append(line)
        index += 1
    patch.notes = notes
    _parse_diff(patch, lines[index:])


def _is_diffstat(text: str) -> bool:
    if not text.startswith(" "):
        return False
    name, bar, count = text.rpartition("|")
    if bar:
        return bool(name.strip()) and _DIFFSTAT_COUNT.fullmatch(count.strip()) is not None
    return _DIFFSTAT_OTHER.match(text) is not None


def _diff_git_paths(text: str) -> tuple[str | None, str | None]:
    rest = text[len("diff --git ") :].strip()
    if rest.startswith('"'):
        parts = re.findall(r'"((?:[^"\\]|\\.)*+)"|(\S+)', rest)
        names = [quoted or plain for quoted, plain in parts]
    else:
        split = rest.find(" b/")
        names = [rest[:split], rest[split + 1 :]] if split >= 0 else rest.split(" ", 1)
    if len(names) != 2:
        return None, None
    return _strip_prefix(names[0]), _strip_prefix(names[1])


def _strip_prefix(name: str) -> str | None:
    name = name.strip()
    if "\t" in name:
        name = name.split("\t", 1)[0]  # diff -u puts a timestamp after a tab
    if name.startswith('"') and name.endswith('"') and len(name) > 1:
        name = name[1:-1]
    if name == "/dev/null":
        return None
    if name.startswith(("a/", "b/")):
        return name[2:]
    return name


def _parse_diff(patch: Patch, lines: Sequence[Line]) -> None:
    current: FileDiff | None = None
    added, removed = PickedLines.indices(), PickedLines.indices()
    index = 0
    total = len(lines)
    while index < total:
        line = lines[index]
        text = line.text
        if text.startswith("diff --git "):
            old, new = _diff_git_paths(text)
            current = FileDiff(old, new, line.lineno)
            patch.files.append(current)
            index += 1
        elif text.startswith("--- ") and _is_diff_start(lines, index):
            old = _strip_prefix(text[4:])
            new = _strip_prefix(lines[index + 1].text[4:])
            if current is None or current.hunks:
                current = FileDiff(old, new, line.lineno)
                patch.files.append(current)
            else:
                current.old_path, current.new_path = old, new
            index += 2
        elif text.startswith("@@") and current is not None:
            index = _parse_hunk(current, lines, index, added, removed)
        elif current is not None and text.startswith("rename to "):
            current.new_path = text[len("rename to ") :].strip()
            index += 1
        elif text == "-- ":
            break  # mail signature
        else:
            match = _BASE_COMMIT.fullmatch(text)
            if match:
                patch.base_commit = line
            index += 1


def _parse_hunk(
    current: FileDiff, lines: Sequence[Line], index: int, added: array, removed: array
) -> int:
    """Read the hunk at ``lines[index]``; the indices of its added and removed
    lines go to the ``added`` and ``removed`` arrays all hunks of the diff share.

    A hunk a mailer damaged is still read, so that the rules see its lines:
    a line without a diff marker is the wrapped end of the line above, and
    diff lines after the counts ran out belong to the hunk too (see
    ``Hunk.damage``)."""
    header = lines[index]
    match = _HUNK.match(header.text)
    if not match:
        return index + 1
    old_count = int(match.group(2)) if match.group(2) is not None else 1
    new_count = int(match.group(4)) if match.group(4) is not None else 1
    hunk = Hunk(
        int(match.group(1)), int(match.group(3)), header.lineno, header.text[match.end() :].strip()
    )
    current.hunks.append(hunk)
    first_added, first_removed = len(added), len(removed)
    damage: list[tuple[int | None, str]] = []
    tabs = spaces = 0
    overrun = False  # the counts ran out, but diff lines go on
    wrapped = False
    index += 1
    total = len(lines)
    while index < total:
        text = lines[index].text
        marker = text[:1]
        if overrun or (old_count <= 0 and new_count <= 0):
            if not _is_extra_hunk_line(text):
                break
            if not overrun:
                damage.append((lines[index].lineno, "count"))
                overrun = True
        if marker == "+":
            added.append(index)
            new_count -= 1
        elif marker == "-":
            removed.append(index)
            old_count -= 1
        elif marker in (" ", ""):
            # Mailers eat the space of empty context lines.
            old_count -= 1
            new_count -= 1
            if text[1:2] == "\t":
                tabs += 1
            elif text[1:3] == "  ":
                spaces += 1
        elif marker == "\\":
            pass  # "\ No newline at end of file"
        elif text.startswith(("@@", "diff --git ")) or not _wraps(lines[index - 1].text, text):
            break  # the hunk ends early: its counts were wrong
        elif not wrapped:
            wrapped = True  # the first is enough to say so: no list grows a line at a time
            damage.append((lines[index].lineno, "wrapped"))
        index += 1
    # Short by the same number of context lines at the very end of the input:
    # trailing blank context lines an editor or a pasted fragment trimmed.
    trimmed = index == total and old_count == new_count
    if not overrun and (old_count > 0 or new_count > 0) and not trimmed:
        damage.append((header.lineno, "count"))
    hunk.added = PickedLines(lines, added, first_added, len(added), skip=1)
    hunk.removed = PickedLines(lines, removed, first_removed, len(removed), skip=1)
    if damage:
        hunk.damage = tuple(damage)
    hunk.context_tabs, hunk.context_spaces = tabs, spaces
    while index < total and lines[index].text.startswith("\\"):
        index += 1  # "\ No newline at end of file"
    return index


# Mail clients wrap lines longer than this (72 to 78 columns).
_MAILER_WIDTH = 72


def _wraps(previous: str, text: str) -> bool:
    """Whether ``text`` reads as the end of ``previous``, wrapped by a mailer:
    the two would not have fitted on one line of a mail."""
    return bool(previous.strip()) and len(previous.expandtabs()) + 1 + len(text) > _MAILER_WIDTH


def _is_extra_hunk_line(text: str) -> bool:
    """A diff line after a hunk's counts ran out: the counts were wrong.

    What follows a hunk in good order (the next hunk or file, the mail
    signature "-- ", a blank line before "base-commit:") is not one.
    """
    marker = text[:1]
    if marker == "+":
        return not text.startswith("+++ ")
    if marker == "-":
        return text != "-- " and not text.startswith("--- ")
    return marker == " " and bool(text.strip())


# --- subject --------------------------------------------------------------------


def parse_subject(raw: str, lineno: int | None, end_lineno: int | None = None) -> Subject:
    """Split ``[PATCH v2 3/7] KVM: x86: Fix foo`` into its parts.

    ``end_lineno``: the line the subject ends on, when it was folded over several.
    """
    text = " ".join(raw.split())
    subject = Subject(raw=text, lineno=lineno)
    subject.end_lineno = end_lineno if end_lineno is not None else lineno
    tags: list[str] = []
    position = 0
    while True:
        match = _SUBJECT_TAGS.match(text, position)
        if not match:
            break
        tags.extend(word for word in re.split(r"[\s,]+", match.group(1)) if word)
        position = match.end()
    subject.tags = tuple(tags)
    for tag in tags:
        upper = tag.upper()
        if upper in ("PATCH", "PATCHSET"):
            subject.is_patch = True
        elif upper == "RFC":
            subject.rfc = True
        elif upper in ("KVM-UNIT-TESTS", "KVM-UNIT-TEST", "KUT"):
            subject.project = "kvm-unit-tests"
        elif _VERSION_TAG.fullmatch(tag):
            subject.version = int(tag[1:])
        else:
            number = _NUMBER_TAG.fullmatch(tag)
            if number:
                subject.number, subject.total = int(number.group(1)), int(number.group(2))
    shortlog = text[position:].strip()
    subject.shortlog = shortlog
    if _REVERT.fullmatch(shortlog):
        # git revert's own subject: the quoted title is never checked as a shortlog.
        subject.revert = True
        subject.description = shortlog
        return subject
    prefix: list[str] = []
    offset = 0
    while True:
        match = _PREFIX_COMPONENT.match(shortlog, offset)
        if not match:
            break
        prefix.append(match.group(1))
        offset = match.end()
    subject.prefix = tuple(prefix)
    subject.description = shortlog[offset:].strip()
    return subject
