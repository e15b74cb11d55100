"""Posting rules: base-commit-missing, kvm-unit-tests-mixed, selftests-missing, patch-corrupted,
series-numbering (kvmcheck/rules/posting.py)."""

from __future__ import annotations

import pytest
from rule_cases import line_of, rule_case_test

from kvmcheck.fix import fix_text
from kvmcheck.rules._examples import diff, patch

KUT = patch(subject="x86: Test foo", diffs=diff(path="x86/foo.c"))
KUT_TAGGED = patch(subject="nVMX: Test foo", diffs=diff(path="lib/x86/vmx.h")).replace(
    "[PATCH]", "[kvm-unit-tests PATCH]"
)
SELFTEST = diff(path="tools/testing/selftests/kvm/x86/foo_test.c", added="\tfoo();", removed="")
NEW_CAP = diff(path="include/uapi/linux/kvm.h", added="#define KVM_CAP_FOO 240", removed="")
FIXES = 'Fixes: 0123456789ab ("KVM: x86: Add kvm_get_foo()")\n'
SOB = "Signed-off-by: Jane Developer <jane@example.org>"


def numbered(text: str, tag: str) -> str:
    return text.replace("[PATCH]", f"[PATCH {tag}]")


CASES = [
    ("base-commit-missing", patch(base=False), True),
    ("base-commit-missing", patch(), False),
    (
        "base-commit-missing",
        patch(base=False, diffs=diff(path="drivers/foo.c"), subject="drm/foo: Fix bar"),
        False,
    ),
    ("kvm-unit-tests-mixed", patch() + KUT, True),
    ("kvm-unit-tests-mixed", patch() + KUT_TAGGED, True),
    ("kvm-unit-tests-mixed", KUT + KUT_TAGGED, False),
    ("kvm-unit-tests-mixed", patch(), False),
    (
        "kvm-unit-tests-mixed",
        patch(subject="lib: Fix string helper", diffs=diff(path="lib/string.c")),
        False,
    ),
    ("selftests-missing", patch(diffs=NEW_CAP), True),
    ("selftests-missing", patch(trailers=FIXES + SOB), True),
    ("selftests-missing", patch(diffs=NEW_CAP + SELFTEST), False),
    ("selftests-missing", patch(diffs=NEW_CAP).replace("[PATCH]", "[RFC PATCH]"), False),
    ("selftests-missing", patch(), False),
    ("series-numbering", numbered(patch(), "1/2") + numbered(patch(), "2/3"), True),
    ("series-numbering", numbered(patch(), "v2 1/2") + numbered(patch(), "v3 2/2"), True),
    ("series-numbering", numbered(patch(), "1/2") + numbered(patch(), "1/2"), True),
    (
        "series-numbering",
        numbered(patch(), "0/3") + numbered(patch(), "1/3") + numbered(patch(), "3/3"),
        True,
    ),
    ("series-numbering", numbered(patch(), "3/2"), True),
    (
        "series-numbering",
        numbered(patch(), "v2 0/2") + numbered(patch(), "v2 1/2") + numbered(patch(), "v2 2/2"),
        False,
    ),
    ("series-numbering", numbered(patch(), "4/7"), False),  # b4 checks one patch at a time
]


test_rule = rule_case_test(CASES)


def test_several_files_are_one_series(fired) -> None:
    assert fired("kvm-unit-tests-mixed", [patch(), KUT])
    assert fired("series-numbering", [numbered(patch(), "1/3"), numbered(patch(), "2/3")]) == []


def test_mixed_series_points_at_the_kvm_unit_tests_patch(fired) -> None:
    (finding,) = fired("kvm-unit-tests-mixed", [patch(), KUT])
    assert finding["line"] == 3
    assert finding["severity"] == "error"


def test_gap_names_the_missing_patches(fired) -> None:
    text = numbered(patch(), "0/4") + numbered(patch(), "1/4") + numbered(patch(), "4/4")
    (finding,) = fired("series-numbering", text)
    assert "2, 3" in finding["message"]


# --- patch-corrupted ------------------------------------------------------------


def _x86_diff(header: str, body: str) -> str:
    return (
        "diff --git a/arch/x86/kvm/x86.c b/arch/x86/kvm/x86.c\n"
        "index 1111111..2222222 100644\n"
        "--- a/arch/x86/kvm/x86.c\n"
        "+++ b/arch/x86/kvm/x86.c\n"
        f"{header}\n{body}"
    )


TABBED = (
    " {\n \tif (index >= ARRAY_SIZE(foo))\n-\t\treturn 0;\n+\t\treturn -EINVAL;\n"
    " \treturn foo[index];\n }\n"
)
HEADER = "@@ -10,6 +10,6 @@ static int kvm_get_foo(u32 index)"
SPACED = TABBED.replace("\t", " " * 8)


