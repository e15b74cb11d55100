"""The parser: every input kind, and line numbers that point into the input."""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest

from kvmcheck.parser import mbox_message_starts, parse_file, parse_inputs, parse_subject

SOB = "Signed-off-by: Jane Developer <jane@example.org>"
SIGNATURE = "-- "  # the mail signature separator, trailing space included

FORMAT_PATCH = f"""\
From 1234567890abcdef1234567890abcdef12345678 Mon Sep 17 00:00:00 2001
From: Jane Developer <jane@example.org>
Date: Mon, 1 Jan 2024 00:00:00 +0000
Subject: [PATCH v2 3/7] KVM: x86: Reject unknown indices in
 kvm_get_foo()

Return -EINVAL from kvm_get_foo() for unknown indices.

Fixes: 0123456789ab ("KVM: x86: Add kvm_get_foo()")
{SOB}
---
v2: check the index first

 arch/x86/kvm/x86.c | 3 ++-
 1 file changed, 2 insertions(+), 1 deletion(-)

diff --git a/arch/x86/kvm/x86.c b/arch/x86/kvm/x86.c
index 1111111..2222222 100644
--- a/arch/x86/kvm/x86.c
+++ b/arch/x86/kvm/x86.c
@@ -10,3 +10,4 @@ static int kvm_get_foo(u32 index)
 {{
-\treturn 0;
+\tif (index >= NR_FOO)
+\t\treturn -EINVAL;
 }}

base-commit: 0123456789abcdef0123456789abcdef01234567
{SIGNATURE}
2.43.0
"""


def raw_line(text: str, lineno: int) -> str:
    return text.replace("\r\n", "\n").split("\n")[lineno - 1]


def test_format_patch_model() -> None:
    (patch,) = parse_file("p.patch", FORMAT_PATCH)
    assert patch.kind == "email"
    subject = patch.subject
    assert subject.raw == "[PATCH v2 3/7] KVM: x86: Reject unknown indices in kvm_get_foo()"
    assert (subject.version, subject.number, subject.total) == (2, 3, 7)
    assert subject.prefix == ("KVM", "x86")
    assert subject.description == "Reject unknown indices in kvm_get_foo()"
    assert subject.lineno == 4  # the folded header's first line
    assert patch.author == "Jane Developer <jane@example.org>"
    assert [line.text for line in patch.message] == [
        "Return -EINVAL from kvm_get_foo() for unknown indices."
    ]
    assert patch.message[0].lineno == 7
    assert [(t.key, t.lineno) for t in patch.trailers] == [("Fixes", 9), ("Signed-off-by", 10)]
    assert patch.separator_lineno == 11
    assert [line.text for line in patch.notes] == ["v2: check the index first"]
    assert [line.lineno for line in patch.diffstat] == [14, 15]
    (file,) = patch.files
    assert file.path == "arch/x86/kvm/x86.c"
    (hunk,) = file.hunks
    assert [(line.text, line.lineno) for line in hunk.removed] == [("\treturn 0;", 23)]
    assert [line.lineno for line in hunk.added] == [24, 25]
    assert hunk.section == "static int kvm_get_foo(u32 index)"
    assert patch.base_commit.lineno == 28


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "[PATCH v2 3/7] KVM: x86: Fix foo",
            dict(is_patch=True, version=2, number=3, total=7, rfc=False, project=None),
        ),
        ("[RFC PATCH] KVM: VMX: Add bar", dict(is_patch=True, rfc=True, number=None)),
        (
            "[kvm-unit-tests PATCH v3 02/10] nVMX: Test baz",
            dict(project="kvm-unit-tests", version=3, number=2, total=10),
        ),
        ("[PATCH 0/4] KVM: x86: Cover", dict(number=0, total=4)),
        ("[RFC][PATCH 1/2] KVM: Fix it", dict(rfc=True, number=1, total=2)),
        ("KVM: x86: No tags at all", dict(is_patch=False, tags=())),
        ('[PATCH] Revert "KVM: x86: Fix foo"', dict(revert=True, prefix=())),
    ],
)
def test_subject_tags(raw: str, expected: dict) -> None:
    subject = parse_subject(raw, 1)
    for name, value in expected.items():
        assert getattr(subject, name) == value, name


