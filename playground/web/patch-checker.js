// Page-side controller of every `.patch-checker` on the page: reads the
// reader's patch (typed, pasted, dropped or picked), hands it to the shared
// runtime (Pyodide in a worker, loaded on first interaction) and shows the
// findings.  Nothing here sends the patch anywhere.
//
// Hooks kept stable for tests, benchmarks and styling: the container
// `.patch-checker` (its `data-state`: idle, loading, ready, checking, done,
// error or timeout), its `textarea`, `button[data-action=check]`, results
// in `.patch-checker-results` with one `[data-rule][data-severity]` element
// per finding; the container fires `patch-checker:done` ({ms, summary}) and
// `patch-checker:failed` ({state, message}).

import { CheckFailed, CheckTimeout, Runtime, RuntimeFailed } from "./runtime.js";
import { format, renderResults, summaryText } from "./render.js";

const MAX_BYTES = 4 * 1024 * 1024;
const TYPING_PAUSE_MS = 800;
// The name kvmcheck sees for text typed or pasted into the box.
const PASTED = "pasted.patch";

let runtime = null;

function sharedRuntime(container) {
  if (!runtime) {
    const absolute = (url) => new URL(url, document.baseURI).href;
    runtime = new Runtime({
      workerUrl: absolute(container.dataset.workerUrl),
      pyodideUrl: absolute(container.dataset.pyodideUrl),
      packageUrl: absolute(container.dataset.packageUrl),
    });
  }
  return runtime;
}

