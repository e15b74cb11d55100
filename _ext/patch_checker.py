"""The ``patch-checker`` directive: kvmcheck in the reader's browser.

::

    .. patch-checker::
       :example: shortlog-case     (a sample from playground/examples/, preloaded)
       :rows: 16                   (height of the text box)
       :timeout: 5000              (ms a check may run before it is stopped)

renders a text box, a file picker and a Check button.  The page-side
controller (``playground/web/``) starts a module Web Worker on the reader's
first interaction; the worker loads Pyodide and the kvmcheck wheel from the
site itself and runs ``kvmcheck.api.check_texts`` there, so the patch never
leaves the browser.

At build time this extension

* builds the kvmcheck wheel from ``playground/kvmcheck`` and the root
  ``pyproject.toml`` (cached by a hash of those sources: incremental builds
  stay quick) and copies it, the front end and the Pyodide core files from
  ``playground/node_modules/pyodide`` (``npm ci --prefix playground``) into
  ``_static/patch-checker/``;
* adds the front end's JS and CSS, and a Content-Security-Policy ``<meta>``,
  only to pages that hold a checker: other pages load none of it.

Options in ``conf.py``: ``patch_checker_pyodide_url`` (load Pyodide from
there, e.g. a CDN, instead of the site) and ``patch_checker_timeout`` (the
default of ``:timeout:``).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from docutils import nodes
from docutils.parsers.rst import directives
from handbook_sections import DEFAULT_LANGUAGE, HTML_LANG, handbook_docname, split_docname
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import copyfile, relative_uri

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
PLAYGROUND = ROOT / "playground"
WEB_DIR = PLAYGROUND / "web"
EXAMPLES_DIR = PLAYGROUND / "examples"
PYODIDE_DIR = PLAYGROUND / "node_modules" / "pyodide"
PACKAGE_DIR = PLAYGROUND / "kvmcheck"
WHEEL_CACHE = ROOT / ".cache" / "patch-checker"
WHEEL_CACHE_KEEP = 5

# The front end: ES modules, the worker and the style sheet.
WEB_FILES = ("patch-checker.js", "runtime.js", "render.js", "worker.js", "patch-checker.css")
MESSAGES_FILE = WEB_DIR / "messages.json"
# What Pyodide needs to start with the standard library and no packages.
PYODIDE_CORE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
EXAMPLE_SUFFIXES = (".patch", ".mbox", ".eml")
STATIC_DIR = "_static/patch-checker"
DEFAULT_ROWS = 16
DEFAULT_TIMEOUT_MS = 5000
# Replaced after rendering by the hashes of the page's inline scripts (the
# theme's), which the policy must allow one by one.
INLINE_SCRIPTS_TOKEN = "'patch-checker-inline-scripts'"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)


class patch_checker(nodes.General, nodes.Element):
    """Where a checker goes; rendered by :func:`visit_patch_checker_html`."""


def examples() -> dict[str, Path]:
    """Sample inputs for ``:example:``, by name (the file name without suffix)."""
    return {
        path.stem: path
        for path in sorted(EXAMPLES_DIR.iterdir())
        if path.suffix in EXAMPLE_SUFFIXES
    }


def page_language(docname: str) -> str:
    where = split_docname(docname)
    return where[0] if where else DEFAULT_LANGUAGE


def messages(lang: str) -> dict[str, dict[str, Any]]:
    """The front end's strings in ``lang``: ``{"page": …, "client": …}``."""
    catalog = json.loads(MESSAGES_FILE.read_text(encoding="utf-8"))
    return catalog[lang]


class PatchCheckerDirective(SphinxDirective):
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "example": directives.unchanged_required,
        "rows": directives.positive_int,
        "timeout": directives.positive_int,
    }

    def run(self) -> list[nodes.Node]:
        node = patch_checker()
        node["lang"] = page_language(self.env.docname)
        node["rows"] = self.options.get("rows", DEFAULT_ROWS)
        node["timeout"] = self.options.get("timeout", self.config.patch_checker_timeout)
        node["serial"] = self.env.new_serialno("patch-checker")
        node["example"] = ""
        if "example" in self.options:
            name = self.options["example"].strip()
            available = examples()
            if name not in available:
                raise self.error(
                    f"unknown example {name!r}; available: {', '.join(available)}"
                )
            self.env.note_dependency(str(available[name]))
            node["example"] = available[name].read_text(encoding="utf-8")
        self.env.note_dependency(str(MESSAGES_FILE))
        pages_with_checker(self.env).add(self.env.docname)
        self.set_source_info(node)
        return [node]