@pytest.mark.parametrize(
    ("shortlog", "prefix", "description"),
    [
        ("KVM: x86/mmu: Zap foo: the sequel", ("KVM", "x86/mmu"), "Zap foo: the sequel"),
        ("kvm: vmx: fix bar", ("kvm", "vmx"), "fix bar"),
        ("arch/x86/kvm/lapic.c: Fix baz", ("arch/x86/kvm/lapic.c",), "Fix baz"),
        ("Fix without a prefix", (), "Fix without a prefix"),
        ("x86/kvm: Use qux", ("x86/kvm",), "Use qux"),
    ],
)
def test_subject_prefix(shortlog: str, prefix: tuple, description: str) -> None:
    subject = parse_subject(f"[PATCH] {shortlog}", 1)
    assert subject.prefix == prefix
    assert subject.description == description


def test_crlf_and_folded_headers() -> None:
    text = FORMAT_PATCH.replace("\n", "\r\n")
    (patch,) = parse_file("crlf.patch", text.encode())
    assert patch.subject.description == "Reject unknown indices in kvm_get_foo()"
    assert patch.trailers[1].lineno == 10
    assert not any(line.text.endswith("\r") for line in patch.message)
    assert [line.lineno for line in patch.files[0].hunks[0].added] == [24, 25]


def test_rfc2047_headers() -> None:
    text = (
        "From: =?UTF-8?q?J=C3=B6rg=20R=C3=B6del?= <joro@example.org>\n"
        "Subject: =?UTF-8?B?W1BBVENIXSBLVk06IHg4NjogRml4IHTDqXN0?=\n"
        "\n"
        "Body.\n\n"
        "Signed-off-by: Jörg Rödel <joro@example.org>\n"
    )
    (patch,) = parse_file("mime.eml", text.encode())
    assert patch.author == "Jörg Rödel <joro@example.org>"
    assert patch.subject.raw == "[PATCH] KVM: x86: Fix tést"
    assert patch.subject.lineno == 2


@pytest.mark.parametrize(
    ("raw", "decoded"),
    [
        # White space between two encoded words disappears (RFC 2047, 6.2),
        # across a fold and between charsets too.
        ("=?UTF-8?q?J=C3=B6?= =?UTF-8?q?rg_R=C3=B6del?=", "Jörg Rödel"),
        ("=?UTF-8?q?KVM:_x86:_Fix_t?=\n =?UTF-8?q?=C3=A9st?=", "KVM: x86: Fix tést"),
        ("=?ISO-8859-1?q?Caf=E9?=\n\t=?UTF-8?B?w7xiZXI=?=", "Caféüber"),
        # A character split across two words (RFC 2047 forbids it; git am copes).
        ("=?UTF-8?q?Jos=C3?= =?UTF-8?q?=A9?=", "José"),
        # Plain text around encoded words keeps its white space, 8-bit text too.
        ("[PATCH] =?UTF-8?q?Fix_t=C3=A9st?= now", "[PATCH] Fix tést now"),
        ("Jörg =?UTF-8?q?R=C3=B6del?= <joro@example.org>", "Jörg Rödel <joro@example.org>"),
        ("(=?UTF-8?q?Jos=C3=A9?=)", "(José)"),
        # Decoded white space is collapsed like any other.
        ("=?UTF-8?q?a__b_?=\tc", "a b c"),
        # A word that does not decode stays as written; the others are decoded.
        ("=?x-unknown?q?abc?= =?UTF-8?q?t=C3=A9st?=", "=?x-unknown?q?abc?= tést"),
        ("=?UTF-8?b?w6k=?= =?UTF-8?b?a?=", "é =?UTF-8?b?a?="),  # bad base64
        ("=?UTF-8?q?=C3?=", "=?UTF-8?q?=C3?="),  # not UTF-8
        # No white space inside an encoded word: this is not one.
        ("=?UTF-8?q?a b?=", "=?UTF-8?q?a b?="),
    ],
)
def test_rfc2047_encoded_words(raw: str, decoded: str) -> None:
    text = (
        f"From: Jane Developer <jane@example.org>\nSubject: {raw}\nCc: {raw}\n\nFix foo.\n\n{SOB}\n"
    )
    (patch,) = parse_file("words.eml", text.encode())
    assert patch.header("subject") == decoded
    assert patch.header("cc") == decoded


