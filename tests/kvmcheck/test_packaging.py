"""What a user installs: the sdist and the wheel carry the license texts of
the code and of the typo data, and the version the changelog announces."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import kvmcheck

REPO = Path(__file__).resolve().parents[2]
LICENSE_TEXTS = {
    "LICENSE": "GNU GENERAL PUBLIC LICENSE\n                       Version 2, June 1991",
    "LICENSES/CC-BY-SA-3.0.txt": "Attribution-ShareAlike 3.0 Unported",
}


@pytest.fixture(scope="session")
def built_distributions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist and the wheel, built as a release would build them (the
    wheel from the sdist, in an isolated environment)."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return {"sdist": next(out.glob("*.tar.gz")), "wheel": next(out.glob("*.whl"))}


def test_sdist_carries_the_license_texts(built_distributions: dict[str, Path]) -> None:
    with tarfile.open(built_distributions["sdist"]) as sdist:
        top = sdist.getnames()[0].split("/")[0]
        for name, opening in LICENSE_TEXTS.items():
            member = sdist.extractfile(f"{top}/{name}")
            assert member is not None, name
            assert opening in member.read().decode("utf-8")


def test_wheel_carries_the_license_texts_and_says_which(
    built_distributions: dict[str, Path],
) -> None:
    with zipfile.ZipFile(built_distributions["wheel"]) as wheel:
        names = wheel.namelist()
        info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
        for name, opening in LICENSE_TEXTS.items():
            assert opening in wheel.read(f"{info}/licenses/{name}").decode("utf-8")
        metadata = wheel.read(f"{info}/METADATA").decode("utf-8")
        # The typo data the license covers is in the wheel too, and the
        # engine code of the patterns (for the Python that built the wheel).
        assert "kvmcheck/data/typos.txt" in names
        assert "kvmcheck/data/regexes.marshal" in names
    assert "License-Expression: GPL-2.0-only AND CC-BY-SA-3.0" in metadata
    assert f"\nVersion: {kvmcheck.__version__}\n" in metadata


def test_changelog_announces_the_current_version() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[?(\d+\.\d+\.\d+)\]?", changelog, re.MULTILINE)
    assert released and released[0] == kvmcheck.__version__
