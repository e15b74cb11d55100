"""setuptools hook: build kvmcheck's typo list before the package is packed.

Everything else is in pyproject.toml.  The typo list is generated from
codespell's dictionary (a build requirement) by playground/build_typos.py,
for ``pip install .``, ``pip install -e .`` and ``pip wheel .`` alike.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent / "playground"))

from build_typos import write_typos


class BuildPyWithTypos(build_py):
    def run(self) -> None:
        if write_typos() is None:
            print(
                "kvmcheck: codespell is not installed, building without the typo list",
                file=sys.stderr,
            )
        super().run()


setup(cmdclass={"build_py": BuildPyWithTypos})