def test_folded_headers_are_unfolded_with_their_line_numbers() -> None:
    text = (
        "From: Jane Developer\n <jane@example.org>\n"
        "Subject: [PATCH] KVM: x86:\n\tFix   foo\n   and\tbar  \n"
        "Subject: [PATCH] a repeated header\n is ignored\n"
        "Cc:\n a@example.org,\n\tb@example.org\n"
        "\nFix foo.\n\n" + SOB + "\n"
    )
    (patch,) = parse_file("folded.eml", text)
    assert (patch.author, patch.author_lineno) == ("Jane Developer <jane@example.org>", 1)
    subject = patch.subject
    assert subject.raw == "[PATCH] KVM: x86: Fix foo and bar"
    assert (subject.lineno, subject.end_lineno) == (3, 5)
    assert patch.headers["cc"] == ("a@example.org, b@example.org", 8)
    assert patch.message[0].lineno == 12


def mime_mail(encoding: str, body: bytes) -> bytes:
    if encoding == "quoted-printable":
        encoded = quopri.encodestring(body)
    else:
        encoded = base64.encodebytes(body)
    return (
        b"From: Jane Developer <jane@example.org>\n"
        b"Subject: [PATCH] KVM: x86: Encoded body\n"
        b"MIME-Version: 1.0\n"
        b"Content-Type: text/plain; charset=utf-8\n"
        b"Content-Transfer-Encoding: " + encoding.encode() + b"\n"
        b"\n" + encoded
    )


BODY = (
    "Describe the change with a line long enough that quoted-printable encoding has to "
    "break it with a soft line break somewhere in the middle of it.\n"
    "Caf\u00e9 \u00fcber na\u00efve.\n\n"
    f"{SOB}\n---\n"
    "diff --git a/arch/x86/kvm/x86.c b/arch/x86/kvm/x86.c\n"
    "--- a/arch/x86/kvm/x86.c\n+++ b/arch/x86/kvm/x86.c\n"
    "@@ -1,1 +1,1 @@\n-\told = 1;\n+\tnew = 2;\n"
).encode()


def test_quoted_printable_body_maps_to_input_lines() -> None:
    data = mime_mail("quoted-printable", BODY)
    (patch,) = parse_file("qp.eml", data)
    raw_lines = data.decode().split("\n")
    assert patch.message[0].text.startswith("Describe the change with a line long enough")
    assert patch.message[1].text == "Café über naïve."
    # The long line was soft-broken: its line number is that of its first part.
    assert raw_lines[patch.message[0].lineno - 1].startswith("Describe the change")
    assert raw_lines[patch.message[1].lineno - 1].startswith("Caf=C3=A9")
    assert patch.trailers[0].key == "Signed-off-by"
    (added,) = list(patch.files[0].added_lines())
    assert raw_lines[added.lineno - 1] == "+\tnew =3D 2;"


def test_base64_body_is_decoded_without_line_numbers() -> None:
    (patch,) = parse_file("b64.eml", mime_mail("base64", BODY))
    assert patch.message[1].text == "Café über naïve."
    assert patch.message[1].lineno is None
    assert patch.subject.lineno == 2  # headers keep theirs
    assert patch.files[0].path == "arch/x86/kvm/x86.c"


# Hunks of every kind the hunk reader tells apart: context indented with a
# tab, with spaces, an empty context line, no newline at the end, a line a
# mailer wrapped, counts that ran out with diff lines left.
DAMAGED_DIFF = (
    "diff --git a/arch/x86/kvm/x86.c b/arch/x86/kvm/x86.c\n"
    "--- a/arch/x86/kvm/x86.c\n+++ b/arch/x86/kvm/x86.c\n"
    "@@ -1,5 +1,5 @@ int f(void)\n \tkeep = 1;\n     spaces = 2;\n\n"
    "-\told = 1;\n+\tnew = kvm_some_rather_long_function_name_that_needs_a_wrap(vcpu,\n"
    "arg);\n \n\\ No newline at end of file\n"
    "@@ -9,1 +9,1 @@\n-\ta;\n+\tb;\n+\tc;\n"
)


