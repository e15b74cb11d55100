"""English word lists the changelog, shortlog and comment rules share."""

from __future__ import annotations

import re

from kvmcheck import lazy_re

# Pronouns the handbook asks to avoid.  "I" only as a capital word (not
# "I/O", "I.e."); "US"/"ME" in capitals are acronyms, not pronouns.  The
# lookahead of every pronoun's first letter comes first: at most places in a
# text it fails at once, before the lookbehind and the alternatives are tried
# (a third less time per changelog).
PRONOUN = lazy_re.compile(
    r"(?=[IWwUuOoMmYy])(?<![\w/.'’-])(?:I(?![/.\w-])|I'(?:m|ve|d|ll)\b|(?:[Ww]e|[Uu]s|[Oo]ur|[Mm]y|[Mm]e|[Yy]ou|[Yy]our)"
    r"(?:'(?:re|ve|ll|d))?(?![\w/-]))"
)
_NUMBER_BEFORE = lazy_re.compile(r"\d\s*$")
# "I" as a Roman numeral: "SDM Vol. I", "Type I", "case I:", "bits I and II".
_NUMERAL_BEFORE = lazy_re.compile(
    r"\b(?:vol(?:ume)?|type|part|table|chapter|appendix|ring|level|class|case|phase|step"
    r"|stage|tier|gen|entry|bits?)\.?\s*$",
    re.IGNORECASE,
)
_NUMERAL_AFTER = lazy_re.compile(r"\s*(?:[:)\]]|(?:,|and|or)\s+I[IV])")
# Bounded, so that a line full of unmatched quotes cannot make this quadratic.
_QUOTED = lazy_re.compile(r'"[^"]{0,300}"|“[^”]{0,300}”|`[^`]{0,300}`')


def pronouns(text: str) -> list[str]:
    """Pronouns in ``text``, ignoring quoted and backquoted parts.

    "us" after a number is microseconds ("100 us"), not a pronoun; "I" as a
    Roman numeral ("Vol. I", "Type I", "case I:") is not one either.
    """
    if '"' in text or "`" in text or "“" in text:  # most lines quote nothing
        text = _QUOTED.sub(" ", text)
    found = []
    for match in PRONOUN.finditer(text):
        word = match.group()
        before = text[max(0, match.start() - 8) : match.start()]
        if word.lower() == "us" and _NUMBER_BEFORE.search(before):
            continue
        if word == "I" and (
            _NUMERAL_BEFORE.search(text[max(0, match.start() - 12) : match.start()])
            or _NUMERAL_AFTER.match(text, match.end())
        ):
            continue
        found.append(word)
    return found


# Past tense, third person and gerund openings, with the imperative to write.
NON_IMPERATIVE_VERBS = {
    # past tense / third person / gerund -> imperative
    "added": "Add",
    "adds": "Add",
    "adding": "Add",
    "fixed": "Fix",
    "fixes": "Fix",
    "fixing": "Fix",
    "introduced": "Introduce",
    "introduces": "Introduce",
    "introducing": "Introduce",
    "removed": "Remove",
    "removes": "Remove",
    "removing": "Remove",
    "changed": "Change",
    "changes": "Change",
    "changing": "Change",
    "updated": "Update",
    "updates": "Update",
    "updating": "Update",
    "implemented": "Implement",
    "implements": "Implement",
    "implementing": "Implement",
    "moved": "Move",
    "moves": "Move",
    "moving": "Move",
    "renamed": "Rename",
    "renames": "Rename",
    "renaming": "Rename",
    "dropped": "Drop",
    "drops": "Drop",
    "dropping": "Drop",
    "refactored": "Refactor",
    "refactors": "Refactor",
    "converted": "Convert",
    "converts": "Convert",
    "replaced": "Replace",
    "replaces": "Replace",
    "enabled": "Enable",
    "enables": "Enable",
    "disabled": "Disable",
    "disables": "Disable",
    "allowed": "Allow",
    "allows": "Allow",
    "cleaned": "Clean",
    "cleans": "Clean",
    "corrected": "Correct",
    "corrects": "Correct",
    "reworked": "Rework",
    "reworks": "Rework",
    "simplified": "Simplify",
    "simplifies": "Simplify",
}

# Openings of a changelog that give background before the change itself.
CONTEXT_OPENERS = lazy_re.compile(
    r"(?:Currently|Today|When|Whenever|Commit\s+[0-9a-f]{7,}|Since|As of|Prior to|Before|"
    r"Historically|Previously|Recently|In the past|At present|Presently|Right now|Nowadays|"
    r"Starting with|Back when|Originally|For (?:a )?long time|Per the|According to|The SDM|The APM|"
    r"On (?:Intel|AMD)|If|While|With)\b"
)

# Base-form verbs a "what changes" statement starts with.
IMPERATIVE_VERBS = frozenset(
    (
        "add",
        "allow",
        "always",
        "avoid",
        "bail",
        "bump",
        "call",
        "cap",
        "check",
        "clean",
        "clear",
        "collapse",
        "combine",
        "consolidate",
        "convert",
        "copy",
        "correct",
        "declare",
        "defer",
        "delay",
        "delete",
        "deny",
        "disable",
        "disallow",
        "do",
        "don't",
        "drop",
        "emulate",
        "enable",
        "enforce",
        "ensure",
        "explicitly",
        "expose",
        "extend",
        "extract",
        "fix",
        "flush",
        "fold",
        "force",
        "forward",
        "free",
        "gate",
        "generalize",
        "handle",
        "hide",
        "honor",
        "ignore",
        "implement",
        "inject",
        "inline",
        "introduce",
        "invert",
        "invoke",
        "isolate",
        "keep",
        "kill",
        "let",
        "limit",
        "load",
        "make",
        "mark",
        "mask",
        "merge",
        "move",
        "never",
        "nuke",
        "only",
        "open-code",
        "opportunistically",
        "pass",
        "plumb",
        "prefer",
        "prepare",
        "prevent",
        "print",
        "process",
        "propagate",
        "protect",
        "provide",
        "purge",
        "put",
        "query",
        "read",
        "rebuild",
        "record",
        "reduce",
        "refactor",
        "refresh",
        "reject",
        "release",
        "reload",
        "remove",
        "rename",
        "reorder",
        "replace",
        "report",
        "require",
        "reset",
        "restore",
        "restrict",
        "retry",
        "return",
        "reuse",
        "revert",
        "rework",
        "rewrite",
        "route",
        "run",
        "save",
        "set",
        "share",
        "shrink",
        "simplify",
        "skip",
        "snapshot",
        "split",
        "stop",
        "store",
        "stuff",
        "support",
        "suppress",
        "swap",
        "switch",
        "sync",
        "synchronize",
        "tag",
        "teach",
        "test",
        "tighten",
        "track",
        "treat",
        "trigger",
        "truncate",
        "tweak",
        "unconditionally",
        "unify",
        "unwind",
        "update",
        "use",
        "validate",
        "verify",
        "warn",
        "wire",
        "wrap",
        "write",
        "yield",
        "zap",
        "zero",
    )
)


def first_word(text: str) -> str:
    match = re.match(r"\s*([A-Za-z][\w'-]*)", text)
    return match.group(1) if match else ""
