"""Fixes that never change meaning, files that stay what they were, and the
rest of hostile input (issue 18): each test reproduces one reported fault."""

from __future__ import annotations

import email
import os
import signal
import stat
import subprocess
import sys
import time
from email import policy
from pathlib import Path

import pytest
from git_identity import DATES, IDENTITY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kvmcheck import gitrefs
from kvmcheck.api import check_texts
from kvmcheck.cli import main
from kvmcheck.fix import fix_text
from kvmcheck.output import format_text, visible
from kvmcheck.parser import parse_file
from kvmcheck.rules._examples import AUTHOR, SIGNOFF, diff, patch

PACKAGE_ROOT = Path(__file__).resolve().parents[2] / "playground"
GIT_ENV = {**IDENTITY, **DATES}
FAULTY = patch(
    subject="kvm: vmx: reject unknown indices in kvm_get_foo().",
    diffs=diff(path="arch/x86/kvm/vmx/vmx.c", added="        return -EINVAL;"),
)
FIXED = fix_text(FAULTY)[0]


def findings(text: str | bytes, **options) -> list[dict]:
    result = check_texts([("p.patch", text)], **options)
    return [f for p in result["patches"] for f in p["findings"]]


def run(argv: list[str], capsysbinary) -> tuple[int, bytes, str]:
    status = main(argv)
    out, err = capsysbinary.readouterr()
    return status, out, err.decode()


def kvmcheck(*args: str, **options) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_ROOT), "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "kvmcheck", *args],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
        **options,
    )


# --- 1. whitespace fixes stay out of string literals ------------------------------------


def test_space_before_tab_is_not_fixed_inside_a_string() -> None:
    text = patch(diffs=diff(added='\tint r; \tconst char *s = "col1 \\tcol2 \tcol3";'))
    fixed, count = fix_text(text)
    assert count == 1
    assert '+\tint r;\tconst char *s = "col1 \\tcol2 \tcol3";\n' in fixed
    assert [f["rule"] for f in findings(fixed) if f["rule"] == "space-before-tab"] == []
    in_string = patch(diffs=diff(added='\tpr_info("col1 \tcol2");'))
    assert fix_text(in_string) == (in_string, 0)
    assert not [f for f in findings(in_string) if f["rule"] == "space-before-tab"]
    in_comment = patch(diffs=diff(added="\tr = 0;\t/* see  \tabove */"))
    assert fix_text(in_comment) == (in_comment, 0)


def test_a_continued_string_literal_is_not_reindented() -> None:
    text = patch(diffs=diff(added='\tpr_info("first part \\\n        second part\\n");'))
    assert fix_text(text) == (text, 0)
    assert not [f for f in findings(text) if f["rule"] == "indent-spaces"]
    # A macro continued with backslashes is code: its space indentation is fixed.
    macro = patch(diffs=diff(added="#define FOO(x) \\\n        do_foo(x)"))
    assert "+\tdo_foo(x)\n" in fix_text(macro)[0]


# --- 2. a lone CR is text inside a line, as for git ------------------------------------


def test_a_lone_cr_inside_a_context_line_stays_in_that_line() -> None:
    text = patch(
        diffs=diff(added="\treturn -EINVAL;").replace(" {\n", " {\r+        return 1;\n", 1)
    )
    (parsed,) = parse_file("p.patch", text)
    assert [line.text for line in parsed.files[0].added_lines()] == ["\treturn -EINVAL;"]
    assert fix_text(text) == (text, 0)
    assert not [f for f in findings(text) if f["rule"] == "indent-spaces"]
    # A text without any LF still has CR-only line ends.
    (old_mac,) = parse_file("mac.patch", FAULTY.replace("\n", "\r"))
    assert old_mac.subject.description == "reject unknown indices in kvm_get_foo()."
    assert fix_text(FAULTY.replace("\n", "\r"))[0] == FIXED.replace("\n", "\r")


