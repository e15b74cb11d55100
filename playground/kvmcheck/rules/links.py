"""Link rules: Link: tags to lore, a series posted in one thread
(handbook: maintainer-kvm-x86#links)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvmcheck import lazy_re
from kvmcheck.context import PatchContext
from kvmcheck.model import Series
from kvmcheck.registry import GENERIC, MESSAGE, POSTING, SERIES, Finding, Rule, rule
from kvmcheck.rules._examples import SIGNOFF, patch

LINKS = "maintainer-kvm-x86#links"


_BAD_ARCHIVES = lazy_re.compile(
    r"https?://(?:www\.)?(?:lkml\.org|lkml\.iu\.edu|marc\.info|(?:www\.)?spinics\.net"
    r"|(?:www\.)?mail-archive\.com|[\w.]*gmane\.org|patchwork\.[\w.]+)(?:/|\b)",
    re.IGNORECASE,
)


@rule(
    "link-not-lore",
    "info",
    LINKS,
    reads=(MESSAGE,),
    scope=GENERIC,
    commits_only=True,
    title="Links point to lore.kernel.org",
    message="Link to lore.kernel.org instead of '{url}' "
    "(https://lore.kernel.org/all/<message-id>).",
    bad=patch(trailers="Link: https://lkml.org/lkml/2024/1/2/345\n" + SIGNOFF),
    good=patch(
        trailers="Link: https://lore.kernel.org/all/20240102.1234-1-jane@example.org\n" + SIGNOFF
    ),
)
def link_not_lore(rule_: Rule, context: PatchContext) -> Iterator[Finding]:
    """lore.kernel.org archives every kernel list and finds a mail by its Message-ID. Other
    archives (lkml.org, marc.info, spinics, patchwork ...) come and go; use lore for 'Link:' and
    'Closes:' tags.
    """
    for trailer in context.patch.trailers:
        if trailer.key.lower() in ("link", "closes") and _BAD_ARCHIVES.search(trailer.value):
            yield rule_.finding(trailer.lineno, url=trailer.value.strip())


@rule(
    "in-reply-to-root",
    "warning",
    LINKS,
    reads=(POSTING,),
    scope=GENERIC,
    target=SERIES,
    title="A posting starts its own thread",
    message="The first mail of a posting must not carry '{header}:': start a new thread and link "
    "earlier mails with lore links.",
    bad=patch(headers="In-Reply-To: <20240101.bugreport@example.org>\n"),
    good=patch(
        trailers="Link: https://lore.kernel.org/all/20240101.bugreport@example.org\n" + SIGNOFF
    ),
)
def in_reply_to_root(
    rule_: Rule, series: Series, contexts: list[PatchContext]
) -> Iterator[Finding]:
    """Don't send a new version or a fix as a reply to older mails (In-Reply-To:/References:):
    long threads get unmanageable and readers who were not Cc'd miss the context. Link the bug
    report or the previous version with a lore URL instead, in the cover letter or below '---'.
    """
    first = series.first_mail
    if first is None or first.kind != "email":
        return
    subject = first.subject
    if subject is not None and not first.is_cover_letter and subject.total not in (None, 1):
        return  # a numbered patch may answer its cover letter, which we don't have
    for header in ("in-reply-to", "references"):
        if first.header(header):
            yield rule_.finding(first.header_lineno(header), header=header.title(), patch=first)
            return
