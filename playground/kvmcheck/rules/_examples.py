"""Build the small example patches each rule documents (bad and good)."""

from __future__ import annotations

AUTHOR = "Jane Developer <jane@example.org>"
SIGNOFF = f"Signed-off-by: {AUTHOR}"
MBOX_FROM = "From 89abcdef0123456789abcdef0123456789abcdef Mon Sep 17 00:00:00 2001"
BASE = "base-commit: 0123456789abcdef0123456789abcdef01234567"

BODY = (
    "Return -EINVAL from kvm_get_foo() when userspace passes an unknown\n"
    "index, instead of reading past the end of the array.\n"
    "\n"
    "The ioctl handler trusts the index it is given, so a bogus value makes\n"
    "the host read memory it does not own."
)


def diff(
    path: str = "arch/x86/kvm/x86.c",
    added: str = "\treturn -EINVAL;",
    removed: str = "\treturn 0;",
    context: str = "static int kvm_get_foo(u32 index)",
) -> str:
    """A one-hunk diff of ``path`` replacing ``removed`` with ``added`` lines."""
    plus = "".join(f"+{line}\n" for line in added.split("\n")) if added else ""
    minus = "".join(f"-{line}\n" for line in removed.split("\n")) if removed else ""
    old_count = len(removed.split("\n")) + 2 if removed else 2
    new_count = len(added.split("\n")) + 2 if added else 2
    return (
        f"diff --git a/{path} b/{path}\n"
        "index 1111111..2222222 100644\n"
        f"--- a/{path}\n"
        f"+++ b/{path}\n"
        f"@@ -10,{old_count} +10,{new_count} @@ {context}\n"
        " {\n"
        f"{minus}{plus}"
        " }\n"
    )


def added_lines(lines: str, path: str = "arch/x86/kvm/x86.c", removed: str = "") -> str:
    """A patch adding ``lines`` (and removing ``removed``) in one hunk of ``path``."""
    return patch(diffs=diff(path=path, added=lines, removed=removed))


def patch(
    subject: str = "KVM: x86: Reject unknown indices in kvm_get_foo()",
    body: str = BODY,
    trailers: str = SIGNOFF,
    diffs: str | None = None,
    headers: str = "",
    notes: str = "",
    author: str = AUTHOR,
    base: bool = True,
) -> str:
    """A ``git format-patch`` style mail (several of them concatenated make an mbox)."""
    text = f"{MBOX_FROM}\nFrom: {author}\nSubject: [PATCH] {subject}\n{headers}\n"
    if body:
        text += body + "\n\n"
    if trailers:
        text += trailers + "\n"
    text += "---\n"
    if notes:
        text += notes + "\n\n"
    text += diff() if diffs is None else diffs
    if base:
        text += f"\n{BASE}\n"
    return text + "-- \n2.43.0\n"