def test_a_decoded_body_has_the_hunks_of_the_same_diff_in_plain_text() -> None:
    """The hunk reader reads the input's text and a decoded body's lines alike."""
    body = f"Describe it.\n\n{SOB}\n---\n{DAMAGED_DIFF}"
    plain = (
        "From: Jane Developer <jane@example.org>\nSubject: [PATCH] KVM: x86: Plain body\n\n" + body
    )
    (from_text,) = parse_file("plain.eml", plain)
    (decoded,) = parse_file("b64.eml", mime_mail("base64", body.encode()))

    def hunks(patch) -> list[tuple]:
        return [
            (
                [line.text for line in hunk.added],
                [line.text for line in hunk.removed],
                [kind for _, kind in hunk.damage],
                hunk.context_tabs,
                hunk.context_spaces,
            )
            for file in patch.files
            for hunk in file.hunks
        ]

    assert hunks(from_text) == hunks(decoded)
    assert hunks(from_text) == [
        (
            ["\tnew = kvm_some_rather_long_function_name_that_needs_a_wrap(vcpu,"],
            ["\told = 1;"],
            ["wrapped"],
            1,
            1,
        ),
        (["\tb;", "\tc;"], ["\ta;"], ["count"], 0, 0),
    ]


def test_hunks_in_good_order_are_read_whole_and_no_further() -> None:
    """Hunks whose lines meet their counts, as nearly all real ones do: every
    kind of diff line, and what ends them (the next hunk, the mail
    signature) left out; a "\\ No newline at end of file" is its hunk's last
    line."""
    text = (
        "From: Jane Developer <jane@example.org>\nSubject: [PATCH] KVM: x86: Good\n\n"
        f"Describe it.\n\n{SOB}\n---\n"
        "diff --git a/arch/x86/kvm/x86.c b/arch/x86/kvm/x86.c\n"  # line 8
        "--- a/arch/x86/kvm/x86.c\n+++ b/arch/x86/kvm/x86.c\n"
        "@@ -1,5 +1,5 @@ int f(void)\n \tkeep = 1;\n     spaces = 2;\n\n"  # header: line 11
        "-\told = 1;\n+\tnew = 1;\n \n\\ No newline at end of file\n"
        "@@ -9,2 +9,0 @@\n-\ta;\n-\tb;\n\\ No newline at end of file\n"  # header: line 19
        "@@ -20,0 +19,1 @@\n+\tc;\n"  # header: line 23
        f"{SIGNATURE}\n2.43.0\n"
    )
    (patch,) = parse_file("good.eml", text)
    hunks = [
        (
            [(line.text, line.lineno) for line in hunk.added],
            [(line.text, line.lineno) for line in hunk.removed],
            hunk.damage,
            hunk.context_tabs,
            hunk.context_spaces,
            hunk.last_lineno,
        )
        for hunk in patch.files[0].hunks
    ]
    assert hunks == [
        ([("\tnew = 1;", 16)], [("\told = 1;", 15)], (), 1, 1, 18),
        ([], [("\ta;", 20), ("\tb;", 21)], (), 0, 0, 22),
        ([("\tc;", 24)], [], (), 0, 0, 24),
    ]


def test_multipart_patch_attachment() -> None:
    data = (
        "From: Jane Developer <jane@example.org>\n"
        "Subject: [PATCH] KVM: x86: Attached\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="XX"\n'
        "\n"
        "--XX\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "\n"
        "Explain the change.\n\n"
        f"{SOB}\n"
        "--XX\n"
        'Content-Type: text/x-patch; name="fix.patch"\n'
        "Content-Transfer-Encoding: base64\n"
        'Content-Disposition: attachment; filename="fix.patch"\n'
        "\n"
        + base64.encodebytes(
            b"---\ndiff --git a/virt/kvm/kvm_main.c b/virt/kvm/kvm_main.c\n"
            b"--- a/virt/kvm/kvm_main.c\n+++ b/virt/kvm/kvm_main.c\n"
            b"@@ -1 +1 @@\n-a\n+b\n"
        ).decode()
        + "--XX--\n"
    )
    (patch,) = parse_file("multi.eml", data)
    assert [line.text for line in patch.message] == ["Explain the change."]
    assert patch.trailers[0].key == "Signed-off-by"
    assert patch.paths == ["virt/kvm/kvm_main.c"]