function lineCount(text) {
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

class Checker {
  constructor(container) {
    this.container = container;
    this.form = container.querySelector(".patch-checker-form");
    this.textarea = container.querySelector("textarea");
    this.fileInput = container.querySelector("input[type=file]");
    this.status = container.querySelector(".patch-checker-status");
    this.results = container.querySelector(".patch-checker-results");
    this.restoreButton = container.querySelector("button[data-action=restore]");
    this.lang = container.dataset.lang;
    this.messages = JSON.parse(container.dataset.messages);
    this.sections = JSON.parse(container.dataset.sections);
    // Files as read from disk, while the text box still shows them unedited:
    // kvmcheck then gets the very bytes the command line would.
    this.loaded = null;
    // The box's text before files replaced it, until the reader edits.
    this.previous = null;
    this.busy = false;
    this.warming = false;
    this.again = false;
    this.typingTimer = null;

    container.querySelector(".patch-checker-fallback").hidden = true;
    this.form.hidden = false;
    container.dataset.dropLabel = this.messages.drop;
    this.setState("idle");
    this.listen();
  }

  listen() {
    const { container, textarea } = this;
    container.addEventListener("focusin", () => this.warmUp());
    textarea.addEventListener("paste", () => this.warmUp());
    textarea.addEventListener("input", () => this.typed());
    textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.check();
      }
    });
    this.restoreButton.addEventListener("click", () => this.restore());
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.check();
    });
    this.fileInput.addEventListener("change", () => {
      this.loadFiles(this.fileInput.files);
      this.fileInput.value = "";
    });
    container.addEventListener("dragover", (event) => {
      event.preventDefault();
      container.classList.add("patch-checker-dragging");
      this.warmUp();
    });
    container.addEventListener("dragleave", (event) => {
      if (!container.contains(event.relatedTarget)) {
        container.classList.remove("patch-checker-dragging");
      }
    });
    container.addEventListener("drop", (event) => {
      event.preventDefault();
      container.classList.remove("patch-checker-dragging");
      this.loadFiles(event.dataTransfer.files);
    });
  }

  setState(state, text) {
    this.container.dataset.state = state;
    if (text !== undefined) {
      this.status.textContent = text;
    }
  }

  say(key, values = {}) {
    return format(this.messages[key], values);
  }

  // Start Python in the background the first time the reader reaches for
  // the checker, so that it is ready, or nearly, by the first Check.
  warmUp() {
    const shared = sharedRuntime(this.container);
    if (shared.ready || this.busy || this.warming) {
      return;
    }
    this.warming = true;
    this.setState("loading", this.say("loading"));
    shared.start().finally(() => {
      this.warming = false;
    }).then(
      () => {
        if (!this.busy && this.container.dataset.state === "loading") {
          this.setState("ready", this.say("ready"));
        }
      },
      (error) => {
        if (!this.busy) {
          this.setState("error", this.say("load_failed", { detail: error.message }));
        }
      },
    );
  }

  typed() {
    if (this.loaded && this.loaded.text !== this.textarea.value) {
      this.loaded = null;
    }
    this.previous = null;
    this.restoreButton.hidden = true;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      if (this.textarea.value.trim()) {
        this.check();
      }
    }, TYPING_PAUSE_MS);
  }

  async loadFiles(fileList) {
    // In code point order, as the shell expands `kvmcheck 00*.patch`.
    const files = Array.from(fileList || []).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    if (files.length === 0) {
      return;
    }
    const read = [];
    for (const file of files) {
      try {
        read.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch (error) {
        this.setState("error", this.say("read_failed", { name: file.name, detail: error.message }));
        return;
      }
    }
    const decoder = new TextDecoder("utf-8");
    let text = "";
    for (const file of read) {
      file.offset = lineCount(text);
      const part = decoder.decode(file.bytes);
      text += part.endsWith("\n") || part === "" ? part : `${part}\n`;
    }
    this.replaceText(text);
    this.loaded = { text: this.textarea.value, files: read };
    this.check();
  }

  // Show the files' text; what the box held before stays one click away
  // (an undoable edit would be kinder, but browsers take seconds to insert
  // a long series that way).
  replaceText(text) {
    const { textarea } = this;
    const previous = textarea.value;
    textarea.value = text;
    textarea.setSelectionRange(0, 0);
    textarea.scrollTop = 0;
    this.previous = previous.trim() && previous !== text ? previous : null;
    this.restoreButton.hidden = this.previous === null;
  }

  restore() {
    if (this.previous === null) {
      return;
    }
    this.textarea.value = this.previous;
    this.previous = null;
    this.restoreButton.hidden = true;
    this.loaded = null;
    this.textarea.focus();
    this.check();
  }

  inputFiles() {
    const text = this.textarea.value;
    if (this.loaded && this.loaded.text === text) {
      return { text, files: this.loaded.files };
    }
    return { text, files: [{ name: PASTED, bytes: new TextEncoder().encode(text), offset: 0 }] };
  }

  async check() {
    clearTimeout(this.typingTimer);
    if (this.busy) {
      this.again = true;
      return;
    }
    const { text, files } = this.inputFiles();
    if (!text.trim()) {
      this.results.replaceChildren();
      this.setState("idle", this.say("empty"));
      return;
    }
    const size = files.reduce((total, file) => total + file.bytes.length, 0);
    if (size > MAX_BYTES) {
      this.setState("error", this.say("too_large", {
        mb: (size / 1048576).toFixed(1), max: MAX_BYTES / 1048576,
      }));
      return;
    }
    this.busy = true;
    const shared = sharedRuntime(this.container);
    const timeout = Number(this.container.dataset.timeout);
    try {
      if (!shared.ready) {
        this.setState("loading", this.say("loading"));
        await shared.start();
      }
      this.setState("checking", this.say("checking"));
      const wire = files.map(({ name, bytes }) => ({ name, bytes }));
      const { result, ms } = await shared.check(wire, this.lang, timeout);
      this.show(result, ms, text, files);
    } catch (error) {
      this.results.replaceChildren();
      if (error instanceof CheckTimeout) {
        this.setState("timeout", this.say("restarting", { seconds: timeout / 1000 }));
      } else if (error instanceof RuntimeFailed) {
        this.setState("error", this.say("load_failed", { detail: error.message }));
      } else if (error instanceof CheckFailed) {
        this.setState("error", this.say("check_failed", { detail: error.message }));
      } else {
        throw error;
      }
      this.container.dispatchEvent(new CustomEvent("patch-checker:failed", {
        detail: { state: this.container.dataset.state, message: this.status.textContent },
      }));
    } finally {
      this.busy = false;
    }
    if (this.again) {
      this.again = false;
      this.check();
    }
  }

  show(result, ms, text, files) {
    const lines = text.split("\n");
    const offsets = new Map(files.map((file) => [file.name, file.offset]));
    this.results.setAttribute("aria-busy", "true");
    renderResults(this.results, result, {
      messages: this.messages,
      lang: this.lang,
      sections: this.sections,
      contentRoot: document.documentElement.dataset.content_root ?? "",
      showSources: files.length > 1 || files[0].name !== PASTED,
      lineOf: (source, line) => (offsets.get(source) ?? 0) + line,
      lineText: (line) => lines[line - 1],
      selectLine: (line) => this.selectLine(line),
    });
    this.results.setAttribute("aria-busy", "false");
    const shown = Math.max(1, Math.round(ms));
    const summary = summaryText(result.summary, this.messages, this.lang);
    this.container.dataset.checkMs = String(ms);
    this.setState("done", this.say("done", { ms: shown, summary }));
    this.container.dispatchEvent(new CustomEvent("patch-checker:done", {
      detail: { ms, summary: result.summary },
    }));
  }

  // Select a line of the text box (1-based) and scroll it into view.
  selectLine(line) {
    const { textarea } = this;
    const lines = textarea.value.split("\n");
    const index = Math.min(Math.max(line, 1), lines.length) - 1;
    let start = 0;
    for (let i = 0; i < index; i++) {
      start += lines[i].length + 1;
    }
    textarea.focus();
    textarea.setSelectionRange(start, start + lines[index].length);
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, index * lineHeight - textarea.clientHeight / 3);
    textarea.scrollLeft = 0;
  }
}

for (const container of document.querySelectorAll(".patch-checker")) {
  new Checker(container);
}