# --- which pages hold a checker (kept in the environment) -----------------


def pages_with_checker(env: BuildEnvironment) -> set[str]:
    if not hasattr(env, "patch_checker_pages"):
        env.patch_checker_pages = set()
    return env.patch_checker_pages


def purge_doc(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    pages_with_checker(env).discard(docname)


def merge_info(app: Sphinx, env: BuildEnvironment, docnames: set[str],
               other: BuildEnvironment) -> None:
    pages_with_checker(env).update(pages_with_checker(other) & docnames)


# --- build assets: front end, Pyodide core, kvmcheck wheel -----------------


def _tree_digest(paths: list[Path], base: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(base)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def package_sources() -> list[Path]:
    """Everything the wheel is built from."""
    files = [
        path for path in PACKAGE_DIR.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    files.append(ROOT / "pyproject.toml")
    files.extend(_project_metadata_files())
    return files


def _project_metadata_files() -> list[Path]:
    """Files pyproject.toml points setuptools at besides the package."""
    names = ["README.md", *(p.name for p in ROOT.glob("LICEN[CS]E*")),
             *(p.name for p in ROOT.glob("COPYING*"))]
    return [ROOT / name for name in names if (ROOT / name).is_file()]


def pyodide_version() -> str:
    package = PYODIDE_DIR / "package.json"
    if not package.is_file():
        raise ExtensionError(
            f"patch-checker: Pyodide is not installed in {PYODIDE_DIR.parent}; "
            "run `npm ci --prefix playground` (make htmldocs does it)"
        )
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def build_wheel(source_digest: str) -> Path:
    """The kvmcheck wheel for these sources, built once and then cached."""
    cache = WHEEL_CACHE / f"kvmcheck-{source_digest[:16]}"
    wheels = sorted(cache.glob("kvmcheck-*.whl"))
    if wheels:
        return wheels[0]
    WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WHEEL_CACHE, prefix=".building-") as tmp:
        # A private copy of the sources: setuptools writes build/ and
        # *.egg-info next to them, and other builds may run at the same time.
        source = Path(tmp) / "source"
        shutil.copytree(PACKAGE_DIR, source / "playground" / PACKAGE_DIR.name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        for path in [ROOT / "pyproject.toml", *_project_metadata_files()]:
            shutil.copy2(path, source / path.name)
        out = Path(tmp) / "out"
        # The docs environment has the build backend (pyproject's docs
        # extra), so no isolated environment is fetched: docs build offline.
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                   "--no-build-isolation", "--disable-pip-version-check",
                   "--wheel-dir", str(out), str(source)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        built = sorted(out.glob("kvmcheck-*.whl"))
        if result.returncode != 0 or not built:
            raise ExtensionError(
                "patch-checker: building the kvmcheck wheel failed:\n"
                + (result.stderr or result.stdout)[-3000:]
            )
        staged = Path(tmp) / "wheel"
        staged.mkdir()
        shutil.move(built[0], staged / built[0].name)
        # Another build may have finished the same wheel first: use that one.
        with contextlib.suppress(OSError):
            staged.rename(cache)
    _prune_wheel_cache()
    return sorted(cache.glob("kvmcheck-*.whl"))[0]


def _prune_wheel_cache() -> None:
    """Keep the few newest wheels: each edit of kvmcheck makes another."""
    cached = sorted(WHEEL_CACHE.glob("kvmcheck-*"), key=lambda path: path.stat().st_mtime)
    for old in cached[:-WHEEL_CACHE_KEEP]:
        shutil.rmtree(old, ignore_errors=True)


@dataclass(frozen=True)
class Assets:
    """Where this build's playground files are, relative to the output root."""

    digest: str
    wheel_name: str
    pyodide_version: str
    pyodide_bytes: int

    @property
    def directory(self) -> str:
        # Named by a hash of their contents: a browser never mixes a cached
        # old worker with a new wheel.
        return f"{STATIC_DIR}/{self.digest[:12]}"

    @property
    def pyodide_directory(self) -> str:
        return f"{STATIC_DIR}/pyodide-{self.pyodide_version}"


def assets_digest() -> str:
    """A hash of everything the playground ships except Pyodide itself."""
    web = [WEB_DIR / name for name in WEB_FILES]
    return _tree_digest(web + package_sources(), ROOT)


def mark_outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                  removed: set[str]) -> list[str]:
    """Rewrite the checker pages when the assets' directory name changes."""
    digest = assets_digest()
    if getattr(env, "patch_checker_digest", None) == digest:
        return []
    env.patch_checker_digest = digest
    return sorted(pages_with_checker(env) - removed)


def install_assets(app: Sphinx, env: BuildEnvironment) -> None:
    """Put the front end, Pyodide and the wheel into the output directory."""
    if app.builder.format != "html" or not pages_with_checker(env):
        return
    digest = assets_digest()
    wheel = build_wheel(_tree_digest(package_sources(), ROOT))
    version = pyodide_version()
    assets = Assets(digest, wheel.name, version,
                    sum((PYODIDE_DIR / name).stat().st_size for name in PYODIDE_CORE_FILES))
    outdir = Path(app.outdir)
    target = outdir / assets.directory
    target.mkdir(parents=True, exist_ok=True)
    for name in WEB_FILES:
        copyfile(WEB_DIR / name, target / name, force=True)
    copyfile(wheel, target / wheel.name, force=True)
    keep = {target.name}
    if not app.config.patch_checker_pyodide_url:
        pyodide_target = outdir / assets.pyodide_directory
        pyodide_target.mkdir(parents=True, exist_ok=True)
        for name in PYODIDE_CORE_FILES:
            copyfile(PYODIDE_DIR / name, pyodide_target / name, force=True)
        keep.add(pyodide_target.name)
    for stale in (outdir / STATIC_DIR).iterdir():
        if stale.is_dir() and stale.name not in keep:
            shutil.rmtree(stale)
    app.builder.patch_checker_assets = assets


# --- HTML -------------------------------------------------------------------


def section_titles(env: BuildEnvironment, lang: str) -> dict[str, str]:
    """``page#fragment`` → section title, for every section a finding links to."""
    from kvmcheck.rules import SECTIONS

    titles: dict[str, str] = {}
    doctrees: dict[str, nodes.document | None] = {}
    for section in SECTIONS:
        page, _, fragment = section.partition("#")
        docname = handbook_docname(lang, page)
        if docname not in doctrees:
            doctrees[docname] = (
                env.get_doctree(docname) if docname in env.all_docs else None
            )
        doctree = doctrees[docname]
        if doctree is None:
            # A site without that page (a small project using the directive).
            continue
        found = next((s for s in doctree.findall(nodes.section)
                      if s["ids"] and s["ids"][0] == fragment), None)
        if found is None:
            logger.warning("patch-checker: findings link to %s, which %s lacks",
                           section, docname, type="patch_checker", subtype="section")
            continue
        titles[section] = found[0].astext()
    return titles


def _attributes(values: dict[str, Any]) -> str:
    return " ".join(f'{name}="{html.escape(str(value))}"' for name, value in values.items())


def visit_patch_checker_html(self: HTML5Translator, node: patch_checker) -> None:
    builder = self.builder
    assets: Assets = builder.patch_checker_assets
    page = builder.get_target_uri(builder.current_docname)
    lang = node["lang"]
    text = messages(lang)
    strings = text["page"]
    uid = f"patch-checker-{node['serial']}"
    pyodide_url = builder.config.patch_checker_pyodide_url or relative_uri(
        page, assets.pyodide_directory + "/")
    container = {
        "class": "patch-checker",
        "id": uid,
        "lang": HTML_LANG.get(lang, lang),
        "data-lang": lang,
        "data-timeout": node["timeout"],
        "data-worker-url": relative_uri(page, f"{assets.directory}/worker.js"),
        "data-wheel-url": relative_uri(page, f"{assets.directory}/{assets.wheel_name}"),
        "data-pyodide-url": pyodide_url,
        "data-messages": json.dumps(text["client"], ensure_ascii=False),
        "data-sections": json.dumps(section_titles(builder.env, lang), ensure_ascii=False),
    }
    size = strings["download"].format(mb=f"{assets.pyodide_bytes / 1e6:.0f}")
    self.body.append(f"""<div {_attributes(container)}>
<div class="patch-checker-fallback">
<p>{html.escape(strings["fallback"])}</p>
<pre>{html.escape(strings["fallback_commands"])}</pre>
</div>
<form class="patch-checker-form" hidden>
<label class="patch-checker-label" for="{uid}-input">{html.escape(strings["label"])}</label>
<p class="patch-checker-hint" id="{uid}-hint">{html.escape(strings["hint"])}</p>
<textarea id="{uid}-input" name="patch" rows="{node["rows"]}" wrap="off" spellcheck="false" \
autocomplete="off" autocapitalize="off" aria-describedby="{uid}-hint {uid}-status">\
{html.escape(node["example"])}</textarea>
<div class="patch-checker-actions">
<button type="submit" data-action="check">{html.escape(strings["check"])}</button>
<label class="patch-checker-file">{html.escape(strings["open"])}\
<input type="file" multiple accept="{",".join(EXAMPLE_SUFFIXES)},.diff,.txt"></label>
<button type="button" data-action="restore" hidden>{html.escape(strings["restore"])}</button>
</div>
<p class="patch-checker-status" id="{uid}-status" role="status">{html.escape(size)}</p>
</form>
<div class="patch-checker-results" aria-live="polite" \
aria-label="{html.escape(strings["results"])}"></div>
</div>
""")
    raise nodes.SkipNode


def skip_node(self: Any, node: patch_checker) -> None:
    """Other formats (LaTeX, text, man …) have no browser: leave the checker out."""
    raise nodes.SkipNode


def content_security_policy(pyodide_url: str | None) -> str:
    """The policy of a page with a checker: the site's own files, Wasm, a worker."""
    remote = ""
    if pyodide_url and urlsplit(pyodide_url).scheme in {"http", "https"}:
        parts = urlsplit(pyodide_url)
        remote = f" {parts.scheme}://{parts.netloc}"
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'wasm-unsafe-eval' {INLINE_SCRIPTS_TOKEN}{remote}",
        "worker-src 'self'",
        f"connect-src 'self'{remote}",
        "img-src 'self' data:",
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_page_assets(app: Sphinx, pagename: str, templatename: str,
                    context: dict[str, Any], doctree: nodes.document | None) -> None:
    if doctree is None or not any(doctree.findall(patch_checker)):
        return
    assets: Assets = app.builder.patch_checker_assets
    app.add_js_file(f"{assets.directory.removeprefix('_static/')}/patch-checker.js",
                    type="module")
    app.add_css_file(f"{assets.directory.removeprefix('_static/')}/patch-checker.css")
    policy = content_security_policy(app.config.patch_checker_pyodide_url)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">\n'
    context["metatags"] = meta + context.get("metatags", "")


def allow_inline_scripts(app: Sphinx, exception: Exception | None) -> None:
    """Fill in the hashes of the inline scripts of each page just written."""
    if exception is not None or app.builder.format != "html":
        return
    token = html.escape(INLINE_SCRIPTS_TOKEN)
    for docname in sorted(pages_with_checker(app.env)):
        path = Path(app.outdir) / app.builder.get_target_uri(docname)
        if not path.is_file():
            continue
        page = path.read_text(encoding="utf-8")
        if token not in page:
            continue
        hashes = " ".join(
            f"'sha256-{_base64_sha256(body)}'"
            for body in dict.fromkeys(INLINE_SCRIPT.findall(page))
        )
        path.write_text(page.replace(token, html.escape(hashes)), encoding="utf-8")


def _base64_sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("patch_checker_pyodide_url", None, "html", types=(str, type(None)))
    app.add_config_value("patch_checker_timeout", DEFAULT_TIMEOUT_MS, "env", types=(int,))
    app.add_node(
        patch_checker,
        html=(visit_patch_checker_html, None),
        latex=(skip_node, None),
        text=(skip_node, None),
        man=(skip_node, None),
        texinfo=(skip_node, None),
    )
    app.add_directive("patch-checker", PatchCheckerDirective)
    app.connect("env-purge-doc", purge_doc)
    app.connect("env-merge-info", merge_info)
    app.connect("env-get-outdated", mark_outdated)
    app.connect("env-updated", install_assets)
    app.connect("html-page-context", add_page_assets)
    app.connect("build-finished", allow_inline_scripts)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