# --- 3, 4, 5. --git-dir ------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)
    (tmp_path / "gitconfig").write_text("")
    path = tmp_path / "linux"
    path.mkdir()

    def git(*args: str, stdin: str | None = None) -> str:
        return subprocess.run(
            ["git", "-C", str(path), *args], check=True, capture_output=True, text=True, input=stdin
        ).stdout

    git("init", "-q")
    (path / "x.c").write_text("int x;\n")
    git("add", ".")
    git("commit", "-q", "-m", "KVM: VMX: Set foo=1 for café")
    return path, git


QP_MAIL = (
    "From 1234567890abcdef1234567890abcdef12345678 Mon Sep 17 00:00:00 2001\n"
    f"From: {AUTHOR}\n"
    "Subject: [PATCH] KVM: VMX: Reject unknown indices in kvm_get_foo()\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    "Return -EINVAL for indices past the end of the arr=C3=A9y.\n"
    "\n"
    "Fixes: {sha}\n"
    f"{SIGNOFF}\n"
    "---\n" + diff(path="arch/x86/kvm/vmx/vmx.c") + "-- \n2.43.0\n"
)


def test_a_fixes_title_is_quoted_printable_in_a_quoted_printable_mail(repo) -> None:
    path, git = repo
    sha = git("rev-parse", "HEAD").strip()
    mail = QP_MAIL.replace("{sha}", sha[:8])
    fixed, count = fix_text(mail, git_dir=str(path))
    assert count == 1
    assert f'\nFixes: {sha[:12]} ("KVM: VMX: Set foo=3D1 for caf=C3=A9")\n' in fixed
    body = email.message_from_string(fixed, policy=policy.default).get_content()
    assert f'Fixes: {sha[:12]} ("KVM: VMX: Set foo=1 for café")' in body
    assert not [f for f in findings(fixed, git_dir=str(path)) if f["rule"].startswith("fixes")]
    assert fix_text(fixed, git_dir=str(path)) == (fixed, 0)


def _signed_commit(path: Path, git, title: str) -> str:
    """A commit with a (made up) gpgsig header, written as an object."""
    tree = git("write-tree").strip()
    parent = git("rev-parse", "HEAD").strip()
    signature = " -----BEGIN PGP SIGNATURE-----\n \n fake\n -----END PGP SIGNATURE-----"
    body = (
        f"tree {tree}\nparent {parent}\n"
        "author Jane Developer <jane@example.org> 1704164645 +0000\n"
        "committer Jane Developer <jane@example.org> 1704164645 +0000\n"
        f"gpgsig{signature}\n\n{title}\n"
    )
    sha = git("hash-object", "-t", "commit", "-w", "--stdin", stdin=body).strip()
    git("update-ref", "refs/heads/signed", sha)
    return sha


def test_show_signature_in_the_git_config_stays_out_of_the_title(repo, tmp_path) -> None:
    path, git = repo
    gpg = tmp_path / "fake-gpg"
    gpg.write_text(
        "#!/bin/sh\necho 'gpg: Good signature from \"Jane\"' >&2\n"
        "echo '[GNUPG:] GOODSIG 1234 Jane'\nexit 0\n"
    )
    gpg.chmod(0o755)
    (tmp_path / "gitconfig").write_text(
        f"[log]\n\tshowSignature = true\n[gpg]\n\tprogram = {gpg}\n"
    )
    sha = _signed_commit(path, git, "KVM: VMX: Sign this")
    text = patch(trailers=f'Fixes: {sha[:12]} ("KVM: VMX: Sign this")\n{SIGNOFF}')
    assert not [f for f in findings(text, git_dir=str(path)) if f["rule"].startswith("fixes")]
    assert gitrefs.commit_lookup(str(path))(sha[:12]) == (sha, "KVM: VMX: Sign this")


