"""Inputs of a given size shaped to hit one stage of kvmcheck hard.

Each shape is a function ``size -> text`` (about ``size`` characters) built
around one thing a careless or hostile input repeats: blank lines, files,
commit mentions, folded header lines... Every stage of the checker must
cost time linear in the input, so ``make bench`` runs each shape at two
sizes and prints the ratio, and the test suite checks a 1 MB input of each
shape for the work it does and the memory it takes
(tests/kvmcheck/test_kvmcheck_scaling.py).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

from kvmcheck import lazy_re
from kvmcheck.api import check_texts
from kvmcheck.rules._examples import SIGNOFF, diff, patch

KVM_FILE = "arch/x86/kvm/x86.c"


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def blank_lines_after_subject(size: int) -> str:
    """A commit message (as a commit-msg hook gets it) with a flood of blank
    lines between its subject and its body."""
    return "KVM: x86: Fix foo\n" + "\n" * size + "Fix foo.\n\n" + SIGNOFF + "\n"


def blank_lines_in_notes(size: int) -> str:
    """Blank lines in the notes below ``---``."""
    return patch(notes="\n" * size + "Changes in v2:\n- nothing")


def blank_lines_in_message(size: int) -> str:
    """A changelog of short paragraphs separated by blank lines."""
    return patch(body=_repeat("Fix foo.\n\n\n", size) + "Fix bar.")


def many_files(size: int) -> str:
    """A diff touching thousands of KVM source files, one hunk each."""
    one = diff(path="arch/x86/kvm/vmx/f0000.c", added="\t/* We fix foo. */", removed="\tint r;")
    files = "".join(
        diff(
            path=f"arch/x86/kvm/vmx/f{index:04d}.c", added="\t/* We fix foo. */", removed="\tint r;"
        )
        for index in range(max(1, size // len(one)))
    )
    return patch(diffs=files)


def many_hunks(size: int) -> str:
    """One KVM source file with thousands of hunks."""
    hunk = "@@ -10,3 +10,3 @@ static int foo(void)\n {\n-\tint r;\n+\tint r, s;\n }\n"
    header = (
        f"diff --git a/{KVM_FILE} b/{KVM_FILE}\nindex 1111111..2222222 100644\n"
        f"--- a/{KVM_FILE}\n+++ b/{KVM_FILE}\n"
    )
    return patch(diffs=header + _repeat(hunk, size))


def commit_on_every_line(size: int) -> str:
    """One paragraph naming a commit by bare sha on every line."""
    return patch(body=_repeat("See commit 0123456789ab for the history.\n", size).rstrip())


def stable_since_commit_on_every_line(size: int) -> str:
    """A fix for stable whose changelog dates something "since commit" on
    every line, and speaks of no bug."""
    return patch(
        body=_repeat("KVM has required NX since commit 0123456789ab here.\n", size).rstrip(),
        trailers="Cc: stable@vger.kernel.org\n" + SIGNOFF,
    )


def folded_cc_header(size: int) -> str:
    """A ``Cc:`` header folded over thousands of lines."""
    folded = _repeat(" someone@example.org,\n", size).rstrip(",\n")
    return patch(headers=f"Cc:{folded}\n")


def encoded_cc_header(size: int) -> str:
    """A folded ``Cc:`` header of RFC 2047 encoded names (decoded, not just unfolded)."""
    folded = _repeat(" =?UTF-8?q?Jos=C3=A9?= <someone@example.org>,\n", size).rstrip(",\n")
    return patch(headers=f"Cc:{folded}\n")


def long_declaration_line(size: int) -> str:
    """An added KVM source line declaring thousands of names."""
    return patch(diffs=diff(path=KVM_FILE, added="\tint a" + _repeat(", a", size) + ";"))


def many_declarations(size: int) -> str:
    """Thousands of consecutive added declarations."""
    return patch(
        diffs=diff(path=KVM_FILE, added=_repeat("\tint a;\n", size).rstrip("\n"), removed="")
    )


def bracket_ends(size: int) -> str:
    """Message lines that each end with ``]`` but never open one, above the trailers."""
    return patch(body="Fix foo.\n\n" + _repeat("see foo]\n", size) + SIGNOFF, trailers="")


def many_trailers(size: int) -> str:
    """A trailer block of thousands of tags."""
    return patch(
        trailers=_repeat("Reviewed-by: Someone Else <someone@example.org>\n", size) + SIGNOFF
    )


def many_mails(size: int) -> str:
    """An mbox of many small patches."""
    one = patch()
    return one * max(1, size // len(one))


SHAPES: dict[str, Callable[[int], str]] = {
    "blank lines after subject": blank_lines_after_subject,
    "blank lines in notes": blank_lines_in_notes,
    "blank lines in message": blank_lines_in_message,
    "many files": many_files,
    "many hunks": many_hunks,
    "commit on every line": commit_on_every_line,
    "stable, since commit on every line": stable_since_commit_on_every_line,
    "folded Cc: header": folded_cc_header,
    "encoded Cc: header": encoded_cc_header,
    "long declaration line": long_declaration_line,
    "many declarations": many_declarations,
    "lines ending in ]": bracket_ends,
    "many trailers": many_trailers,
    "many mails": many_mails,
}


def peak_memory(text: str) -> int:
    """The most memory allocated at once while checking ``text``, in bytes.

    The typo list, the message catalog and the stored engine code of the
    patterns are loaded first: they are a fixed cost (about 4 MB), not one
    that grows with the input.
    """
    check_texts([("warm-up", patch())])
    lazy_re.stored()  # loaded by the first pattern compiled, maybe none above
    tracemalloc.start()
    try:
        check_texts([("shape", text)])
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
