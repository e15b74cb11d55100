"""Any bytes in, no traceback out; no input makes the checker hang."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shared_inputs import CORPUS

from kvmcheck.api import check_texts
from kvmcheck.results import all_findings
from kvmcheck.rules._examples import patch

CORPUS_SAMPLES = sorted(CORPUS.glob("*/*.patch"))[::25]
SEEDS = [patch(), patch(subject="kvm: vmx: fix foo.", trailers="Fixes: 123\nCC: stable")]
SEEDS += [path.read_text(encoding="utf-8", errors="replace") for path in CORPUS_SAMPLES]
# Generous: hypothesis' deadline is a hang detector here, not a speed test.
SETTINGS = settings(
    deadline=10_000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

# Pieces of patch syntax, so mutations reach deep into the parser.
TOKENS = [
    "\n",
    "\r\n",
    "From ",
    "From: ",
    "Subject: ",
    "[PATCH 1/2] ",
    "KVM: x86: ",
    "---\n",
    "diff --git a/x b/x\n",
    "--- a/x\n",
    "+++ b/x\n",
    "@@ -1,2 +1,3 @@",
    "@@ -0,0 +1 @@\n",
    "+",
    "-",
    " ",
    "\\ No newline",
    "Signed-off-by: ",
    "Fixes: ",
    "commit ",
    "0123456789ab",
    '("',
    '")',
    "=?UTF-8?B?",
    "?=",
    "Content-Transfer-Encoding: base64\n",
    "Content-Transfer-Encoding: quoted-printable\n",
    "=\n",
    "=C3=A9",
    "[",
    "]",
    "#",
    "base-commit: ",
    "-- \n",
    "    ",
    "\t",
    "\x00",
    "\udcff",
    "commit abc1234\n",
]


def assert_well_formed(result: dict) -> None:
    assert result["version"] == 1
    assert result["summary"]["patches"] == len(result["patches"]) >= 1
    for item in all_findings(result):
        assert item["line"] is None or item["line"] >= 1
        assert item["message"]


@SETTINGS
@given(st.binary(max_size=4000))
def test_random_bytes(data: bytes) -> None:
    assert_well_formed(check_texts([("random", data)]))


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=20), max_size=80))
def test_patch_shaped_noise(pieces: list[str]) -> None:
    text = "".join(pieces).encode("utf-8", errors="surrogatepass")
    assert_well_formed(check_texts([("noise", text)]))


@SETTINGS
@given(
    st.sampled_from(SEEDS),
    st.lists(
        st.tuples(
            st.integers(0, 10**6), st.integers(0, 40), st.sampled_from(TOKENS) | st.text(max_size=8)
        ),
        max_size=12,
    ),
)
def test_mutated_patches(seed: str, edits: list[tuple[int, int, str]]) -> None:
    text = seed
    for position, length, replacement in edits:
        position %= len(text) + 1
        text = text[:position] + replacement + text[position + length :]
    for lang in ("en", "zh_CN"):
        assert_well_formed(
            check_texts(
                [("mutated", text.encode("utf-8", "surrogatepass"))], lang=lang, git_dir=None
            )
        )


@SETTINGS
@given(st.lists(st.sampled_from(SEEDS), min_size=2, max_size=4), st.binary(max_size=200))
def test_series_with_garbage(seeds: list[str], garbage: bytes) -> None:
    inputs = [(f"{i}.patch", text) for i, text in enumerate(seeds)] + [("junk", garbage)]
    assert_well_formed(check_texts(inputs))


@pytest.mark.parametrize(
    "text",
    [
        "x" * 1_000_000,
        "KVM: x86: " + "a_" * 500_000,
        patch(body="commit " + "0" * 1_000_000),
        patch(body=" " * 1_000_000 + "x"),
        patch(body="(" * 500_000),
        patch(body='commit 0123456789ab ("' + "a" * 1_000_000),
        patch(subject="KVM: " + "x86: " * 200_000 + "Fix"),
        patch(
            diffs="diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n+"
            + "/*" * 300_000
            + "\n"
        ),
        patch(
            diffs="diff --git a/arch/x86/kvm/x.c b/arch/x86/kvm/x.c\n--- a/arch/x86/kvm/x.c\n"
            "+++ b/arch/x86/kvm/x.c\n@@ -1 +1 @@\n+\t" + "int " * 250_000 + "\n"
        ),
        "From: a@b\nSubject: " + "[" * 500_000 + "\n\nbody\n",
        "From: a@b\nSubject: x\n" + "X-Long: y\n" * 100_000 + "\nbody\n",
        patch(notes=" x" + " " * 500_000),
        patch(trailers='Fixes: 0123456789ab ("a"' * 100_000),
        patch(body="“" * 500_000),
        patch(body="10 us " * 150_000),
        patch(body="a." * 500_000),
        patch(author="<a@" * 200_000),
        patch(
            diffs="diff --git a/include/uapi/linux/kvm.h b/include/uapi/linux/kvm.h\n"
            "--- a/include/uapi/linux/kvm.h\n+++ b/include/uapi/linux/kvm.h\n@@ -1 +1 @@\n"
            "+\tint " + "\t" * 500_000 + "\n"
        ),
        "From a b\n" * 200_000,
    ],
    ids=[
        "1MB-line",
        "1MB-subject",
        "sha-run",
        "spaces",
        "parens",
        "open-title",
        "prefixes",
        "comments",
        "declarations",
        "brackets",
        "headers",
        "diffstat-spaces",
        "fixes-titles",
        "open-quotes",
        "microseconds",
        "dotted",
        "addresses",
        "uapi-blanks",
        "mbox-froms",
    ],
)
def test_huge_lines_finish(text: str, finishes) -> None:
    assert_well_formed(finishes([("huge", text)]))


def test_100k_trailers_finish(finishes) -> None:
    trailers = "\n".join(f"Reviewed-by: Person {i} <p{i}@example.org>" for i in range(100_000))
    result = finishes(
        [
            (
                "trailers",
                patch(trailers=trailers + "\nSigned-off-by: Jane Developer <jane@example.org>"),
            )
        ]
    )
    assert result["summary"]["error"] == 0


def test_big_mbox_finishes(finishes) -> None:
    """1,000 patches in one mbox: every one is parsed (speed lives in make bench)."""
    mbox = "".join(patch(subject=f"KVM: x86: Reject unknown index {i}") for i in range(1000))
    result = finishes([("big.mbox", mbox)], limit=60.0)
    assert result["summary"]["patches"] == 1000
