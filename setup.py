"""setuptools hook: build kvmcheck's data files before the package is packed.

Everything else is in pyproject.toml.  The typo list is generated from
codespell's dictionary (a build requirement) by playground/build_typos.py,
the engine code of kvmcheck's regular expressions by
playground/build_regex_cache.py, for ``pip install .``, ``pip install -e .``
and ``pip wheel .`` alike.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent / "playground"))

from build_regex_cache import write_regex_cache
from build_typos import write_typos


class BuildPyWithData(build_py):
    def run(self) -> None:
        if write_typos() is None:
            print(
                "kvmcheck: codespell is not installed, building without the typo list",
                file=sys.stderr,
            )
        write_regex_cache()
        super().run()


setup(cmdclass={"build_py": BuildPyWithData})
