"""Tag rules: the sign-off and the form of every trailer
(handbook: first-patch#sign-off; Fixes: tags are in fixes.py, Link: tags in links.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvmcheck.context import PatchContext
from kvmcheck.model import Trailer
from kvmcheck.parser import author_email
from kvmcheck.registry import GENERIC, MESSAGE, Edit, Finding, Rule, rule
from kvmcheck.rules._examples import AUTHOR, patch
from kvmcheck.trailers import CANONICAL_TAGS, PERSON_TAGS

SIGN_OFF = "first-patch#sign-off"


def _emails(trailers: list[Trailer], key: str) -> list[str]:
    return [author_email(t.value) for t in trailers if t.key.lower() == key]


def _rewrite(trailer: Trailer, text: str) -> Edit | None:
    """An edit writing the trailer's line as ``text`` (None if the tag spans lines)."""
    if trailer.lineno is None or not trailer.raw.rstrip().endswith(trailer.value):
        return None
    return Edit(trailer.lineno, trailer.raw, text)


@rule(
    "signoff-missing",
    "error",
    SIGN_OFF,
    reads=(MESSAGE,),
    scope=GENERIC,
    commits_only=True,
    title="The patch is signed off",
    message="No 'Signed-off-by:' tag: add 'Signed-off-by: {author}' (git commit -s) to certify "
    "the Developer's Certificate of Origin.",
    bad=patch(trailers=""),
    good=patch(),
)
def signoff_missing(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """'Signed-off-by:' certifies that you may submit the code under the kernel's license (the
    Developer's Certificate of Origin). A patch without the author's sign-off cannot be applied.
    'git commit -s' adds the tag with your name and address.
    """
    patch_ = context.patch
    if any(t.key.lower() == "signed-off-by" for t in patch_.trailers):
        return
    if any(line.text.lower().startswith("signed-off-by:") for line in patch_.message):
        return  # signed off, but not in the trailer block: trailer rules don't see it
    subject = patch_.subject
    yield rule_.finding(
        subject.lineno if subject else None, author=patch_.author or "Your Name <you@example.org>"
    )


@rule(
    "signoff-author-mismatch",
    "warning",
    SIGN_OFF,
    reads=(MESSAGE,),
    scope=GENERIC,
    commits_only=True,
    title="The author signs off",
    message="The author {author} has no matching 'Signed-off-by:'; sign off with the author's "
    "address.",
    bad=patch(
        author="Jane Developer <jane@example.org>",
        trailers="Signed-off-by: Jane Developer <jane@home.example.net>",
    ),
    good=patch(),
)
def signoff_author_mismatch(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """The address in From: (the author) must also appear in a 'Signed-off-by:' tag. A mismatch
    usually means the commit was made with one address and signed off with another; set
    user.email and amend the commit.
    """
    patch_ = context.patch
    email = author_email(patch_.author)
    signers = _emails(patch_.trailers, "signed-off-by")
    if not email or not signers or email in signers:
        return
    yield rule_.finding(patch_.author_lineno, author=patch_.author)


@rule(
    "trailer-malformed",
    "warning",
    SIGN_OFF,
    reads=(MESSAGE,),
    scope=GENERIC,
    commits_only=True,
    fixable=True,
    title="Tags are well formed",
    message="Write the tag as '{right}:', not '{written}:' (tools match tags exactly).",
    variants={
        "spacing": "Malformed tag '{text}': write '{right}: ...' with exactly one space after the "
        "colon.",
        "no-email": "'{tag}:' names a person without an address: write '{tag}: Full Name "
        "<address>'.",
        "co-developed": "'Co-developed-by: {person}' must be followed directly by that person's "
        "'Signed-off-by:'.",
    },
    bad=patch(trailers="Signed-Off-By: " + AUTHOR),
    good=patch(),
)
def trailer_malformed(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """Tags at the end of the changelog are read by scripts, so their spelling is fixed:
    'Signed-off-by:', 'Reviewed-by:', 'Co-developed-by:' and so on, one space after the colon,
    then 'Full Name <address>' for people. Every 'Co-developed-by:' is followed by the same
    person's 'Signed-off-by:'.
    """
    patch_ = context.patch
    trailers = patch_.trailers
    for index, trailer in enumerate(trailers):
        lower = trailer.key.lower()
        canonical = CANONICAL_TAGS.get(lower)
        if canonical is None:
            continue
        if trailer.key != canonical:
            fixed = canonical + trailer.raw[len(trailer.key) :]
            yield rule_.finding(
                trailer.lineno,
                written=trailer.key,
                right=canonical,
                edits=[_rewrite(trailer, fixed)],
            )
            continue
        if not re.match(rf"{re.escape(trailer.key)}: \S", trailer.raw):
            yield rule_.finding(
                trailer.lineno,
                "spacing",
                text=trailer.raw.strip(),
                right=canonical,
                edits=[_rewrite(trailer, f"{canonical}: {trailer.value}")],
            )
            continue
        if lower in PERSON_TAGS and "@" not in trailer.value:
            yield rule_.finding(trailer.lineno, "no-email", tag=canonical)
            continue
        if lower == "co-developed-by":
            following = trailers[index + 1] if index + 1 < len(trailers) else None
            email = author_email(trailer.value)
            if (
                following is None
                or following.key.lower() != "signed-off-by"
                or author_email(following.value) != email
            ) and not _applied_by(trailers[index + 1 :], email):
                yield rule_.finding(trailer.lineno, "co-developed", person=trailer.value)


_APPLY_STAMPS = {"link", "message-id"}


def _applied_by(later: list[Trailer], email: str) -> bool:
    """The co-developer is the maintainer who applied the patch: their
    'Signed-off-by:' closes the block, after the 'Link:' or 'Message-Id:' that
    applying adds, so it comes last rather than right after 'Co-developed-by:'
    (upstream commit 1b30e7551767, co-developed and applied by the handbook's
    author)."""
    signoffs = [i for i, t in enumerate(later) if t.key.lower() == "signed-off-by"]
    if not signoffs or author_email(later[signoffs[-1]].value) != email:
        return False
    return any(t.key.lower() in _APPLY_STAMPS for t in later[: signoffs[-1]])
