"""MIME: RFC 2047 encoded words in headers, transfer-encoded and multipart bodies.

The standard library's ``email`` package decodes; this module keeps track of
the input line each decoded line came from, where that can be known.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping, Sequence

from kvmcheck import lazy_re
from kvmcheck.input_lines import InputLines
from kvmcheck.model import Line
from kvmcheck.parser.text import collapse_space

TYPE_CHECKING = False  # not typing's: a run need not import typing
if TYPE_CHECKING:
    from email.message import Message
    from email.parser import Parser

_ONLY_SPACE = lazy_re.compile(r"\s*")
# An RFC 2047 encoded word, =?charset?Q or B?text?=.  The RFC allows no white
# space in one and no "?" in its text, which also keeps the search linear.
_ENCODED_WORD = lazy_re.compile(r"=\?[^?\s]*\?[qQbB]\?[^?\s]*\?=")


def _email_parser() -> Parser:
    """The standard library's mail parser, imported on first use: most patches
    have plain ASCII headers and 8-bit bodies that need no decoding."""
    from email import policy
    from email.parser import Parser

    return Parser(policy=policy.default)


def decode_encoded_words(value: str) -> str:
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
    return collapse_space(decoded.getvalue())


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


def decode_body(
    header_lines: InputLines, body: Sequence[Line], headers: Mapping[str, tuple[str, int | None]]
) -> Sequence[Line]:
    """The body as text lines; decoded when it was transfer-encoded.

    ``headers``: the mail's, read from ``header_lines``, by lower-cased name."""
    encoding = headers.get("content-transfer-encoding", ("",))[0].strip().lower()
    content_type = headers.get("content-type", ("",))[0].strip().lower()
    multipart = content_type.startswith("multipart/")
    if not multipart and encoding not in ("quoted-printable", "base64"):
        return body
    header_text = header_lines.joined() + "\n"
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


def _decoded_parts(message: Message) -> list[str]:
    texts: list[str] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        filename = (part.get_filename() or "").lower()
        if part.get_content_maintype() != "text" and not filename.endswith((".patch", ".diff")):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):  # None when there is nothing to decode
            payload = b""
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