def test_tabs_turned_into_spaces_is_mailer_damage(fired) -> None:
    text = patch(diffs=_x86_diff(HEADER, SPACED))
    (finding,) = fired("patch-corrupted", text)
    assert finding["severity"] == "error"
    assert finding["line"] == line_of(text, HEADER)
    assert finding["message"] == (
        "The mailer damaged this patch: every tab in the diff, context lines included, became "
        "spaces, so it will not apply. Send patches with 'git send-email' or 'b4 send', not from "
        "a mail client's editor."
    )
    (chinese,) = fired("patch-corrupted", text, lang="zh_CN")
    assert chinese["message"] == (
        "邮件客户端损坏了这个补丁：diff 里的制表符（连同上下文行里的）全都变成了空格，"
        "补丁无法应用。请用 'git send-email' 或 'b4 send' 发送补丁，不要在邮件客户端的编辑器里发。"
    )


def test_code_style_rules_still_read_a_damaged_patch(fired) -> None:
    text = patch(diffs=_x86_diff(HEADER, SPACED))
    assert [f["line"] for f in fired("indent-spaces", text)] == [
        line_of(text, "+" + " " * 16 + "return -EINVAL;")
    ]


def test_spaces_on_added_lines_only_are_the_author_s(fired) -> None:
    text = patch(diffs=_x86_diff(HEADER, TABBED.replace("+\t\t", "+" + " " * 16)))
    assert fired("patch-corrupted", text) == []
    assert fired("indent-spaces", text)
    assert fired("patch-corrupted", patch(diffs=_x86_diff(HEADER, TABBED))) == []


def test_kvm_unit_tests_may_indent_with_spaces(fired) -> None:
    kut = (
        f"diff --git a/x86/foo.c b/x86/foo.c\n--- a/x86/foo.c\n+++ b/x86/foo.c\n{HEADER}\n{SPACED}"
    )
    assert fired("patch-corrupted", patch(subject="x86: Test foo", diffs=kut)) == []


def test_a_wrapped_line_is_reported_and_the_rest_of_the_hunk_still_read(fired) -> None:
    wrapped = (
        ' {\n+\tpr_info("kvm_get_foo: index %u is past the end of the\n'
        'array\\n", index);\n+\tif(index >= ARRAY_SIZE(foo))\n+\t\treturn -EINVAL;\n'
        " \treturn foo[index];\n }\n"
    )
    text = patch(diffs=_x86_diff("@@ -10,3 +10,6 @@ static int kvm_get_foo(u32 index)", wrapped))
    (finding,) = fired("patch-corrupted", text)
    line = line_of(text, 'array\\n", index);')
    assert finding["line"] == line
    assert finding["message"] == (
        f"The mailer damaged this patch: it wrapped a long line of the diff (line {line} has no "
        "'+', '-' or ' ' in front), so it will not apply. Send patches with 'git send-email' or "
        "'b4 send', not from a mail client's editor."
    )
    (chinese,) = fired("patch-corrupted", text, lang="zh_CN")
    assert chinese["message"] == (
        "邮件客户端损坏了这个补丁：它把 diff 里的长行折行了"
        f"（第 {line} 行前面没有 '+'、'-' 或空格），"
        "补丁无法应用。请用 'git send-email' 或 'b4 send' 发送补丁，不要在邮件客户端的编辑器里发。"
    )
    # The lines after the wrapped one are still the hunk's: the code rules see them.
    (keyword,) = fired("space-after-keyword", text)
    assert keyword["line"] == line_of(text, "+\tif(index >= ARRAY_SIZE(foo))")


@pytest.mark.parametrize(
    "header",
    [
        "@@ -10,6 +10,9 @@ static int kvm_get_foo(u32 index)",  # lines missing
        "@@ -10,2 +10,2 @@ static int kvm_get_foo(u32 index)",  # more lines than counted
    ],
)
def test_hunk_counts_that_disagree_with_its_lines(fired, header: str) -> None:
    body = TABBED.replace("+\t\treturn -EINVAL;", "+\t\treturn -EINVAL;\n+\tif(index)")
    text = patch(diffs=_x86_diff(header, body))
    (finding,) = fired("patch-corrupted", text)
    hunk = line_of(text, header)
    assert finding["message"] == (
        f"The mailer damaged this patch: the hunk at line {hunk} does not hold the lines its "
        "'@@' header counts, so it will not apply. Send patches with 'git send-email' or 'b4 "
        "send', not from a mail client's editor."
    )
    (chinese,) = fired("patch-corrupted", text, lang="zh_CN")
    assert chinese["message"] == (
        f"邮件客户端损坏了这个补丁：第 {hunk} 行的 hunk 实际的行数与 '@@' 头里记的行数不符，"
        "补丁无法应用。请用 'git send-email' 或 'b4 send' 发送补丁，不要在邮件客户端的编辑器里发。"
    )
    # Every added line is read, even past the counts.
    assert [f["line"] for f in fired("space-after-keyword", text)] == [
        line_of(text, "+\tif(index)")
    ]


def test_a_well_counted_hunk_before_the_signature_is_intact(fired) -> None:
    text = patch(
        diffs=_x86_diff("@@ -10,7 +10,7 @@ static int kvm_get_foo(u32 index)", TABBED + " \n")
    )
    assert fired("patch-corrupted", text) == []


