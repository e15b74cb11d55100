"""The ``patch-checker`` directive: kvmcheck in the reader's browser.

::

    .. patch-checker::
       :example: shortlog-case     (a sample from playground/examples/, preloaded)
       :rows: 16                   (height of the text box)
       :timeout: 5000              (ms a check may run before it is stopped)

renders a text box, a file picker and a Check button.  The page-side
controller (``playground/web/``) starts a module Web Worker once the page is
idle with a checker on screen (or on the reader's first interaction); the
worker loads Pyodide and the kvmcheck package from the site itself and runs
``kvmcheck.api.check_texts`` there, so the patch never leaves the browser.

At build time this extension

* has ``playground_assets`` put the front end, the kvmcheck package and the
  Pyodide core files into ``_static/patch-checker/``;
* renders each checker from ``_ext/templates/patch-checker.html``;
* adds the front end's JS and CSS, and a Content-Security-Policy ``<meta>``,
  only to pages that hold a checker: other pages load none of it.

Options in ``conf.py``: ``patch_checker_pyodide_url`` (load Pyodide from
there, e.g. a CDN, instead of the site), ``patch_checker_timeout`` (the
default of ``:timeout:``) and ``patch_checker_load_timeout`` (ms Pyodide and
kvmcheck may take to load before the reader is told that loading failed).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

import jinja2
from docutils import nodes
from docutils.parsers.rst import directives
from handbook_site import handbook_docname, html_lang, page_language
from playground_assets import PLAYGROUND, WEB_DIR, Assets, assets_digest, install
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from kvmcheck.rules import REMINDERS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)

EXAMPLES_DIR = PLAYGROUND / "examples"
MESSAGES_FILE = WEB_DIR / "messages.json"
TEMPLATE = Path(__file__).resolve().parent / "templates" / "patch-checker.html"
EXAMPLE_SUFFIXES = (".patch", ".mbox", ".eml")
DEFAULT_ROWS = 16
DEFAULT_TIMEOUT_MS = 5000
# Loading Python takes seconds on a good connection; past this, a download
# has stalled and the reader is told so (Check then starts again).
DEFAULT_LOAD_TIMEOUT_MS = 90_000
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
                raise self.error(f"unknown example {name!r}; available: {', '.join(available)}")
            self.env.note_dependency(str(available[name]))
            node["example"] = available[name].read_text(encoding="utf-8")
        self.env.note_dependency(str(MESSAGES_FILE))
        self.env.note_dependency(str(TEMPLATE))
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


def merge_info(
    app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
) -> None:
    pages_with_checker(env).update(pages_with_checker(other) & docnames)


# --- build assets (playground_assets) ---------------------------------------


def mark_outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Rewrite the checker pages when the assets' directory name changes."""
    digest = assets_digest()
    if getattr(env, "patch_checker_digest", None) == digest:
        return []
    env.patch_checker_digest = digest
    return sorted(pages_with_checker(env) - removed)


def install_assets(app: Sphinx, env: BuildEnvironment) -> None:
    if app.builder.format != "html" or not pages_with_checker(env):
        return
    app.builder.patch_checker_assets = install(
        Path(app.outdir), serve_pyodide=not app.config.patch_checker_pyodide_url
    )


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
            doctrees[docname] = env.get_doctree(docname) if docname in env.all_docs else None
        doctree = doctrees[docname]
        if doctree is None:
            # A site without that page (a small project using the directive).
            continue
        found = next(
            (s for s in doctree.findall(nodes.section) if s["ids"] and s["ids"][0] == fragment),
            None,
        )
        if found is None:
            logger.warning(
                "patch-checker: findings link to %s, which %s lacks",
                section,
                docname,
                type="patch_checker",
                subtype="section",
            )
            continue
        titles[section] = found[0].astext()
    return titles


@functools.cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE.parent),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template(TEMPLATE.name)


def visit_patch_checker_html(self: HTML5Translator, node: patch_checker) -> None:
    builder = self.builder
    assets: Assets = builder.patch_checker_assets
    page = builder.get_target_uri(builder.current_docname)
    lang = node["lang"]
    text = messages(lang)
    pyodide_url = builder.config.patch_checker_pyodide_url or relative_uri(
        page, assets.pyodide_directory + "/"
    )
    markup = _template().render(
        uid=f"patch-checker-{node['serial']}",
        lang=lang,
        html_lang=html_lang(lang),
        timeout=node["timeout"],
        load_timeout=builder.config.patch_checker_load_timeout,
        rows=node["rows"],
        example=node["example"],
        load_bytes=json.dumps(assets.load_bytes, sort_keys=True),
        worker_url=relative_uri(page, f"{assets.directory}/worker.js"),
        package_url=relative_uri(page, assets.package_archive),
        pyodide_url=pyodide_url,
        client_messages=json.dumps(text["client"], ensure_ascii=False),
        sections=json.dumps(section_titles(builder.env, lang), ensure_ascii=False),
        reminders=json.dumps(REMINDERS),
        text=text["page"],
        download=text["page"]["download"].format(mb=f"{assets.pyodide_bytes / 1e6:.0f}"),
        accept=",".join([*EXAMPLE_SUFFIXES, ".diff", ".txt"]),
    )
    self.body.append(markup + "\n")
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
    return "; ".join(
        [
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
        ]
    )


def add_page_assets(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    if doctree is None or not any(doctree.findall(patch_checker)):
        return
    assets: Assets = app.builder.patch_checker_assets
    app.add_js_file(f"{assets.directory.removeprefix('_static/')}/start.js", type="module")
    app.add_js_file(f"{assets.directory.removeprefix('_static/')}/from-disk.js", defer="defer")
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
    app.setup_extension("handbook_site")
    app.add_config_value("patch_checker_pyodide_url", None, "html", types=(str, type(None)))
    app.add_config_value("patch_checker_timeout", DEFAULT_TIMEOUT_MS, "env", types=(int,))
    app.add_config_value("patch_checker_load_timeout", DEFAULT_LOAD_TIMEOUT_MS, "env", types=(int,))
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