def test_mbox_series_with_cover_letter() -> None:
    def mail(number: int, subject: str, body: str) -> str:
        return (
            f"From 1234567890abcdef1234567890abcdef1234567{number} Mon Sep 17 00:00:00 2001\n"
            "From: Jane Developer <jane@example.org>\n"
            f"Subject: [PATCH v2 {number}/2] {subject}\n"
            "\n" + body + "\n"
        )

    cover = mail(
        0,
        "KVM: x86: Fix foo and bar",
        "Two fixes.\n\nJane Developer (2):\n"
        "  KVM: x86: Fix foo\n  KVM: x86: Fix bar\n\n"
        "base-commit: 0123456789abcdef0123456789abcdef01234567",
    )
    first = mail(
        1,
        "KVM: x86: Fix foo",
        f"Fix foo.\n\n{SOB}\n---\n"
        "diff --git a/arch/x86/kvm/x86.c b/arch/x86/kvm/x86.c\n"
        "--- a/arch/x86/kvm/x86.c\n+++ b/arch/x86/kvm/x86.c\n@@ -1 +1 @@\n-a\n+b\n",
    )
    second = mail(
        2,
        "KVM: x86: Fix bar",
        f"Fix bar.\n\n{SOB}\n---\n"
        "diff --git a/arch/x86/kvm/x86.c b/arch/x86/kvm/x86.c\n"
        "--- a/arch/x86/kvm/x86.c\n+++ b/arch/x86/kvm/x86.c\n@@ -1 +1 @@\n-c\n+d\n",
    )
    text = cover + first + second
    series = parse_inputs([("series.mbox", text)])
    assert [p.subject.number for p in series.patches] == [0, 1, 2]
    assert series.cover_letter is series.patches[0]
    assert series.patches[0].base_commit is not None
    assert series.patches[0].files == []
    # Line numbers stay those of the whole mbox.
    added = next(series.patches[2].files[0].added_lines())
    assert raw_line(text, added.lineno) == "+d"


GIT_SHOW = f"""\
commit 0123456789abcdef0123456789abcdef01234567
Author: Jane Developer <jane@example.org>
Date:   Mon Jan 1 00:00:00 2024 +0000

    KVM: nVMX: Reject unknown indices in nested_get_foo()

    Return -EINVAL for unknown indices.

    {SOB}

diff --git a/arch/x86/kvm/vmx/nested.c b/arch/x86/kvm/vmx/nested.c
index 1111111..2222222 100644
--- a/arch/x86/kvm/vmx/nested.c
+++ b/arch/x86/kvm/vmx/nested.c
@@ -1,1 +1,1 @@
-\treturn 0;
+\treturn -EINVAL;
"""


def test_git_show() -> None:
    (patch,) = parse_file("show.txt", GIT_SHOW)
    assert patch.kind == "git-log"
    assert patch.subject.description == "Reject unknown indices in nested_get_foo()"
    assert patch.subject.lineno == 5
    assert patch.author == "Jane Developer <jane@example.org>"
    assert [line.text for line in patch.message] == ["Return -EINVAL for unknown indices."]
    assert patch.trailers[0].lineno == 9
    assert patch.paths == ["arch/x86/kvm/vmx/nested.c"]
    assert next(patch.files[0].added_lines()).lineno == 17


def test_git_log_p_holds_several_commits() -> None:
    second = GIT_SHOW.replace("0123456789abcdef", "fedcba9876543210").replace(
        "nested_get_foo", "nested_get_bar"
    )
    patches = parse_file("log.txt", GIT_SHOW + "\n" + second)
    assert [p.subject.description for p in patches] == [
        "Reject unknown indices in nested_get_foo()",
        "Reject unknown indices in nested_get_bar()",
    ]
    assert patches[1].subject.lineno == 5 + GIT_SHOW.count("\n") + 1


def test_bare_commit_message_as_git_hands_it_to_commit_msg() -> None:
    text = (
        "KVM: x86: Reject unknown indices\n"
        "\n"
        "Return -EINVAL for unknown indices.\n"
        "\n"
        f"{SOB}\n"
        "# Please enter the commit message for your changes. Lines starting\n"
        "# with '#' will be ignored, and we keep an empty message aborting.\n"
        "# ------------------------ >8 ------------------------\n"
        "# Do not modify or remove the line above.\n"
        "diff --git a/arch/x86/kvm/x86.c b/arch/x86/kvm/x86.c\n"
    )
    (patch,) = parse_file("COMMIT_EDITMSG", text)
    assert patch.kind == "message"
    assert patch.subject.shortlog == "KVM: x86: Reject unknown indices"
    assert [line.text for line in patch.message] == ["Return -EINVAL for unknown indices."]
    assert [t.key for t in patch.trailers] == ["Signed-off-by"]
    assert patch.files == []