def test_many_commit_mentions_take_one_git_process(repo, monkeypatch) -> None:
    path, git = repo
    head = git("rev-parse", "HEAD").strip()
    started: list[list[str]] = []
    real_popen = subprocess.Popen

    class CountingPopen(real_popen):
        def __init__(self, args, *rest, **options):
            started.append(list(args))
            super().__init__(args, *rest, **options)

    monkeypatch.setattr(subprocess, "Popen", CountingPopen)
    # 300 distinct commits mentioned (all but one unknown to the tree).
    shas = [f"{n:012x}" for n in range(0xABC000000000, 0xABC000000000 + 299)] + [head[:12]]
    text = patch(body="Rework the lookup.\n\n" + "\n".join(f"Commit {s} did it." for s in shas))
    start = time.monotonic()
    findings(text, git_dir=str(path))
    assert time.monotonic() - start < 10
    git_runs = [args for args in started if args[0] == "git"]
    assert len(git_runs) == 2, git_runs  # rev-parse --git-dir, then one cat-file --batch
    assert git_runs[1][-2:] == ["cat-file", "--batch"]


# --- 6. --fix-inplace keeps the file what it was -----------------------------------------


def test_fix_inplace_refuses_a_fifo_without_waiting_on_it(tmp_path: Path) -> None:
    fifo = tmp_path / "a.patch"
    os.mkfifo(fifo)
    result = kvmcheck("--fix-inplace", str(fifo))
    assert result.returncode == 2
    assert result.stderr.decode() == f"kvmcheck: {fifo} is not a regular file; left unchanged\n"
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_fix_inplace_refuses_a_read_only_file(tmp_path: Path, capsysbinary) -> None:
    path = tmp_path / "a.patch"
    path.write_text(FAULTY)
    path.chmod(0o444)
    status, _, err = run(["--fix-inplace", str(path)], capsysbinary)
    assert status == 2 and err == f"kvmcheck: {path} is read-only; left unchanged\n"
    assert path.read_text() == FAULTY and stat.S_IMODE(path.stat().st_mode) == 0o444
    status, out, _ = run(["--fix", str(path)], capsysbinary)  # reading it is fine
    assert status == 0 and out.decode() == FIXED


def test_fix_inplace_keeps_hard_links(tmp_path: Path, capsysbinary) -> None:
    path, other = tmp_path / "a.patch", tmp_path / "b.patch"
    path.write_text(FAULTY)
    os.link(path, other)
    inode = path.stat().st_ino
    status, _, _ = run(["--fix-inplace", str(path)], capsysbinary)
    assert status == 0
    assert path.stat().st_ino == inode and other.stat().st_ino == inode
    assert other.read_text() == FIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.patch", "b.patch"]


def test_a_hard_linked_file_is_left_whole_on_a_full_disk(
    tmp_path: Path, capsysbinary, monkeypatch
) -> None:
    path = tmp_path / "a.patch"
    path.write_text(FAULTY)
    os.link(path, tmp_path / "b.patch")

    def full_disk(fd, offset, length):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "posix_fallocate", full_disk)
    status, _, err = run(["--fix-inplace", str(path)], capsysbinary)
    assert status == 2 and err == (
        f"kvmcheck: cannot rewrite {path}: No space left on device; the file is left unchanged\n"
    )
    assert path.read_text() == FAULTY


def test_fix_inplace_keeps_owner_group_mode_and_attributes(tmp_path: Path, capsysbinary) -> None:
    path = tmp_path / "a.patch"
    path.write_text(FAULTY)
    path.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(path, 4321, 4321)
    try:
        os.setxattr(path, "user.origin", b"lore")
        has_xattr = True
    except (OSError, AttributeError):
        has_xattr = False
    before = path.stat()
    status, _, _ = run(["--fix-inplace", str(path)], capsysbinary)
    after = path.stat()
    assert status == 0 and path.read_text() == FIXED
    assert after.st_ino != before.st_ino  # replaced, not rewritten in place
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (
        before.st_uid,
        before.st_gid,
        0o640,
    )
    if has_xattr:
        assert os.getxattr(path, "user.origin") == b"lore"