def test_trailing_context_lines_trimmed_at_the_end_of_the_input_are_no_damage(fired) -> None:
    """An editor or a pasted fragment drops the blank context line that ends a diff."""
    text = (
        "KVM: x86: Fix foo\n\nFix foo.\n\nSigned-off-by: Jane Developer <jane@example.org>\n"
        "---\n" + _x86_diff("@@ -10,7 +10,7 @@ static int kvm_get_foo(u32 index)", TABBED)
    )
    assert fired("patch-corrupted", text) == []
    (finding,) = fired("patch-corrupted", text.replace("@@ -10,7 +10,7", "@@ -10,7 +10,8"))
    assert finding["line"] == line_of(text, "@@ -10,7 +10,7 @@ static int kvm_get_foo(u32 index)")


# --- subject-extra-tag ------------------------------------------------------------


def tagged(tags: str, shortlog: str = "KVM: x86: Fix foo") -> str:
    return patch(subject=shortlog).replace("[PATCH]", f"[{tags}]")


@pytest.mark.parametrize(
    ("tags", "extra"),
    [
        ("PATCH URGENT", "URGENT"),
        ("PATCH kvm-x86/next v2 1/3", "kvm-x86/next"),
        ("PATCH, bugfix", "bugfix"),
    ],
)
def test_extra_subject_tags_are_named_and_dropped(fired, tags: str, extra: str) -> None:
    text = tagged(tags)
    (finding,) = fired("subject-extra-tag", text)
    assert (finding["severity"], finding["line"], finding["fixable"]) == ("warning", 3, True)
    assert finding["message"] == (
        f"Drop '{extra}' from the subject's brackets: KVM postings use only PATCH, RFC, RESEND, "
        "the version (v2) and the number (3/7), plus kvm-unit-tests for that project; say more "
        "below '---' or in the cover letter."
    )
    (chinese,) = fired("subject-extra-tag", text, lang="zh_CN")
    assert chinese["message"] == (
        f"把 '{extra}' 从邮件标题的方括号里去掉：KVM 的投递只用 PATCH、RFC、RESEND、"
        "版本号（v2）和编号（3/7），kvm-unit-tests 的补丁再加上 kvm-unit-tests；"
        "其他说明写在 '---' 下面或封面邮件里。"
    )
    fixed, _count = fix_text(text)
    kept = " ".join(w for w in tags.replace(",", " ").split() if w != extra)
    assert f"Subject: [{kept}] KVM: x86: Fix foo\n" in fixed


@pytest.mark.parametrize(
    "tags",
    [
        "PATCH",
        "RFC PATCH v3 2/5",
        "PATCH RESEND",
        "PATCH v12",
        "kvm-unit-tests PATCH v2",
        "PATCH -next",
        "PATCH linux-next",
    ],
)
def test_usual_subject_tags_are_fine(fired, tags: str) -> None:
    assert fired("subject-extra-tag", tagged(tags)) == []


def test_non_kvm_postings_may_name_their_tree(fired) -> None:
    text = patch(subject="net: Fix foo", diffs=diff(path="net/core/dev.c")).replace(
        "[PATCH]", "[PATCH net-next]"
    )
    assert fired("subject-extra-tag", text) == []


# --- tools-uapi-copy --------------------------------------------------------------

UAPI_LINES = {
    "added": "\t__u32 pad;\t/* must be zero */",
    "removed": "\t__u32 pad;",
    "context": "struct kvm_foo {",
}


@pytest.mark.parametrize(
    "copy", ["tools/include/uapi/linux/kvm.h", "tools/arch/x86/include/uapi/asm/kvm.h"]
)
def test_kvm_patch_editing_a_tools_uapi_copy(fired, copy: str) -> None:
    text = patch(
        diffs=diff(path="include/uapi/linux/kvm.h", **UAPI_LINES) + diff(path=copy, **UAPI_LINES)
    )
    (finding,) = fired("tools-uapi-copy", text)
    assert finding["severity"] == "warning"
    assert finding["line"] == line_of(text, f"diff --git a/{copy} b/{copy}")
    assert finding["message"] == (
        f"This KVM patch edits {copy}, a copy of a uAPI header kept under tools/: change only "
        "the real header; the copies are synced by the tools maintainers, and the KVM selftests "
        "build against the installed headers ('make headers_install')."
    )
    (chinese,) = fired("tools-uapi-copy", text, lang="zh_CN")
    assert chinese["message"] == (
        f"这个 KVM 补丁改动了 {copy}，它是 tools/ 下保存的 uAPI 头文件副本："
        "只改真正的头文件即可；这些副本由 tools 的维护者同步，"
        "KVM selftests 编译时用的是安装后的头文件（'make headers_install'）。"
    )


def test_tools_maintainers_sync_their_copies(fired) -> None:
    sync = patch(
        subject="tools headers UAPI: Sync kvm.h with the kernel sources",
        diffs=diff(path="tools/include/uapi/linux/kvm.h", **UAPI_LINES),
    )
    assert fired("tools-uapi-copy", sync) == []
