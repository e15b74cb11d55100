"""kvmcheck_example: handbook examples checked by kvmcheck at build time.

Each test builds a small real Sphinx project with an English and a Chinese
page and a playground page per language, and reads the warnings and the HTML.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from kvmcheck_example import PARTS, rules_fired, rules_fired_per_item
from sphinx_project import build, make_project

from kvmcheck.share import text_of

BAD_SHORTLOG = "kvm: vmx: Fix a NULL pointer dereference in vmx_frob_msrs()."
GOOD_SHORTLOG = "KVM: VMX: Fix a NULL pointer dereference in vmx_frob_msrs()"
GOOD_PATCH = """\
KVM: x86: Drop the unused vcpu parameter from kvm_foo_bar()

Remove the vcpu parameter from kvm_foo_bar(), as no caller has needed it
since the function stopped reading guest registers.

Signed-off-by: Jane Doe <jane@example.org>
"""
INDEX = """\
Index
=====

.. toctree::

   handbook/en/guide
   handbook/en/playground
   handbook/zh_CN/guide
   handbook/zh_CN/playground
"""


def example(expect: str, body: str, *options: str) -> str:
    lines = [".. kvmcheck-example::", f"   :expect: {expect}", *(f"   {o}" for o in options), ""]
    lines += [f"   {line}" if line else "" for line in body.splitlines()]
    return "\n".join(lines) + "\n"


def project(root: Path, en_body: str, zh_body: str = "", with_playground: bool = True) -> Path:
    pages = {
        "index": INDEX,
        "handbook/en/guide": f"Guide\n=====\n\n{en_body}\n",
        "handbook/zh_CN/guide": f"指南\n====\n\n{zh_body}\n",
    }
    if with_playground:
        pages["handbook/en/playground"] = "Playground\n==========\n"
        pages["handbook/zh_CN/playground"] = "在线检查\n========\n"
    return make_project(
        root,
        ["handbook_sections", "kvmcheck_example"],
        pages,
        conf_extra="suppress_warnings = ['toc.not_readable']\n",
    )


def example_warnings(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if "[kvmcheck.example]" in line]


def links(page: Path) -> list[tuple[str, str]]:
    """(href, text) of every "open in the playground" link of a built page."""
    found = re.findall(
        r'<p class="kvmcheck-example-link"><a class="[^"]*" href="([^"]*)">([^<]*)</a>',
        page.read_text(encoding="utf-8"),
    )
    return [(html.unescape(href), text) for href, text in found]


def test_examples_that_kvmcheck_agrees_with_build_without_warnings(tmp_path: Path) -> None:
    body = (
        example(
            "shortlog-prefix-case, shortlog-trailing-punctuation",
            BAD_SHORTLOG,
            ":part: shortlog",
            ":caption: Bad:",
        )
        + "\n"
        + example("clean", GOOD_SHORTLOG, ":part: shortlog", ":caption: Good:")
        + "\n"
        + example("clean", GOOD_PATCH)
    )
    result = build(project(tmp_path, body), "-W", "--keep-going")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "_build/html/handbook/en/guide.html").read_text(encoding="utf-8")
    assert page.count('<div class="code-block-caption">') == 2
    assert "Bad:" in page and "Good:" in page
    assert html.escape("vmx_frob_msrs().", quote=False) in page


def test_clean_example_with_findings_is_a_warning(tmp_path: Path) -> None:
    result = build(project(tmp_path, example("clean", BAD_SHORTLOG, ":part: shortlog")))
    (warning,) = example_warnings(result)
    assert "guide.rst:4" in warning
    assert "marked clean" in warning and "shortlog-prefix-case" in warning


def test_bad_example_whose_rule_does_not_fire_is_a_warning(tmp_path: Path) -> None:
    body = example("shortlog-too-long, shortlog-prefix-case", GOOD_SHORTLOG, ":part: shortlog")
    (warning,) = example_warnings(build(project(tmp_path, body)))
    assert "expects shortlog-too-long, shortlog-prefix-case" in warning


def test_a_warning_fails_the_build_through_the_gate(tmp_path: Path) -> None:
    root = project(tmp_path, example("clean", BAD_SHORTLOG, ":part: shortlog"))
    (root / "baseline.txt").write_text("")
    conf = root / "conf.py"
    conf.write_text(
        conf.read_text().replace(
            "extensions = [",
            "warnings_gate_baseline = 'baseline.txt'\nextensions = ['warnings_gate', ",
        )
    )
    result = build(root)
    assert result.returncode != 0
    assert "kvmcheck.example" in result.stderr


def test_part_limits_what_counts(tmp_path: Path) -> None:
    # Alone, a shortlog has no changelog and no sign-off: that is not what it shows.
    assert not example_warnings(
        build(project(tmp_path, example("clean", GOOD_SHORTLOG, ":part: shortlog")))
    )


def test_whole_patch_counts_every_finding(tmp_path: Path) -> None:
    (warning,) = example_warnings(build(project(tmp_path, example("clean", GOOD_SHORTLOG))))
    assert "signoff-missing" in warning


def test_ignore_drops_a_rule(tmp_path: Path) -> None:
    body = example(
        "clean", GOOD_SHORTLOG, ":ignore: changelog-missing, signoff-missing, fixes-tag-suggested"
    )
    assert not example_warnings(build(project(tmp_path, body)))


@pytest.mark.parametrize("option", [":expect: no-such-rule", ":ignore: no-such-rule"])
def test_unknown_rule_is_an_error(tmp_path: Path, option: str) -> None:
    body = f".. kvmcheck-example::\n   :expect: clean\n   {option}\n\n   {GOOD_SHORTLOG}\n"
    if option.startswith(":expect:"):
        body = f".. kvmcheck-example::\n   {option}\n\n   {GOOD_SHORTLOG}\n"
    result = build(project(tmp_path, body))
    assert "unknown rule 'no-such-rule'" in result.stderr


def test_missing_expect_is_an_error(tmp_path: Path) -> None:
    result = build(project(tmp_path, f".. kvmcheck-example::\n\n   {GOOD_SHORTLOG}\n"))
    assert "needs :expect:" in result.stderr


def test_link_opens_the_example_in_the_playground_of_the_page_language(
    tmp_path: Path,
) -> None:
    root = project(
        tmp_path, example("clean", GOOD_PATCH), example("clean", GOOD_PATCH, ":caption: 正确示例")
    )
    assert build(root, "-W").returncode == 0
    ((href, text),) = links(root / "_build/html/handbook/en/guide.html")
    assert text == "Open in the playground"
    page, _, share = href.partition("#")
    assert page == "playground.html"
    assert text_of(share) == GOOD_PATCH
    ((zh_href, zh_text),) = links(root / "_build/html/handbook/zh_CN/guide.html")
    assert zh_text == "在线检查此示例"
    assert zh_href.startswith("playground.html#check=")


def test_missing_playground_page_is_a_warning(tmp_path: Path) -> None:
    result = build(project(tmp_path, example("clean", GOOD_PATCH), with_playground=False))
    assert any("no playground page 'handbook/en/playground'" in w for w in example_warnings(result))


def test_code_is_checked_with_its_tabs(tmp_path: Path) -> None:
    # docutils expands tabs before a directive sees its content; kernel code
    # is indented with tabs, and the example must be judged as written.
    tabs = "static int f(void)\n{\n\treturn 0;\n}\n"
    spaces = tabs.replace("\t", "        ")
    body = (
        example("clean", tabs, ":part: code")
        + "\n"
        + example("indent-spaces", spaces, ":part: code")
    )
    root = project(tmp_path, body)
    result = build(root, "-W")
    assert result.returncode == 0, result.stderr
    built = root / "_build/html/handbook/en/guide.html"
    page = built.read_text(encoding="utf-8")
    shared = [text_of(href.partition("#")[2]) for href, _ in links(built)]
    assert shared == [tabs, spaces]
    assert "\treturn" in html.unescape(page)


@pytest.mark.parametrize(
    ("part", "text", "fired"),
    [
        # A commit message shown without its trailers: no sign-off is no finding,
        # but what it does show is judged.
        (
            "changelog",
            "KVM: x86: Inject #GP on reserved bits\n\nInject #GP on such writes.\n",
            set(),
        ),
        (
            "changelog",
            "KVM: x86: Inject #GP on reserved bits\n\nWe inject #GP on a reserved bit.\n",
            {"changelog-pronoun"},
        ),
        # Trailers and body paragraphs are judged under a neutral shortlog.
        ("body", "Fixes: 54a4f02\n", {"fixes-tag-format"}),
        ("body", "Link: https://lkml.org/lkml/2024/1/1/100\n", {"link-not-lore"}),
        # Code is judged as lines a patch adds, only by the rules that read the
        # diff (the typo rule reads comments too).
        ("code", "/* We flush the TLBs here. */\n", {"comment-pronoun"}),
        ("code", "/* Recieve the TLB flush. */\n", {"typo"}),
        # A shortlog counts for every rule that reads the subject, whatever
        # else it reads.
        ("shortlog", "KVM: x86: Fixed a crash in kvm_get_foo\n", {"imperative-mood"}),
        ("shortlog", "KVM: x86: Fix a recieve bug\n", {"typo"}),
        (
            "shortlog",
            "KVM: VMX: Fix a NULL pointer dereference\nkvm: vmx: Fix it\n",
            {"shortlog-prefix-case"},
        ),
        # A good bug fix shows its Fixes: tag; without one, that counts.
        (
            "changelog",
            "KVM: x86: Fix a crash in kvm_get_foo()\n\nCheck the index first.\n",
            {"fixes-tag-suggested"},
        ),
    ],
)
def test_each_part_judges_what_it_shows(part: str, text: str, fired: set[str]) -> None:
    assert rules_fired(text, PARTS[part]) == fired


BAD_LIST = """\
kvm: vmx: Fix a NULL pointer dereference
x86/kvm: Zap only the affected range when a memslot moves
KVM: x86/mmu/mmu.c: Zap only the affected range
"""
BAD_LIST_RULES = "shortlog-prefix-case, shortlog-prefix-x86-kvm, shortlog-prefix-path"


def test_each_bad_shortlog_must_draw_a_finding_on_its_own(tmp_path: Path) -> None:
    # Alone, "x86/kvm:" is right (guest code): the other lines' findings used
    # to cover for it, as one unit.
    body = example("shortlog-prefix-case, shortlog-prefix-path", BAD_LIST, ":part: shortlog")
    (warning,) = example_warnings(build(project(tmp_path, body)))
    assert (
        "line 'x86/kvm: Zap only the affected range when a memslot moves' draws none of "
        "the expected rules (it draws nothing)"
    ) in warning
    assert "guide.rst:4" in warning


def test_file_checks_each_shortlog_as_the_subject_of_a_patch_to_it(tmp_path: Path) -> None:
    body = example(
        BAD_LIST_RULES,
        BAD_LIST,
        ":part: shortlog",
        ":file: arch/x86/kvm/mmu/mmu.c",
        ":caption: Bad:",
    )
    result = build(project(tmp_path, body), "-W")
    assert result.returncode == 0, result.stderr
    per_line = rules_fired_per_item(BAD_LIST, PARTS["shortlog"], file="arch/x86/kvm/mmu/mmu.c")
    assert [
        rules & {"shortlog-prefix-case", "shortlog-prefix-x86-kvm", "shortlog-prefix-path"}
        for _, rules in per_line
    ] == [{"shortlog-prefix-case"}, {"shortlog-prefix-x86-kvm"}, {"shortlog-prefix-path"}]
    # Without :file: a shortlog is judged alone, as before.
    assert rules_fired("x86/kvm: Zap a range\n", PARTS["shortlog"]) == set()


def test_a_good_bug_fix_example_without_fixes_is_a_warning(tmp_path: Path) -> None:
    fix = "KVM: x86: Fix a crash in kvm_get_foo()\n\nCheck the index before using it.\n"
    tagged = fix + '\nFixes: 0123456789ab ("KVM: x86: Add kvm_get_foo()")\n'
    body = (
        example("clean", fix, ":part: changelog")
        + "\n"
        + example("clean", tagged, ":part: changelog")
    )
    (warning,) = example_warnings(build(project(tmp_path, body)))
    assert "marked clean, but kvmcheck reports: fixes-tag-suggested" in warning
    assert "guide.rst:4" in warning
