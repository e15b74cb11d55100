"""``kvmcheck.fix.fix_text`` and ``--fix``/``--fix-inplace``: mechanical fixes
that never change what the code means."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from git_identity import DATES, IDENTITY
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kvmcheck.api import check_texts
from kvmcheck.cli import main
from kvmcheck.fix import (
    _lines_at,
    _split,
    fix_report,
    fix_text,
    fixable_now,
    patch_file_name,
    split_patches,
)
from kvmcheck.parser import parse_file
from kvmcheck.registry import Edit, Finding
from kvmcheck.rules import RULES
from kvmcheck.rules._examples import AUTHOR, BODY, SIGNOFF, diff, patch

GIT_ENV = {**os.environ, **IDENTITY, **DATES}


def fixable_findings(text: str) -> list[dict]:
    result = check_texts([("p.patch", text)])
    return [f for p in result["patches"] for f in p["findings"] if f["fixable"]]


@pytest.mark.parametrize("rule_id", [r.id for r in RULES.values() if r.fixable])
def test_every_fixable_rule_fixes_its_bad_example(rule_id: str) -> None:
    bad = RULES[rule_id].bad
    assert any(f["rule"] == rule_id for f in fixable_findings(bad)), "bad example not fixable"
    fixed, count = fix_text(bad)
    assert count >= 1
    assert not [f for f in fixable_findings(fixed) if f["rule"] == rule_id]
    assert fix_text(fixed) == (fixed, 0)


FAULTY = patch(
    subject="kvm: vmx: reject unknown indices in kvm_get_foo().",
    trailers="signed-off-by: " + AUTHOR + "\nCc: Stable <stable@vger.kernel.org> # 6.1+",
    diffs=diff(
        path="arch/x86/kvm/vmx/vmx.c",
        added="        return -EINVAL;\n\t    if (x)\n                return 1;",
    ),
)


def test_fix_repairs_every_mechanical_fault_and_nothing_else() -> None:
    fixed, count = fix_text(FAULTY)
    assert count == 7  # prefix, capital, period, trailer key, stable, two runs of indent
    assert "Subject: [PATCH] KVM: VMX: Reject unknown indices in kvm_get_foo()\n" in fixed
    assert f"\nSigned-off-by: {AUTHOR}\nCc: stable@vger.kernel.org # 6.1+\n" in fixed
    assert "+\treturn -EINVAL;\n+\t    if (x)\n+\t\treturn 1;\n" in fixed
    assert fixed.count("\n") == FAULTY.count("\n")
    changed = [(a, b) for a, b in zip(FAULTY.split("\n"), fixed.split("\n"), strict=True) if a != b]
    # Only case, blanks and the stable tag's display name change.
    assert all(
        a.lower()
        .replace(" ", "")
        .replace("\t", "")
        .replace("stable<stable@vger.kernel.org>", "stable@vger.kernel.org")
        == b.lower().replace(" ", "").replace("\t", "")
        or a.startswith("Subject:")
        for a, b in changed
    )
    assert fixable_findings(fixed) == []


def test_fix_is_idempotent_and_leaves_clean_text_alone() -> None:
    fixed, _ = fix_text(FAULTY)
    assert fix_text(fixed) == (fixed, 0)
    clean = patch()
    assert fix_text(clean) == (clean, 0)


def test_fix_keeps_line_endings_and_the_byte_order_mark() -> None:
    crlf = "\ufeff" + FAULTY.replace("\n", "\r\n")
    fixed, count = fix_text(crlf)
    assert count == 7
    assert fixed.startswith("\ufeff") and fixed.count("\r\n") == crlf.count("\r\n")
    assert fixed == "\ufeff" + fix_text(FAULTY)[0].replace("\n", "\r\n")


def test_context_and_removed_lines_are_never_touched() -> None:
    faulty = patch(
        diffs=diff(
            added="        return -EINVAL;",
            removed="        return 0;",
            context="static int kvm_get_foo(u32 index)",
        )
    )
    faulty = faulty.replace(" {\n", "         {\n", 1)
    fixed, count = fix_text(faulty)
    assert count == 1
    assert "-        return 0;\n" in fixed and "\n         {\n" in fixed
    assert "+\treturn -EINVAL;\n" in fixed


def test_only_edits_of_added_and_message_lines_are_fixable() -> None:
    """Which lines an edit may name, in every file of a diff: the first, a
    middle one with no edit, and the last (files without an edit are
    passed over quickly, and must not hide one that has).  The context
    lines after a file's last change are the hunk's too."""
    files = [
        diff(path, added=f"\tx = {n};", removed=f"\ty = {n};")
        for n, path in enumerate(
            ("arch/x86/kvm/x86.c", "arch/x86/kvm/mmu/mmu.c", "arch/x86/kvm/vmx/vmx.c")
        )
    ]
    text = patch(diffs="".join(files))
    (posting,) = parse_file("p.patch", text)
    lines = text.split("\n")

    def at(start: str, occurrence: int = 0) -> int:
        return [n for n, line in enumerate(lines, start=1) if line.startswith(start)][occurrence]

    names = {
        "changelog": at(BODY.splitlines()[0]),
        "added, first file": at("+\tx = 0;"),
        "added, last file": at("+\tx = 2;"),
        "removed, last file": at("-\ty = 2;"),
        "context, last file": at(" {", 2),
        "trailing context, last file": at(" }", 2),
        "trailing context, middle file": at(" }", 1),
        "hunk header, last file": at("@@ ", 2),
        "file header, last file": at("+++ b/arch/x86/kvm/vmx/vmx.c"),
        "context, middle file": at(" {", 1),
    }
    findings = {
        name: Finding(
            "r", "warning", lineno, "k", {}, posting, (Edit(lineno, lines[lineno - 1][:2], "X"),)
        )
        for name, lineno in names.items()
    }
    fixable = fixable_now(text, [posting], findings.values())
    assert sorted(name for name, f in findings.items() if id(f) in fixable) == [
        "added, first file",
        "added, last file",
        "changelog",
    ]


@given(
    st.text(alphabet="a\r\n", max_size=30),
    st.sets(st.integers(min_value=-2, max_value=35), max_size=6),
)
@example("a\r\nb\r", {1, 2})  # the CR of the last line is the line's, not a line end
@example("a\rb", {0, 2})
def test_lines_at_reads_lines_as_the_whole_split_does(text: str, numbers: set[int]) -> None:
    """A few lines of the text, numbered as the parser numbers them (LF with
    the CR before it, or CR alone in a text without LF)."""
    parts = _split(text)
    assert _lines_at(text, numbers) == {
        2 * (n - 1): parts[2 * (n - 1)] for n in numbers if 0 <= 2 * (n - 1) < len(parts)
    }


# --- the fixed patch applies where the original did ---------------------------------------


@pytest.fixture
def tree(tmp_path: Path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "linux"

    def git(*args: str, stdin: str | None = None) -> str:
        return subprocess.run(
            ["git", "-C", str(repo), *args],
            check=True,
            capture_output=True,
            text=True,
            env=GIT_ENV,
            input=stdin,
        ).stdout

    repo.mkdir()
    git("init", "-q")
    source = repo / "arch/x86/kvm/vmx/vmx.c"
    source.parent.mkdir(parents=True)
    source.write_text(
        "".join(f"/* line {n} */\n" for n in range(1, 10))
        + "static int kvm_get_foo(u32 index)\n{\n\treturn 0;\n}\n"
    )
    git("add", ".")
    git("commit", "-q", "-m", "KVM: VMX: Add kvm_get_foo()")
    return repo, git


def test_fixed_patch_applies_and_keeps_its_diffstat(tree) -> None:
    repo, git = tree
    source = repo / "arch/x86/kvm/vmx/vmx.c"
    sixteen_spaces = " " * 16
    text = source.read_text().replace(
        "\treturn 0;\n", f"\tif (index > 3)\n{sixteen_spaces}return -EINVAL;\n\treturn 0;\n"
    )
    source.write_text(text)
    git(
        "commit",
        "-q",
        "-a",
        "-m",
        "kvm: vmx: reject unknown indices in kvm_get_foo().\n\n"
        "Return -EINVAL for indices past the end of the array.\n\n"
        f"signed-off-by: {AUTHOR}\nCc: Stable <stable@vger.kernel.org>",
    )
    mail = git("format-patch", "-1", "--stdout", "--base=HEAD~1")
    fixed, count = fix_text(mail)
    assert count == 6  # prefix, capital, period, trailer key, stable, indent
    assert fixable_findings(fixed) == []
    git("checkout", "-q", "HEAD~1")
    for candidate in (mail, fixed):
        git("apply", "--check", stdin=candidate)
    assert git("apply", "--numstat", stdin=fixed) == git("apply", "--numstat", stdin=mail)
    stat = re.search(r"\n---\n(.*?)\n\n", fixed, re.S).group(1)
    assert stat == re.search(r"\n---\n(.*?)\n\n", mail, re.S).group(1)
    git("am", "-q", stdin=fixed)
    log = git("log", "-1", "--format=%s%n%b")
    assert log.startswith("KVM: VMX: Reject unknown indices in kvm_get_foo()\n")
    assert "\tif (index > 3)\n\t\treturn -EINVAL;\n" in source.read_text()


def test_fixes_tag_gets_sha_and_title_from_git_dir(tree) -> None:
    repo, git = tree
    sha = git("rev-parse", "HEAD").strip()
    faulty = patch(trailers=f"Fixes: {sha[:8]}\n{SIGNOFF}")
    assert fix_text(faulty) == (faulty, 0)  # without the tree there is no title to write
    fixed, count = fix_text(faulty, git_dir=str(repo))
    assert count == 1
    assert f'\nFixes: {sha[:12]} ("KVM: VMX: Add kvm_get_foo()")\n' in fixed
    wrong_title = patch(trailers=f'Fixes: {sha[:12]} ("KVM: VMX: Add foo")\n{SIGNOFF}')
    assert fix_text(wrong_title, git_dir=str(repo)) == (fixed, 1)


# --- accepted patches with one injected fault come back byte for byte ----------------------


def _post_handbook(corpus: Path) -> list[Path]:
    dates = {}
    for row in (corpus / "kvm-x86.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, _, date, *_ = row.split("\t")
        dates[name] = date
    return [corpus / "kvm-x86" / name for name, date in sorted(dates.items()) if date >= "2023-03"]


def _inject_indent(text: str) -> str | None:
    """Indent one added C line with eight spaces instead of its first tab."""
    match = re.search(r"^\+\t(?=\S)", text, re.M)
    in_c = match and re.search(r"^\+\+\+ b/\S+\.[ch]$", text[: match.start()], re.M)
    return text[: match.start()] + "+        " + text[match.end() :] if in_c else None


def _inject_prefix_case(text: str) -> str | None:
    match = re.search(r"^(Subject: \[PATCH[^\]]*\] )KVM: ([A-Za-z]+):", text, re.M)
    if not match:
        return None
    return (
        text[: match.start()]
        + match.group(1)
        + f"kvm: {match.group(2).lower()}:"
        + text[match.end() :]
    )


def _inject_period(text: str) -> str | None:
    """A full stop after the subject, which may be folded over several lines."""
    match = re.search(r"^Subject: .*(?:\n[ \t].*)*", text, re.M)
    if not match or not re.search(r"[A-Za-z)]$", match.group()):
        return None
    return text[: match.end()] + "." + text[match.end() :]


def _inject_capital(text: str) -> str | None:
    match = re.search(r"^(Subject: \[PATCH[^\]]*\] (?:[\w/]+: )+)([A-Z][a-z]+) ", text, re.M)
    if not match:
        return None
    return text[: match.start(2)] + match.group(2).lower() + text[match.end(2) :]


@pytest.mark.parametrize(
    "inject", [_inject_indent, _inject_prefix_case, _inject_period, _inject_capital]
)
def test_one_injected_fault_is_fixed_back_to_the_accepted_patch(corpus: Path, inject) -> None:
    restored = 0
    for path in _post_handbook(corpus):
        original = path.read_bytes().decode("utf-8", errors="surrogateescape")
        if fix_text(original)[1]:
            continue  # the accepted patch itself has something --fix would change
        faulty = inject(original)
        if faulty is None or not fixable_findings(faulty):
            continue
        assert fix_text(faulty) == (original, 1), path.name
        restored += 1
    assert restored >= 5


# --- hypothesis: whatever the faults, fixing leaves none and is idempotent -----------------

_PREFIXES = st.sampled_from(
    [
        "KVM: x86:",
        "kvm: x86:",
        "KVM: X86:",
        "Kvm: vmx:",
        "KVM: nvmx:",
        "kvm:",
        "KVM: selftests:",
        "KVM: Selftests:",
        "x86/kvm:",
    ]
)
_WORDS = st.sampled_from(["reject", "Reject", "add", "fix", "drop", "kvm_get_foo()", "use"])
_ENDINGS = st.sampled_from(["", ".", "!", ";", "...", " ."])
_KEYS = st.sampled_from(
    [
        "Signed-off-by",
        "signed-off-by",
        "Signed-Off-By",
        "SIGNED-OFF-BY",
        "Signed-off-by:",
        "Reviewed-by",
        "reviewed-by",
    ]
)
_STABLE = st.sampled_from(
    [
        "",
        "Cc: stable@kernel.org",
        "Cc: <stable@vger.kernel.org>",
        "cc: stable@vger.kernel.org",
        "Cc: stable <stable@vger.kernel.org>",
        "Cc: stable@vger.kernel.org # 6.6+",
        "CC: stable@kernel.org.",
    ]
)
_INDENT = st.text(alphabet=" \t", max_size=20)
_CODE = st.sampled_from(["return 0;", "x = y;", "if (x)", "* a comment", "foo(a, b);", ""])


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=_PREFIXES,
    word=_WORDS,
    ending=_ENDINGS,
    key=_KEYS,
    stable=_STABLE,
    lines=st.lists(st.tuples(_INDENT, _CODE), min_size=1, max_size=6),
    crlf=st.booleans(),
)
def test_fix_leaves_no_fixable_finding_and_is_idempotent(
    prefix, word, ending, key, stable, lines, crlf
) -> None:
    separator = " " if not key.endswith(":") else ""
    trailers = f"{key}{':' if separator else ''}{separator}{AUTHOR}"
    if stable:
        trailers += "\n" + stable
    added = "\n".join(indent + code for indent, code in lines)
    text = patch(
        subject=f"{prefix} {word} unknown indices{ending}",
        trailers=trailers,
        diffs=diff(path="arch/x86/kvm/vmx/vmx.c", added=added),
    )
    if crlf:
        text = text.replace("\n", "\r\n")
    fixed, _ = fix_text(text)
    assert fixable_findings(fixed) == []
    assert fix_text(fixed) == (fixed, 0)
    assert fixed.count("\n") == text.count("\n")
    assert [
        line
        for line in fixed.splitlines()
        if not line.startswith(("+", "Subject:"))
        and not re.match(r"(?i)(signed-off-by|reviewed-by|cc)", line)
    ] == [
        line
        for line in text.splitlines()
        if not line.startswith(("+", "Subject:"))
        and not re.match(r"(?i)(signed-off-by|reviewed-by|cc)", line)
    ]


# --- the command line ---------------------------------------------------------------------


def run(argv, capsysbinary) -> tuple[int, bytes, str]:
    status = main(argv)
    out, err = capsysbinary.readouterr()
    return status, out, err.decode()


def test_cli_fix_prints_the_fixed_patch(tmp_path: Path, capsysbinary) -> None:
    path = tmp_path / "0001.patch"
    path.write_bytes(FAULTY.encode())
    status, out, err = run(["--fix", str(path)], capsysbinary)
    assert status == 0 and out.decode() == fix_text(FAULTY)[0]
    assert "fixed 7 finding(s)" in err
    assert path.read_bytes() == FAULTY.encode()


def test_cli_fix_inplace_rewrites_each_file(tmp_path: Path, capsysbinary) -> None:
    faulty, clean = tmp_path / "1.patch", tmp_path / "2.patch"
    faulty.write_bytes(FAULTY.encode())
    clean.write_bytes(patch().encode())
    faulty.chmod(0o640)
    status, out, _ = run(["--fix-inplace", str(faulty), str(clean)], capsysbinary)
    assert status == 0 and out == b""
    assert faulty.read_text() == fix_text(FAULTY)[0]
    assert clean.read_text() == patch()
    assert faulty.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.patch", "2.patch"]


def test_cli_fix_keeps_bytes_that_are_not_utf8(tmp_path: Path, capsysbinary) -> None:
    data = FAULTY.replace("the host read", "the h\xf6st read").encode("latin-1")
    path = tmp_path / "latin1.patch"
    path.write_bytes(data)
    status, out, _ = run(["--fix", str(path)], capsysbinary)
    assert status == 0 and b"the h\xf6st read" in out and b"KVM: VMX: Reject" in out


@pytest.mark.parametrize(
    ("content", "argv_extra", "message"),
    [
        (b"\x00\x01binary\x00", [], "is not a patch"),
        (b"", [], "is not a patch"),
        (b"<!DOCTYPE html><html></html>", [], "is not a patch"),
    ],
)
def test_cli_fix_refuses_bad_input_and_keeps_the_file(
    tmp_path: Path, capsysbinary, content, argv_extra, message
) -> None:
    path = tmp_path / "bad.patch"
    path.write_bytes(content)
    for option in ("--fix", "--fix-inplace"):
        status, out, err = run([option, *argv_extra, str(path)], capsysbinary)
        assert status == 2 and out == b"" and message in err and "Traceback" not in err
        assert path.read_bytes() == content


def test_cli_fix_usage_errors(tmp_path: Path, capsysbinary) -> None:
    path = tmp_path / "a.patch"
    path.write_bytes(FAULTY.encode())
    status, _, err = run(["--fix", str(path), str(path)], capsysbinary)
    assert status == 2 and "--fix-inplace" in err
    status, _, err = run(["--fix-inplace", "-"], capsysbinary)
    assert status == 2 and "not stdin" in err
    status, _, err = run(
        ["--fix-inplace", str(tmp_path / "missing.patch"), str(path)], capsysbinary
    )
    assert status == 2 and "cannot read" in err
    assert path.read_text() == fix_text(FAULTY)[0]  # the readable file was still fixed


def test_cli_fix_inplace_leaves_the_file_when_it_cannot_write(
    tmp_path: Path, capsysbinary, monkeypatch
) -> None:
    path = tmp_path / "a.patch"
    path.write_bytes(FAULTY.encode())

    def full_disk(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    status, _, err = run(["--fix-inplace", str(path)], capsysbinary)
    assert status == 2 and "cannot rewrite" in err and "left unchanged" in err
    assert path.read_bytes() == FAULTY.encode()
    assert [p.name for p in tmp_path.iterdir()] == ["a.patch"]


@settings(deadline=None)
@given(noise=st.text(max_size=300), position=st.integers(min_value=0, max_value=2000))
def test_fix_survives_any_text(noise: str, position: int) -> None:
    """Arbitrary text, alone or spliced into a faulty patch: no exception, no line lost,
    and a second run changes nothing."""
    for text in (noise, FAULTY[:position] + noise + FAULTY[position:]):
        fixed, count = fix_text(text)
        assert count >= 0
        assert len(re.findall(r"\r\n|\r|\n", fixed)) == len(re.findall(r"\r\n|\r|\n", text))
        assert fix_text(fixed) == (fixed, 0)


def test_cli_fix_respects_ignore_and_checks_git_dir(tmp_path: Path, capsysbinary) -> None:
    path = tmp_path / "a.patch"
    path.write_bytes(FAULTY.encode())
    status, out, _ = run(
        ["--fix", "--ignore", "indent-spaces,stable-cc-format", str(path)], capsysbinary
    )
    assert status == 0
    assert out.decode() == fix_text(FAULTY, ignore=["indent-spaces", "stable-cc-format"])[0]
    assert b"+        return -EINVAL;\n" in out
    assert b"Cc: Stable <stable@vger.kernel.org> # 6.1+" in out
    assert b"KVM: VMX: Reject" in out
    status, out, err = run(
        ["--fix", "--git-dir", str(tmp_path / "nowhere"), str(path)], capsysbinary
    )
    assert status == 2 and out == b"" and err.startswith("kvmcheck: --git-dir ")
    assert "Traceback" not in err
    status, _, err = run(["--fix", "--ignore", "no-such-rule", str(path)], capsysbinary)
    assert status == 2 and "no-such-rule" in err


def test_cli_fix_inplace_keeps_a_symlink_a_symlink(tmp_path: Path, capsysbinary) -> None:
    target = tmp_path / "real.patch"
    target.write_bytes(FAULTY.encode())
    link = tmp_path / "link.patch"
    link.symlink_to(target)
    status, _, _ = run(["--fix-inplace", str(link)], capsysbinary)
    assert status == 0 and link.is_symlink()
    assert target.read_text() == fix_text(FAULTY)[0]


SERIES = (
    Path(__file__).resolve().parents[2] / "playground" / "examples" / "series.mbox"
).read_text(encoding="utf-8")


def test_fix_report_shows_the_change_as_a_diff() -> None:
    text = patch(subject="kvm: vmx: reject unknown indices in kvm_get_foo()")
    report = fix_report(text, "p.patch")
    assert (report.text, report.fixed) == fix_text(text, "p.patch")
    assert report.diff.splitlines()[:2] == ["--- a/p.patch", "+++ b/p.patch"]
    changed = [line for line in report.diff.splitlines()[2:] if line[:1] in "+-"]
    assert changed == [
        "-Subject: [PATCH] kvm: vmx: reject unknown indices in kvm_get_foo()",
        "+Subject: [PATCH] KVM: VMX: Reject unknown indices in kvm_get_foo()",
    ]
    assert [p.name for p in report.patches] == [
        "0001-KVM-VMX-Reject-unknown-indices-in-kvm_get_foo.patch"
    ]
    assert report.patches[0].text == report.text


def test_fix_report_of_clean_text_has_no_diff() -> None:
    clean = patch()
    report = fix_report(clean, "p.patch")
    assert (report.text, report.fixed, report.diff) == (clean, 0, "")


def test_fix_one_finding_leaves_the_others() -> None:
    text = patch(subject="kvm: vmx: reject unknown indices in kvm_get_foo()")
    line = next(f["line"] for f in fixable_findings(text) if f["rule"] == "shortlog-prefix-case")
    fixed, count = fix_text(text, "p.patch", only=("shortlog-prefix-case", line))
    assert count == 1
    assert "Subject: [PATCH] KVM: VMX: reject unknown indices" in fixed
    assert {f["rule"] for f in fixable_findings(fixed)} == {"shortlog-capitalization"}
    # A finding that is not there fixes nothing.
    assert fix_text(text, "p.patch", only=("shortlog-prefix-case", line + 1)) == (text, 0)


def test_split_patches_names_each_message_as_format_patch_does() -> None:
    parts = split_patches(SERIES, "series.mbox")
    assert [p.name for p in parts] == [
        "0000-KVM-x86-Warn-about-hypercalls-KVM-does-not-handle.patch",
        "0001-KVM-x86-adds-a-knob-to-warn-on-unhandled-hypercalls.patch",
        "0002-KVM-x86-Move-the-warning-into-its-own-helper.patch",
    ]
    assert "".join(p.text for p in parts) == SERIES
    assert all(p.text.startswith("From ") for p in parts)
    # CRLF line ends are kept, and a bare diff is one unnamed patch.
    crlf = SERIES.replace("\n", "\r\n")
    assert "".join(p.text for p in split_patches(crlf, "s")) == crlf
    assert [p.name for p in split_patches(diff(), "d")] == ["0001-patch.patch"]


@pytest.mark.parametrize(
    ("shortlog", "name"),
    [
        ('KVM: x86: Fix the "foo" path (again)', "0003-KVM-x86-Fix-the-foo-path-again.patch"),
        ("x" * 80, "0003-" + "x" * 64 + ".patch"),
        ("", "0003-patch.patch"),
    ],
)
def test_patch_file_name(shortlog: str, name: str) -> None:
    assert patch_file_name(3, shortlog) == name