def test_changelog_paragraphs_keep_their_lines() -> None:
    text = (
        "From: Jane Developer <jane@example.org>\nSubject: [PATCH] KVM: x86: Fix\n\n"
        "First paragraph,\nwrapped.\n\n\nSecond one.\n\n" + SOB + "\n"
    )
    (patch,) = parse_file("p.patch", text)
    assert [
        [(line.text, line.lineno) for line in paragraph] for paragraph in patch.paragraphs()
    ] == [[("First paragraph,", 4), ("wrapped.", 5)], [("Second one.", 8)]]


def test_bare_diff() -> None:
    text = FORMAT_PATCH[FORMAT_PATCH.index("diff --git") : FORMAT_PATCH.index("\nbase-commit")]
    (patch,) = parse_file("x.diff", text)
    assert patch.kind == "diff"
    assert patch.subject is None
    assert [line.lineno for line in patch.files[0].added_lines()] == [8, 9]


def test_plain_unified_diff_without_git_header() -> None:
    text = (
        "--- a/virt/kvm/kvm_main.c\t2024-01-01\n+++ b/virt/kvm/kvm_main.c\t2024-01-02\n"
        "@@ -1,2 +1,2 @@\n context\n-old\n+new\n"
    )
    (patch,) = parse_file("u.diff", text)
    assert patch.paths == ["virt/kvm/kvm_main.c"]
    assert [line.text for line in patch.files[0].added_lines()] == ["new"]


def test_new_and_deleted_files() -> None:
    text = (
        "diff --git a/tools/testing/selftests/kvm/x86/new_test.c "
        "b/tools/testing/selftests/kvm/x86/new_test.c\n"
        "new file mode 100644\n--- /dev/null\n+++ b/tools/testing/selftests/kvm/x86/new_test.c\n"
        "@@ -0,0 +1,1 @@\n+int main(void) { return 0; }\n"
        "diff --git a/arch/x86/kvm/old.c b/arch/x86/kvm/old.c\n"
        "deleted file mode 100644\n--- a/arch/x86/kvm/old.c\n+++ /dev/null\n"
        "@@ -1,1 +0,0 @@\n-int old;\n"
    )
    (patch,) = parse_file("x.diff", text)
    new, old = patch.files
    assert new.old_path is None and new.path == "tools/testing/selftests/kvm/x86/new_test.c"
    assert old.new_path is None and old.path == "arch/x86/kvm/old.c"


def test_signature_dash_dash_line_inside_a_hunk_is_code() -> None:
    """ "-- " in a hunk is a removed line "- ", not the mail signature."""
    text = (
        "diff --git a/Documentation/virt/kvm/api.rst b/Documentation/virt/kvm/api.rst\n"
        "--- a/Documentation/virt/kvm/api.rst\n+++ b/Documentation/virt/kvm/api.rst\n"
        "@@ -1,2 +1,2 @@\n-- old item\n+- new item\n \n"
    )
    (patch,) = parse_file("x.diff", text)
    hunk = patch.files[0].hunks[0]
    assert [line.text for line in hunk.removed] == ["- old item"]
    assert [line.text for line in hunk.added] == ["- new item"]


def test_trailer_block_with_multiline_maintainer_note() -> None:
    text = (
        "From: Peter Author <peter@example.org>\nSubject: [PATCH] KVM: SVM: Fix foo\n\n"
        "Fix foo.\n\n"
        "Signed-off-by: Peter Author <peter@example.org>\n"
        "[Rewrote the changelog, which is now my own\n"
        " words. - Paolo]\n"
        "Signed-off-by: Paolo Maintainer <paolo@example.org>\n"
    )
    (patch,) = parse_file("x.patch", text)
    assert [line.text for line in patch.message] == ["Fix foo."]
    assert [t.key for t in patch.trailers] == ["Signed-off-by", "Signed-off-by"]


