"""Helpers of the playground tests: serving, checking, comparing, building."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from shared_inputs import CORPUS
from sphinx_project import build, make_project

from kvmcheck.rules import REMINDERS

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, Request

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "playground" / "examples"
# Loading Python the first time takes a few seconds; a slow shared machine
# may take many more.
LOAD_TIMEOUT_MS = 120_000


MBOX_SEPARATOR = "From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n"


def mbox(paths: list[Path]) -> str:
    """Mail-style patches (``From:`` first) as one mbox, one message each."""
    messages = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        # mbox writers quote body lines that would read as a separator.
        quoted = re.sub(r"(?m)^(>*From )", r">\1", text)
        messages.append(MBOX_SEPARATOR + quoted + ("" if quoted.endswith("\n") else "\n"))
    return "".join(messages)


def corpus_patches(folder: str, count: int) -> list[Path]:
    """The first ``count`` accepted upstream patches of that corpus folder;
    skips the test when the corpus is not beside the repository."""
    if not CORPUS.is_dir():
        pytest.skip(f"the real-patch corpus is not at {CORPUS} (see README)")
    paths = sorted((CORPUS / folder).glob("*.patch"))[:count]
    assert len(paths) == count, f"the corpus at {CORPUS} lacks {folder} patches"
    return paths


def split_series(directory: Path) -> list[Path]:
    """series.mbox as the files git format-patch would have written."""
    text = (EXAMPLES / "series.mbox").read_text(encoding="utf-8")
    messages = re.split(r"(?m)^(?=From [0-9a-f]{40} Mon Sep 17 00:00:00 2001$)", text)
    paths = []
    for number, message in enumerate(m for m in messages if m):
        path = directory / f"{number:04d}-part.patch"
        path.write_text(message, encoding="utf-8")
        paths.append(path)
    assert len(paths) == 3
    return paths


@dataclass
class Session:
    """A fresh browser context (cold cache) and every request it makes."""

    context: BrowserContext
    page: Page
    requests: list[Request] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def urls(self) -> list[str]:
        return [request.url for request in self.requests]

    def fetched(self, name: str) -> int:
        """How many requests asked for a URL whose path ends with ``name``."""
        return sum(1 for url in self.urls() if url.split("?")[0].endswith(name))


def run_check(
    page: Page,
    action: Callable[[], object],
    checker: str = ".patch-checker",
    limit_ms: int = LOAD_TIMEOUT_MS,
) -> dict:
    """Do ``action`` (which starts a check) and wait for that check's outcome.

    Returns ``{"ok": True, "ms", "summary"}`` for a result, ``{"ok": False,
    "state", "message"}`` when the check failed or was stopped, or nothing
    came within ``limit_ms``.
    """
    page.eval_on_selector(
        checker,
        """(node, limit) => {
        node.nextOutcome = new Promise((resolve) => {
            const done = (event) => resolve({ok: true, ...event.detail});
            const failed = (event) => resolve({ok: false, ...event.detail});
            node.addEventListener("patch-checker:done", done, {once: true});
            node.addEventListener("patch-checker:failed", failed, {once: true});
            setTimeout(() => resolve({ok: false, state: "no outcome",
                                      message: `nothing after ${limit} ms`}), limit);
        });
    }""",
        limit_ms,
    )
    action()
    return page.eval_on_selector(checker, "node => node.nextOutcome")


def check_text(page: Page, text: str, checker: str = ".patch-checker") -> dict:
    """Put ``text`` in the checker's box, press Check; the outcome must be a result."""
    page.fill(f"{checker} textarea", text)
    outcome = run_check(page, lambda: page.click(f"{checker} button[data-action=check]"), checker)
    assert outcome["ok"], outcome
    return outcome


def check_files(page: Page, paths: list[Path], checker: str = ".patch-checker") -> dict:
    """Pick ``paths`` with the checker's file input; the outcome must be a result."""
    outcome = run_check(
        page, lambda: page.set_input_files(f"{checker} input[type=file]", paths), checker
    )
    assert outcome["ok"], outcome
    return outcome


def shown_findings(page: Page, checker: str = ".patch-checker") -> dict[str, list[list]]:
    """The findings on the page: patch index → [[rule, line, severity]]."""
    return page.eval_on_selector(
        checker,
        """node => {
        const out = {};
        for (const patch of node.querySelectorAll('.patch-checker-patch')) {
            out[patch.dataset.patch] = [...patch.querySelectorAll('[data-rule]')].map(
                f => [f.dataset.rule, f.dataset.line ? Number(f.dataset.line) : null,
                      f.dataset.severity]);
        }
        return out;
    }""",
    )


def cli_result(paths: list[Path], lang: str = "en") -> dict:
    """What ``kvmcheck --format json`` prints for ``paths``."""
    result = subprocess.run(
        [sys.executable, "-m", "kvmcheck", "--format", "json", "--lang", lang, *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def per_patch(result: dict) -> dict[str, list[list]]:
    """A kvmcheck result's findings as the page shows them under each patch:
    patch index → [[rule, line, severity]], reminders left out."""
    return {
        str(patch["index"]): [
            [f["rule"], f["line"], f["severity"]]
            for f in patch["findings"]
            if f["rule"] not in REMINDERS
        ]
        for patch in result["patches"]
    }


def reminders(result: dict) -> dict[str, int]:
    """How many patches of a kvmcheck result draw each reminder."""
    counts: dict[str, int] = {}
    for patch in result["patches"]:
        for finding in patch["findings"]:
            if finding["rule"] in REMINDERS:
                counts[finding["rule"]] = counts.get(finding["rule"], 0) + 1
    return counts


def shown_reminders(page: Page, checker: str = ".patch-checker") -> dict[str, int]:
    """The reminders line of the page: rule → how many patches draw it."""
    return page.eval_on_selector(
        checker,
        """node => Object.fromEntries(
        [...node.querySelectorAll('.patch-checker-reminders [data-reminder]')].map(
            (item) => [item.dataset.reminder, Number(item.dataset.count)]))""",
    )


def build_project(
    root: Path,
    pages: dict[str, str],
    conf_extra: str = "",
) -> subprocess.CompletedProcess:
    """A project using patch_checker under ``root`` in the site's theme, built
    with warnings as errors (-W), as the real site is."""
    make_project(root, ["handbook_sections", "patch_checker"], pages, conf_extra, theme="furo")
    return build(root, "-W")
