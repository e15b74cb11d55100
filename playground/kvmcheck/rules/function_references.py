"""Function-reference rules (handbook: maintainer-kvm-x86#function-references)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from kvmcheck import lazy_re
from kvmcheck.context import PatchContext
from kvmcheck.model import Line
from kvmcheck.registry import MESSAGE, SUBJECT, Finding, Rule, rule
from kvmcheck.rules._examples import patch

# A name followed by "(", but not a function pointer: "type (*name)(...)".
# The name's "\w*+" is possessive, here and below: a shorter part of a word
# is followed by a word character, never a match, and without it the re
# module would try each shorter part of every word (a third of the time).
_CALL = lazy_re.compile(r"\b([A-Za-z_]\w*+)\s*\((?!\s*\*)")
_C_KEYWORDS = frozenset(
    (
        "if",
        "for",
        "while",
        "switch",
        "return",
        "sizeof",
        "typeof",
        "__typeof__",
        "do",
        "else",
        "case",
        "goto",
        "defined",
        "__attribute__",
        "alignof",
        "_Alignof",
        "offsetof",
        "asm",
        "__asm__",
        "volatile",
        "__volatile__",
        "likely",
        "unlikely",
        "static_assert",
    )
)


def diff_functions(context: PatchContext) -> set[str]:
    """Names the diff defines or calls as functions."""
    called: set[str] = set()
    for file in context.patch.files:
        for hunk in file.hunks:
            # One search over the hunk's lines that have a "(" (most lines
            # call nothing), joined by a NUL, not one per line: a NUL is
            # neither space nor word, so no match crosses it and the names
            # found are those of the lines one by one.
            texts = [hunk.section]
            texts += [text for line in hunk.added if "(" in (text := line.text)]
            texts += [text for line in hunk.removed if "(" in (text := line.text)]
            called.update(_CALL.findall("\0".join(texts)))
    # Each distinct name judged once, not each call.
    return {
        name
        for name in called
        if name not in _C_KEYWORDS
        and not name.isupper()
        and "_" in name.strip("_")
        and not name.endswith("_t")
    }


_TITLE_QUOTE = lazy_re.compile(r'\("[^"]*"\)?|\("[^"]*$')


# A name written without parentheses, and what makes one before it a type
# or a macro argument.
_BARE_NAME = lazy_re.compile(r"(?<![\w>.&%$-])([A-Za-z_]\w*+)(?![\w(])")
_WORD = lazy_re.compile(r"\w+")
# Up to this many names of the diff are looked for one by one.
_FEW_NAMES = 32
_NOT_A_CALL_BEFORE = lazy_re.compile(r"(?:struct|union|enum)\s+$|\w\($")


def _mentions(text: str, names: set[str]) -> Iterator[str]:
    cleaned = _TITLE_QUOTE.sub(" ", text)
    if names.isdisjoint(_BARE_NAME.findall(cleaned)):
        return  # most lines: no name of the diff, and no step per word
    for match in _BARE_NAME.finditer(cleaned):
        name = match.group(1)
        if name in names:
            before = cleaned[max(0, match.start() - 7) : match.start()]
            if _NOT_A_CALL_BEFORE.search(before):
                continue  # a type, or a macro argument: FNAME(name)()
            yield name


@rule(
    "function-reference-parens",
    "warning",
    "maintainer-kvm-x86#function-references",
    reads=(SUBJECT, MESSAGE),
    commits_only=True,
    title="Functions are written name()",
    message="Write '{name}()' with parentheses: the diff shows that {name} is a function.",
    bad=patch(
        subject="KVM: x86: Reject unknown indices in kvm_get_foo",
        body="Return -EINVAL from kvm_get_foo when userspace passes an unknown\n"
        "index, instead of reading past the end of the array.",
    ),
    good=patch(),
)
def function_reference_parens(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Writing a function as 'name()' in the shortlog, the changelog or a comment shows at a
    glance that it is a function and not a variable, a field or a type.
    """
    names = diff_functions(context)
    if not names:
        return
    seen: set[str] = set()
    subject = context.patch.subject
    head = (
        [Line(subject.description, subject.lineno)]
        if subject is not None and subject.description
        else []
    )
    # The names the text holds at all, found at once in all of it: _mentions
    # finds only words of a line as written (the titles it blanks out start
    # and end with a non-word character), so a line holding none of them is
    # skipped unread, and most changelogs name no function of their diff.
    # A few names are looked for as substrings (quicker than splitting the
    # text into words); a superset of the words is as good, _mentions
    # checks them.  Many names: no look per name and per line, which would
    # make a huge diff with a long changelog take quadratic time.
    whole = "\n".join(line.text for line in chain(head, context.prose))
    if len(names) <= _FEW_NAMES:
        named = {name for name in names if name in whole}
    else:
        named = names.intersection(_WORD.findall(whole))
    if not named:
        return
    few = len(named) <= _FEW_NAMES
    for line in chain(head, context.prose):
        text = line.text
        if few and not any(name in text for name in named):
            continue
        for name in _mentions(text, named):
            if name not in seen:
                seen.add(name)
                yield rule_.finding(line.lineno, name=name)