def test_in_body_from_overrides_the_sender() -> None:
    text = (
        "From: Maintainer <maint@example.org>\nSubject: [PATCH] KVM: x86: Fix foo\n\n"
        "From: Real Author <author@example.org>\n\nFix foo.\n\n"
        "Signed-off-by: Real Author <author@example.org>\n"
    )
    (patch,) = parse_file("x.patch", text)
    assert patch.author == "Real Author <author@example.org>"
    assert patch.author_lineno == 4


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"  \n\n\t\n", "empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"<!DOCTYPE html>\n<html><body>[PATCH]</body></html>", "html"),
    ],
)
def test_unrecognized_input(data: bytes, problem: str) -> None:
    (patch,) = parse_file("in", data)
    assert patch.kind == "unrecognized"
    assert patch.problem == problem


@pytest.mark.parametrize("filler", ["a", "\u00e9", "\u4e2d", "\ud800"])
@pytest.mark.parametrize(("controls", "problem"), [(10, None), (11, "binary")])
def test_text_with_more_than_one_percent_control_characters_is_binary(
    filler: str, controls: int, problem: str | None
) -> None:
    """Counted as characters whatever else the text holds (accented, CJK,
    a lone surrogate from the API), tab, CR and form feed not among them."""
    text = "\t\r\f" + ("\x01\x1b\x7f\x0b" * 3)[:controls]
    text += filler * (1000 - len(text) - 1) + "\n"
    (patch,) = parse_file("in", text)
    assert patch.problem == problem


def test_latin1_mail_is_read() -> None:
    data = (
        "From: J\u00f6rg <j@example.org>\nSubject: [PATCH] KVM: x86: Fix\n\nFix caf\u00e9.\n"
    ).encode("latin-1")
    (patch,) = parse_file("latin1.eml", data)
    assert patch.kind == "email"
    assert patch.message[0].text == "Fix café."


def test_every_corpus_line_number_points_into_the_file(corpus: Path) -> None:
    """Subject, trailers, added and removed lines name their own input line."""
    checked = 0
    for path in sorted(corpus.glob("*/*.patch")):
        data = path.read_bytes()
        lines = data.decode("utf-8", errors="replace").replace("\r\n", "\n").split("\n")
        for patch in parse_file(path.name, data):
            assert patch.kind == "email", path.name
            assert lines[patch.subject.lineno - 1].startswith("Subject:"), path.name
            for trailer in patch.trailers:
                assert lines[trailer.lineno - 1] == trailer.raw, path.name
            for line in patch.message:
                assert lines[line.lineno - 1] == line.text, path.name
            for file in patch.files:
                for line in file.added_lines():
                    assert lines[line.lineno - 1] == "+" + line.text, path.name
                for line in file.removed_lines():
                    assert lines[line.lineno - 1] == "-" + line.text, path.name
                checked += 1
    assert checked > 300


def test_corpus_patches_have_sign_offs_and_diffs(corpus: Path) -> None:
    for path in sorted(corpus.glob("kvm-x86/*.patch")):
        (patch,) = parse_file(path.name, path.read_bytes())
        assert patch.files, path.name
        assert any(t.key.lower() == "signed-off-by" for t in patch.trailers), path.name


def test_a_folded_in_body_subject_is_read_whole() -> None:
    text = (
        "From: Maintainer <maint@example.org>\nSubject: [PATCH] KVM: x86: Fix foo\n\n"
        "Subject: [PATCH] KVM: x86: Fix the foo path when the guest\n"
        " disables bar\n\nFix foo.\n\n"
        "Signed-off-by: Real Author <author@example.org>\n"
    )
    (patch,) = parse_file("x.patch", text)
    assert patch.subject.shortlog == "KVM: x86: Fix the foo path when the guest disables bar"
    assert (patch.subject.lineno, patch.subject.end_lineno) == (4, 5)
    assert [line.text for line in patch.message] == ["Fix foo."]


def test_a_folded_subject_header_is_read_whole() -> None:
    text = FORMAT_PATCH.replace(
        "Subject: [PATCH] KVM: x86: Reject unknown indices in kvm_get_foo()",
        "Subject: [PATCH] KVM: x86: Reject unknown indices in\n kvm_get_foo()",
    )
    (patch,) = parse_file("x.patch", text)
    assert patch.subject.description == "Reject unknown indices in kvm_get_foo()"
    assert patch.subject.end_lineno == patch.subject.lineno + 1