# The signals' dispositions are set as a terminal leaves them: a test run
# started in the background inherits SIGINT ignored, and Python then never
# raises KeyboardInterrupt.
INTERRUPT = """
import os, signal, sys
import kvmcheck.fix_files as fix_files
from kvmcheck.cli import main
signal.signal(signal.SIGINT, signal.default_int_handler)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
real_fsync = os.fsync
def fsync(fd):
    os.kill(os.getpid(), signal.{name})
    real_fsync(fd)
fix_files.os.fsync = fsync
sys.exit(main(["--fix-inplace", sys.argv[1]]))
"""


@pytest.mark.parametrize(("name", "status"), [("SIGTERM", -signal.SIGTERM), ("SIGINT", 130)])
def test_an_interrupted_fix_inplace_leaves_no_temporary_file(
    tmp_path: Path, name: str, status: int
) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    path = folder / "a.patch"
    path.write_text(FAULTY)
    env = {**os.environ, "PYTHONPATH": str(PACKAGE_ROOT), "LC_ALL": "C.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-c", INTERRUPT.format(name=name), str(path)],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr.decode()
    if name == "SIGINT":
        assert result.stderr.decode().endswith(
            f"kvmcheck: interrupted at {path}; no file is left half-written\n"
        )
    assert [p.name for p in folder.iterdir()] == ["a.patch"]
    assert path.read_text() in (FAULTY, FIXED)


