"""The real-patch corpus the benchmarks read, and inputs built from it."""

from __future__ import annotations

import re
from pathlib import Path

# Accepted upstream patches, beside the repository (tests/shared_inputs.py).
from shared_inputs import CORPUS

FOLDERS = ("kvm-x86", "other-kernel", "kvm-unit-tests")

_SUBJECT_TAG = re.compile(rb"^Subject: (?:\[[^\]\n]*\] ?)?", re.MULTILINE)
# The "From <sha> <date>" line git format-patch starts a file with.
_MBOX_FROM = re.compile(rb"From \S+ \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\n")
_FROM_LINE = re.compile(rb"^(>*From )", re.MULTILINE)
_MBOX_SEPARATOR = b"From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n"


def commit_dates(folder: str) -> dict[str, str]:
    """File name → upstream commit date (YYYY-MM-DD), where the corpus lists it."""
    listing = CORPUS / f"{folder}.tsv"
    if not listing.is_file():
        return {}
    rows = (line.split("\t") for line in listing.read_text(encoding="utf-8").splitlines()[1:])
    return {row[0]: row[2] for row in rows if len(row) > 2}


def patch_files(folder: str) -> list[Path]:
    return sorted((CORPUS / folder).glob("*.patch"))


def all_patch_files() -> list[Path]:
    return [path for folder in FOLDERS for path in patch_files(folder)]


def synthetic_series(count: int, sources: list[bytes]) -> bytes:
    """An mbox of ``count`` patches numbered ``[PATCH i/count]``.

    The patches cycle through ``sources``. ``From`` lines inside a message
    are quoted (``>From``) as mbox writers do, so each message stays whole.
    """
    width = len(str(count))
    messages = []
    for index in range(count):
        body = sources[index % len(sources)]
        separator = _MBOX_FROM.match(body)
        if separator:
            body = body[separator.end() :]
        body = _FROM_LINE.sub(rb">\1", body)
        tag = f"Subject: [PATCH {index + 1:0{width}}/{count}] ".encode()
        body = _SUBJECT_TAG.sub(lambda _match, tag=tag: tag, body, count=1)
        if not body.endswith(b"\n"):
            body += b"\n"
        messages.append(_MBOX_SEPARATOR + body + b"\n")
    return b"".join(messages)