@pytest.mark.parametrize(
    "above",
    [
        " arch/x86/kvm/x86.c | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n\n",
        "---\n arch/x86/kvm/x86.c | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n\n",
    ],
)
def test_a_diff_pasted_with_its_diffstat_is_a_diff(above: str) -> None:
    text = (
        "diff --git a/arch/x86/kvm/x86.c b/arch/x86/kvm/x86.c\n"
        "--- a/arch/x86/kvm/x86.c\n+++ b/arch/x86/kvm/x86.c\n"
        "@@ -1,2 +1,2 @@\n context\n-old\n+new\n"
    )
    (patch,) = parse_file("d.diff", above + text)
    # Not a commit message whose shortlog would be the diffstat line.
    assert patch.kind == "diff"
    assert patch.subject is None
    assert [line.text for line in patch.diffstat] == [
        " arch/x86/kvm/x86.c | 2 +-",
        " 1 file changed, 1 insertion(+), 1 deletion(-)",
    ]
    assert patch.paths == ["arch/x86/kvm/x86.c"]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        # One base-commit: line in the message, one in the notes, one after the
        # diff: the last one of the input is the patch's.
        (("message", "notes", "diff"), "cccccccccccc"),
        (("message", "notes"), "bbbbbbbbbbbb"),
        (("message",), "aaaaaaaaaaaa"),
        (("diff",), "cccccccccccc"),
    ],
)
def test_the_last_base_commit_line_counts(where: tuple[str, ...], expected: str) -> None:
    def base(place: str, sha: str) -> str:
        return f"base-commit: {sha * 12}\n" if place in where else ""

    text = (
        "From: Jane Developer <jane@example.org>\n"
        "Subject: [PATCH] KVM: x86: Fix foo\n\n"
        f"Fix foo.\n\n{base('message', 'a')}{SOB}\n---\n"
        f"A note.\n{base('notes', 'b')}\n"
        "diff --git a/arch/x86/kvm/x86.c b/arch/x86/kvm/x86.c\n"
        "--- a/arch/x86/kvm/x86.c\n+++ b/arch/x86/kvm/x86.c\n@@ -1 +1 @@\n-a\n+b\n"
        f"\n{base('diff', 'c')}"
    )
    (patch,) = parse_file("base.patch", text)
    assert patch.base_commit is not None
    assert patch.base_commit.text == f"base-commit: {expected}"
    assert raw_line(text, patch.base_commit.lineno) == patch.base_commit.text
    assert [t.key for t in patch.trailers] == ["Signed-off-by"]
    assert [line.text for line in patch.notes] == ["A note."]


def test_in_body_headers_take_over_the_mail_headers() -> None:
    text = (
        "From: Mailing List Robot <robot@example.org>\n"
        "Subject: [PATCH] wrong subject\n\n"
        "From: Jane Developer <jane@example.org>\n"
        "Subject: [PATCH 1/2] KVM: x86: Fix foo\n\n"
        f"Fix foo.\n\n{SOB}\n"
    )
    (patch,) = parse_file("in-body.patch", text)
    assert (patch.author, patch.author_lineno) == ("Jane Developer <jane@example.org>", 4)
    assert (patch.subject.shortlog, patch.subject.lineno, patch.subject.number) == (
        "KVM: x86: Fix foo",
        5,
        1,
    )
    assert patch.headers["subject"] == ("[PATCH 1/2] KVM: x86: Fix foo", 5)
    assert patch.headers["from"] == ("Mailing List Robot <robot@example.org>", 1)
    assert [line.text for line in patch.message] == ["Fix foo."]


def test_mbox_message_starts_are_the_from_lines() -> None:
    mail = "From 1234567 Mon Sep 17 00:00:00 2001\nFrom: {0}\nSubject: x\n\nbody\n"
    text = "\n\n" + mail.format("a") + mail.format("b") + "\n" + mail.format("c")
    assert mbox_message_starts(text) == [2, 7, 13]
    assert mbox_message_starts(text.replace("\n", "\r\n")) == [2, 7, 13]
    assert mbox_message_starts(mail.format("a")[mail.index("\n") + 1 :]) == []  # one mail
    assert mbox_message_starts("") == []