# --- 7. UTF-16 --------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_utf16_file_is_fixed_and_stays_utf16(tmp_path: Path, capsysbinary, encoding: str) -> None:
    bom = {"utf-16": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32": b"\xff\xfe\x00\x00"}
    codec = {"utf-16": "utf-16-le", "utf-16-be": "utf-16-be", "utf-32": "utf-32-le"}
    data = bom[encoding] + FAULTY.replace("\n", "\r\n").encode(codec[encoding])
    assert any(f["fixable"] for f in findings(data))
    path = tmp_path / "a.patch"
    path.write_bytes(data)
    status, out, err = run(["--fix", str(path)], capsysbinary)
    assert status == 0, err
    assert out == bom[encoding] + FIXED.replace("\n", "\r\n").encode(codec[encoding])
    status, _, _ = run(["--fix-inplace", str(path)], capsysbinary)
    assert status == 0 and path.read_bytes() == out
    assert not [f for f in findings(out) if f["fixable"]]


# --- 9. fixable means that --fix fixes it -----------------------------------------------


def test_an_encoded_subject_draws_no_fixable_finding() -> None:
    text = patch(subject="kvm: x86: fix foo.").replace(
        "Subject: [PATCH] kvm: x86: fix foo.", "Subject: =?UTF-8?Q?[PATCH]_kvm:_x86:_fix_foo.?="
    )
    shortlog = [f for f in findings(text) if f["rule"].startswith("shortlog")]
    assert {f["rule"] for f in shortlog} >= {
        "shortlog-prefix-case",
        "shortlog-capitalization",
        "shortlog-trailing-punctuation",
    }
    assert not any(f["fixable"] for f in shortlog)
    assert fix_text(text) == (text, 0)
    terse = format_text(check_texts([("p.patch", text)]), terse=True)
    assert "fixable" not in terse


_SUBJECTS = st.sampled_from(
    [
        "kvm: x86: fix foo",
        "KVM: x86: fix foo.",
        "kvm: vmx: Fix foo!!!",
        "KVM: x86: Fix foo...!",
        "=?UTF-8?Q?KVM:_x86:_fix_foo.?=",
        "KVM:x86: fix foo",
        "kvm: x86: fix =?UTF-8?Q?f=C3=B6o?=",
    ]
)
_ADDED = st.lists(
    st.sampled_from(
        [
            "        return -EINVAL;",
            "\tint r; \t/* result */",
            '\tpr_info("a \tb");',
            '\tpr_info("a \\',
            '        b");',
            "\treturn 0;  ",
            "  \t x = 1;",
            "#define X \\",
            "        y",
            "\t/* a  \tb */",
            "\tchar c = '\\t'; \tc++;",
        ]
    ),
    min_size=1,
    max_size=6,
)
_TRAILERS = st.sampled_from(
    [
        SIGNOFF,
        "signed-off-by: " + AUTHOR,
        SIGNOFF + "\nCc: stable@kernel.org # 6.1+",
        SIGNOFF + "\nFixes: 123456789abc",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    subject=_SUBJECTS,
    added=_ADDED,
    trailers=_TRAILERS,
    encoded_body=st.booleans(),
    crlf=st.booleans(),
)
def test_every_fixable_finding_is_fixed_by_fix(
    subject: str, added: list[str], trailers: str, encoded_body: bool, crlf: bool
) -> None:
    text = patch(
        subject="x",
        trailers=trailers,
        diffs=diff(path="arch/x86/kvm/vmx/vmx.c", added="\n".join(added)),
    )
    text = text.replace("Subject: [PATCH] x", f"Subject: [PATCH] {subject}")
    if encoded_body:
        text = text.replace("Subject:", "Content-Transfer-Encoding: quoted-printable\nSubject:", 1)
    if crlf:
        text = text.replace("\n", "\r\n")
    before = findings(text)
    fixed, _ = fix_text(text)
    after = {(f["rule"], f["line"], f["message"]) for f in findings(fixed)}
    for finding in before:
        if finding["fixable"]:
            assert (finding["rule"], finding["line"], finding["message"]) not in after, finding


# --- 10. idempotence on a run of punctuation ---------------------------------------------


def test_a_run_of_exclamation_marks_goes_in_one_fix() -> None:
    text = patch(subject="KVM: x86: Fix foo" + "!" * 20)
    fixed, count = fix_text(text)
    assert "Subject: [PATCH] KVM: x86: Fix foo\n" in fixed and count == 1
    assert fix_text(fixed) == (fixed, 0)
    ellipsis = patch(subject="KVM: x86: Fix foo...!")
    assert "Subject: [PATCH] KVM: x86: Fix foo...\n" in fix_text(ellipsis)[0]


# --- 12. --max-input-size counts all files together under --fix-inplace ------------------


def test_fix_inplace_limit_counts_all_files_together(tmp_path: Path, capsysbinary) -> None:
    big = patch(
        body="Return -EINVAL for indices past the end of the array.\n\n"
        + "Padding line of the changelog.\n" * 22_000,
        subject="kvm: x86: fix foo",
    )
    assert 600_000 < len(big) < 1024 * 1024
    first, second = tmp_path / "1.patch", tmp_path / "2.patch"
    first.write_text(big)
    second.write_text(big)
    status, _, err = run(
        ["--fix-inplace", "--max-input-size", "1", str(first), str(second)], capsysbinary
    )
    assert status == 2
    assert f"kvmcheck: {second}: more than 1 MiB of input in all" in err
    assert "Subject: [PATCH] KVM: x86: Fix foo\n" in first.read_text()
    assert second.read_text() == big


# --- 13. the smaller ones ---------------------------------------------------------------


def test_a_line_separator_in_a_message_does_not_split_the_output_line() -> None:
    text = patch(trailers='Fixes: 12345678 ("a\u2028b\u2029c")\n' + SIGNOFF)
    output = format_text(check_texts([("p.patch", text)]))
    assert "\u2028" not in output and "\u2029" not in output
    assert '("a\\u2028b\\u2029c")' in output
    assert visible("\u2028") == "\\u2028"


def test_stdin_named_twice_is_a_usage_error(capsysbinary, monkeypatch) -> None:
    for argv in (["-", "-"], ["--fix", "-", "-"], ["--format", "json", "-", "-"]):
        status, out, err = run(argv, capsysbinary)
        assert (status, out) == (2, b"")
        assert err == "kvmcheck: '-' (standard input) can be named only once\n"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    status, _, err = run(["--lang", "zh_CN", "-", "-"], capsysbinary)
    assert status == 2 and err == "kvmcheck：'-'（标准输入）只能指定一次\n"
