// Which parts of Python's standard library the playground needs, so that the
// site serves a python_stdlib.zip without the rest (about half of it).
//
// Runs Pyodide from playground/node_modules in Node.js, as the page's worker
// does: Pyodide starts, kvmcheck is imported, then every patch named on the
// command line is checked in both languages and fixed, alone and as one
// series.  Then every codec is looked up (a mail's charset picks its codec
// by name at run time) and every standard-library module kvmcheck's sources
// import anywhere is imported (lazy imports included, read from the sources
// themselves).  Every module that loaded is printed as JSON: the top-level
// names to keep (a package is kept whole) and the Pyodide version they were
// traced with.  `make playground-stdlib` writes it to playground/stdlib-modules.json;
// _ext/playground_stdlib.py builds the trimmed zip from it.
//
// Usage: node playground/trace-stdlib.mjs [--stdlib=ZIP] [PATCH...]
// With no PATCH: the playground's examples and the real patches the tests
// keep (tests/kvmcheck/real_reviews/, tests/kvmcheck/accepted_heldout/).
// --stdlib: start Pyodide on this python_stdlib.zip instead of its own (the
// tests run the trace on the trimmed one: nothing it needs may be missing).

import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const here = dirname(fileURLToPath(import.meta.url));
const version = JSON.parse(
  readFileSync(join(here, "node_modules", "pyodide", "package.json"), "utf8")).version;

const TRACE = `
import sys
booted = set(sys.modules)
# All loaded by Pyodide's start already: the trace itself adds nothing.
import ast, codecs, importlib, json, os, zipfile

sys.path.insert(0, "/trace")
from kvmcheck.api import check_texts
from kvmcheck.fix import fix_report

series = [(name, data.to_bytes()) for name, data in patches]
for lang in ("en", "zh_CN"):
    for one in series:
        check_texts([one], lang=lang)
    check_texts(series, lang=lang)
for name, data in series:
    fix_report(data.decode("utf-8", "replace"), name, only=None)

def imported_by_sources(root):
    names = set()
    for folder, _, files in os.walk(root):
        for file in files:
            if file.endswith(".py"):
                with open(os.path.join(folder, file), encoding="utf-8") as source:
                    tree = ast.parse(source.read())
                for node in ast.walk(tree):
                    if isinstance(node, ast.Import):
                        names.update(alias.name for alias in node.names)
                    elif isinstance(node, ast.ImportFrom) and node.level == 0:
                        names.add(node.module)
    return names

# A mail may name any charset: every codec is looked up, so that what a
# codec imports (encodings.idna needs stringprep) is kept with it.
stdlib = next(path for path in sys.path if path.endswith(".zip"))
members = zipfile.ZipFile(stdlib).namelist()
for member in members:
    if not member.startswith("encodings/") or not member.endswith(".py"):
        continue
    try:
        codecs.lookup(member.removeprefix("encodings/").removesuffix(".py"))
    except (ImportError, LookupError):
        pass  # a codec of another platform (mbcs, oem) or a helper module

# What the check did not reach (the command line's modules, lazy imports):
# imported here, so that what they import in turn is kept too.
for name in sorted(imported_by_sources("/trace/kvmcheck")):
    importlib.import_module(name)

in_zip = {member.split("/")[0].removesuffix(".py") for member in members}
used = booted | set(sys.modules)
json.dumps(sorted({name.split(".")[0] for name in used} & in_zip))
`;

const DEFAULT_INPUTS = [
  join(here, "examples"),
  join(here, "..", "tests", "kvmcheck", "real_reviews"),
  join(here, "..", "tests", "kvmcheck", "accepted_heldout"),
];

function patchFiles(folder) {
  return readdirSync(folder).filter((name) => /\.(patch|mbox)$/.test(name)).sort()
    .map((name) => join(folder, name));
}

const args = process.argv.slice(2);
const stdLibURL = args.find((arg) => arg.startsWith("--stdlib="))?.slice("--stdlib=".length);
const named = args.filter((arg) => !arg.startsWith("--stdlib="));
const files = named.length ? named : DEFAULT_INPUTS.flatMap(patchFiles);
const pyodide = await loadPyodide({
  stdLibURL, stdout: () => {}, stderr: (line) => console.error(line),
});
pyodide.FS.mkdirTree("/trace/kvmcheck");
pyodide.mountNodeFS("/trace/kvmcheck", join(here, "kvmcheck"));
pyodide.globals.set("patches", files.map((file) => [basename(file), new Uint8Array(readFileSync(file))]));
let modules;
try {
  modules = JSON.parse(pyodide.runPython(TRACE));
} catch (error) {
  // A Python traceback: its last line says what failed (Node would print
  // the minified line of Pyodide it came through instead).
  console.error(String(error.message ?? error).trim().split("\n").slice(-4).join("\n"));
  process.exit(1);
}
process.stdout.write(`${JSON.stringify({ pyodide: version, modules }, null, 1)}\n`);
