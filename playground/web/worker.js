// The kvmcheck runtime: Pyodide and the kvmcheck package, in a module Web
// Worker so that the page never blocks.  It fetches only the files the page
// names (all from the site itself by default) and never sends anything: the
// patch stays in this worker's memory.
//
// Messages in:  {type: "init", pyodideUrl, packageUrl, sizes}
//               {type: "check", id, files: [{name, bytes: Uint8Array}], lang}
//               {type: "fix", id, text, name}
// Messages out: {type: "progress", loaded, total} (bytes) while loading
//               {type: "ready"} | {type: "failed", detail, stalled: {file, ms} | null}
//               {type: "result", id, json} | {type: "error", id, detail}

import { DownloadStalled, watchDownloads } from "./downloads.js";

// Python side of the bridge: bytes or text in, the JSON text of the result
// out, so no Python object outlives a call.
const BRIDGE = `
import json
from kvmcheck.api import check_texts
from kvmcheck.fix import fix_report

def run_check(files, lang):
    texts = [(f.name, f.bytes.to_bytes()) for f in files]
    return json.dumps(check_texts(texts, lang=lang), ensure_ascii=False)

# only: [rule, line] (a "fix" message's optional field) fixes just that finding.
def run_fix(text, name, only):
    report = fix_report(text, name, only=tuple(only) if only else None)
    return json.dumps({
        "text": report.text, "fixed": report.fixed, "diff": report.diff,
        "patches": [{"name": p.name, "text": p.text} for p in report.patches],
    }, ensure_ascii=False)
`;

let bridge = null;

async function start(pyodideUrl, packageUrl, sizes) {
  const downloads = watchDownloads(sizes, (loaded, total) =>
    self.postMessage({ type: "progress", loaded, total }));
  try {
    // Pyodide swallows a failed .wasm download or instantiation (it only
    // logs "wasm instantiation failed") and never settles: the first
    // failed download ends the start instead.
    await Promise.race([load(pyodideUrl, packageUrl), downloads.failed]);
  } finally {
    downloads.stop();
  }
}

async function load(pyodideUrl, packageUrl) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideUrl).href);
  const packageResponse = fetch(packageUrl);
  const pyodide = await loadPyodide({
    indexURL: pyodideUrl,
    // Python's own output is not the result: keep the console quiet.
    stdout: () => {},
    stderr: () => {},
  });
  const archive = await packageResponse;
  if (!archive.ok) {
    throw new Error(`${archive.status} ${archive.statusText}: ${packageUrl}`);
  }
  // A zip of the kvmcheck/ folder, unpacked into the working directory,
  // which is on sys.path.
  pyodide.unpackArchive(await archive.arrayBuffer(), "zip");
  pyodide.runPython(BRIDGE);
  bridge = {
    check: pyodide.globals.get("run_check"),
    fix: pyodide.globals.get("run_fix"),
  };
}

let ready = null;

// A Python traceback ends with the line that says what went wrong.
function describe(error) {
  const text = String((error && error.message) || error).trim();
  return text.split("\n").pop();
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "init") {
    ready = start(message.pyodideUrl, message.packageUrl, message.sizes ?? {});
    try {
      await ready;
      self.postMessage({ type: "ready" });
    } catch (error) {
      const stalled = error instanceof DownloadStalled
        ? { file: error.file, ms: error.ms } : null;
      self.postMessage({ type: "failed", detail: describe(error), stalled });
    }
  } else {
    try {
      await ready;
      const json = message.type === "fix"
        ? bridge.fix(message.text, message.name, message.only ?? null)
        : bridge.check(message.files, message.lang);
      self.postMessage({ type: "result", id: message.id, json });
    } catch (error) {
      self.postMessage({ type: "error", id: message.id, detail: describe(error) });
    }
  }
};
