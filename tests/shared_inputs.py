"""Where the shared inputs of the tests live: the real-patch corpus and the
reference texts, kept beside the repository (``../shared/``), as on the
developers' machines and in CI. KVM_HANDBOOK_SHARED or KVMCHECK_CORPUS name
another copy."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KVM_HANDBOOK_SHARED", REPO.parent / "shared"))
CORPUS = Path(os.environ.get("KVMCHECK_CORPUS", SHARED / "corpus"))
REFERENCE = SHARED / "reference"
