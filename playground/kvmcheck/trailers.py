"""The trailer vocabulary: every tag kvmcheck knows, in one table.

Two readers use it.  The parser (``kvmcheck.parser.trailer_block``) takes
the paragraphs ending a message for its trailer block only when they hold
one of these tags, in any case.  The ``trailer-malformed`` rule
(``kvmcheck.rules.tags``) holds the tags marked ``checked`` to their
spelling and spacing, and wants an address after those that name a person.
A new tag goes here, and nowhere else.
"""

from __future__ import annotations


# A plain slotted class, not typing's named tuple: a one-patch run need
# not import ``typing``.
class TrailerTag:
    __slots__ = ("checked", "name", "person")

    def __init__(self, name: str, *, person: bool, checked: bool) -> None:
        self.name = name  # as the kernel spells it
        self.person = person  # the value names someone: "Full Name <address>"
        self.checked = checked  # trailer-malformed corrects its case and spacing


TRAILER_TAGS: tuple[TrailerTag, ...] = (
    TrailerTag("Signed-off-by", person=True, checked=True),
    TrailerTag("Co-developed-by", person=True, checked=True),
    TrailerTag("Acked-by", person=True, checked=True),
    TrailerTag("Reviewed-by", person=True, checked=True),
    TrailerTag("Tested-by", person=True, checked=True),
    TrailerTag("Reported-by", person=True, checked=True),
    TrailerTag("Suggested-by", person=True, checked=True),
    TrailerTag("Fixes", person=False, checked=True),
    TrailerTag("Cc", person=False, checked=True),
    TrailerTag("Link", person=False, checked=True),
    TrailerTag("Closes", person=False, checked=True),
    # Recognised in the trailer block, but left as written.
    TrailerTag("Message-ID", person=False, checked=False),
    TrailerTag("Originally-by", person=True, checked=False),
    TrailerTag("Debugged-by", person=True, checked=False),
    TrailerTag("Analyzed-by", person=True, checked=False),
    TrailerTag("Requested-by", person=True, checked=False),
    TrailerTag("Based-on-patch-by", person=True, checked=False),
    TrailerTag("Reported-and-tested-by", person=True, checked=False),
    # "Signed-off-by" cut short: still marks the paragraph as the trailer block.
    TrailerTag("Signed-off", person=True, checked=False),
)

# Lower-cased names: the tags that make a paragraph the trailer block.
KNOWN_TAGS = frozenset(tag.name.lower() for tag in TRAILER_TAGS)
# Lower-cased name to the spelling trailer-malformed asks for.
CANONICAL_TAGS = {tag.name.lower(): tag.name for tag in TRAILER_TAGS if tag.checked}
# Lower-cased names of the tags whose value names a person.
PERSON_TAGS = frozenset(tag.name.lower() for tag in TRAILER_TAGS if tag.person)
