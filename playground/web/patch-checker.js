// Page-side controller of every `.patch-checker` on the page: reads the
// reader's patch (typed, pasted, dropped, picked or opened from a share
// link), hands it to the shared runtime (Pyodide in a worker, loaded once
// the page is idle with a checker on screen, or on first use) and shows the
// findings.  Nothing here sends the patch anywhere: a share link carries it
// in the URL's fragment, which stays in the browser, and the text kept for
// a reload stays in the tab's sessionStorage (storage.js).
//
// Hooks kept stable for tests, benchmarks and styling: the container
// `.patch-checker` (its `data-state`: idle, loading, ready, checking,
// fixing, done, error or timeout; from-disk set by from-disk.js), its `textarea`, the buttons
// `[data-action=check|share|copy|fix|undo|restore]` (and from storage.js and
// loading.js `clear` and `retry`), the share link in
// `[data-share-link]`, results in `.patch-checker-results` with one
// `[data-rule][data-severity]` element per finding shown (a fixable one with
// its `.patch-checker-fix-one` button), what Fix did in
// `.patch-checker-fix-view` (fix-view.js); the container
// fires `patch-checker:done` ({ms, summary}) and `patch-checker:failed`
// ({state, message}), which bubble (a page can listen on the document).

import {
  CheckFailed, CheckTimeout, LoadStalled, LoadTimeout, Runtime, RuntimeFailed,
} from "./runtime.js";
import { format, patchTitles, plural, renderResults, sectionLink } from "./render.js";
import { textOfBytes } from "./file-text.js";
import { DownloadOffer } from "./save-file.js";
import { FixView } from "./fix-view.js";
import { isBinary, unfoldedLine } from "./input-check.js";
import {
  LinkTooLarge, LinkTooLong, MAX_FRAGMENT_CHARS, MAX_TEXT_BYTES, fragmentOf, isShareHash,
  textOf,
} from "./share.js";
import { replaceUndoably } from "./undoable.js";
import { KeptText } from "./storage.js";
import { anchorPatches, foldReminders, renderSummary, summaryLine } from "./summary.js";
import { LoadingView, announceProgress, startWhenIdle } from "./loading.js";
import { initialState, reduce } from "./state.js";

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
    }, Number(container.dataset.loadTimeout), JSON.parse(container.dataset.loadBytes || "{}"),
    announceProgress);
  }
  return runtime;
}

function lineCount(text) {
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

class Checker {
  // index: the checker's place on the page (the key of its kept text).
  constructor(container, index) {
    this.container = container;
    this.form = container.querySelector(".patch-checker-form");
    this.textarea = container.querySelector("textarea");
    this.fileInput = container.querySelector("input[type=file]");
    this.status = container.querySelector(".patch-checker-status");
    this.results = container.querySelector(".patch-checker-results");
    this.restoreButton = container.querySelector("button[data-action=restore]");
    this.shareButton = container.querySelector("button[data-action=share]");
    this.fixButton = container.querySelector("button[data-action=fix]");
    this.undoButton = container.querySelector("button[data-action=undo]");
    this.sharePanel = container.querySelector(".patch-checker-share");
    this.shareLink = container.querySelector("[data-share-link]");
    this.copyButton = container.querySelector("button[data-action=copy]");
    this.lang = container.dataset.lang;
    this.messages = JSON.parse(container.dataset.messages);
    this.sections = JSON.parse(container.dataset.sections);
    this.reminderRules = new Set(JSON.parse(container.dataset.reminders));
    // What the checker remembers (state.js); changed only by dispatch().
    this.state = initialState();
    // Handles of work in flight, not state: a timer and a drawing are
    // cancelled through these very objects, which a pure function can
    // neither create nor cancel.
    this.typingTimer = null;
    this.drawing = null;
    this.fixView = new FixView(this.status, (key, values) => this.say(key, values),
      (text) => { this.status.textContent = text; });
    this.shareOffer = new DownloadOffer(this.status);

    container.querySelector(".patch-checker-fallback").hidden = true;
    this.form.hidden = false;
    container.dataset.dropLabel = this.messages.drop;
    this.loading = new LoadingView(container, this.messages, this.lang, () => this.retry());
    this.setState("idle");
    this.kept = new KeptText(container, this.textarea, index, this.messages, () => {
      this.dispatch({ type: "forget" });
      this.forgetReplaced();
      this.check();
    });
    this.listen();
    if (this.kept.restored) {
      // The reader's text is back (a reload, the language switch, Back):
      // so are its findings.
      this.check();
    }
  }

  listen() {
    const { container, textarea } = this;
    container.addEventListener("focusin", () => this.warmUp());
    textarea.addEventListener("paste", () => this.warmUp());
    textarea.addEventListener("input", () => this.typed());
    textarea.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.check({ focus: true });
      }
    });
    this.restoreButton.addEventListener("click", () => this.restore());
    this.shareButton.addEventListener("click", () => this.share());
    this.copyButton.addEventListener("click", () => this.copy());
    this.fixButton.addEventListener("click", () => this.fix());
    this.undoButton.addEventListener("click", () => this.undo());
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.check({ focus: true });
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

  // Change the state (state.js) and draw what depends on it.
  dispatch(event) {
    this.state = reduce(this.state, event);
    this.restoreButton.hidden = this.state.previous === null;
    this.undoButton.hidden = this.state.beforeFix === null;
  }

  setState(state, text) {
    this.container.dataset.state = state;
    this.loading.state(state);
    if (text !== undefined) {
      this.status.textContent = text;
    }
  }

  say(key, values = {}) {
    return format(this.messages[key], values);
  }

  // Start Python in the background the first time the reader reaches for
  // the checker, so that it is ready, or nearly, by the first Check.
  // After a failure it waits for Check: the error stays on screen.
  warmUp() {
    if (this.container.dataset.state === "error") {
      return;
    }
    const shared = sharedRuntime(this.container);
    if (shared.ready || this.state.busy || this.state.warming) {
      return;
    }
    this.dispatch({ type: "warm-start" });
    const loading = this.say("loading");
    this.setState("loading", loading);
    shared.start().finally(() => {
      this.dispatch({ type: "warm-end" });
    }).then(
      () => {
        if (!this.state.busy && this.container.dataset.state === "loading") {
          // What the reader was told meanwhile (a link too large to share,
          // a copied link) stays; only the loading notice gives way.
          const told = this.status.textContent !== loading;
          this.setState("ready", told ? undefined : this.say("ready"));
        }
      },
      (error) => {
        if (!this.state.busy) {
          this.setState("error", this.loadFailure(error));
        }
      },
    );
  }

  // Python did not load: the next check starts over with a new runtime,
  // which reads the page's settings again.
  loadFailure(error) {
    runtime = null;
    this.loading.failed();
    if (error instanceof LoadTimeout) {
      return this.say("load_timeout", { seconds: Math.round(error.ms / 1000) });
    }
    if (error instanceof LoadStalled) {
      return this.say("load_stalled", { file: error.file, seconds: Math.round(error.ms / 1000) });
    }
    return this.say("load_failed", { detail: error.message });
  }

  // Retry after loading failed: check the box's text, or just load.
  retry() {
    this.status.focus();
    if (this.textarea.value.trim()) {
      this.check();
    } else {
      this.setState("idle");
      this.warmUp();
    }
  }

  // The reader changed the box: what Restore and Undo would bring back is
  // no longer what they have, and a link made earlier shows other text.
  typed() {
    if (this.state.applying) {
      return;
    }
    this.dispatch({ type: "input", text: this.textarea.value });
    this.forgetReplaced();
    this.sharePanel.hidden = true;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      if (this.textarea.value.trim()) {
        this.check();
      }
    }, TYPING_PAUSE_MS);
  }

  // What Fix showed and the download offer go with the text they were about.
  forgetReplaced() {
    this.fixView.hide();
    this.shareOffer.hide();
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
        // Not text (an image, an archive): refused before it replaces the box.
        if (isBinary(read.at(-1).bytes)) {
          this.setState("error", this.say("not_text", { name: file.name }));
          return;
        }
      } catch (error) {
        this.setState("error", this.say("read_failed", { name: file.name, detail: error.message }));
        return;
      }
    }
    let text = "";
    for (const file of read) {
      file.offset = lineCount(text);
      const part = textOfBytes(file.bytes);
      text += part.endsWith("\n") || part === "" ? part : `${part}\n`;
    }
    this.replaceText(text);
    this.dispatch({ type: "files-loaded", loaded: { text: this.textarea.value, files: read } });
    this.check({ focus: true });
  }

  // Show other text in the box (files, a share link); what the box held
  // before stays one click away (an undoable edit would be kinder, but
  // browsers take seconds to insert a long series that way).
  replaceText(text) {
    const { textarea } = this;
    const previous = textarea.value;
    textarea.value = text;
    textarea.setSelectionRange(0, 0);
    textarea.scrollTop = 0;
    this.dispatch({ type: "replaced", previous, text });
    this.forgetReplaced();
    this.sharePanel.hidden = true;
  }

  restore() {
    const { previous } = this.state;
    if (previous === null) {
      return;
    }
    this.textarea.value = previous;
    this.dispatch({ type: "restore" });
    this.check({ focus: true });
  }

  // Open a share link's patch (the page's location hash) and check it.
  async openShared(hash) {
    let text;
    try {
      text = await textOf(hash);
    } catch (error) {
      const mb = MAX_TEXT_BYTES / 1048576;
      this.setState("error", error instanceof LinkTooLong
        ? this.say("link_too_long", { max: this.number(MAX_FRAGMENT_CHARS) })
        : error instanceof LinkTooLarge ? this.say("link_too_large", { max: mb })
          : this.say("link_damaged"));
      return;
    }
    this.replaceText(text);
    this.container.scrollIntoView({ block: "start" });
    this.check({ focus: true });
  }

  async share() {
    const text = this.textarea.value;
    if (!text.trim()) {
      this.setState("idle", this.say("empty"));
      return;
    }
    const fragment = await fragmentOf(text);
    if (fragment === null) {
      // Said beside the download, not in the status line: the check that
      // typing started may finish later and take the status line over.
      this.sharePanel.hidden = true;
      this.shareOffer.show("patches.mbox", text, this.say("share_download"),
        this.say("share_too_large", { max: this.number(MAX_FRAGMENT_CHARS) }));
      return;
    }
    const url = new URL(location.href);
    url.hash = fragment;
    this.shareLink.value = url.href;
    this.sharePanel.hidden = false;
    this.shareLink.focus();
    this.shareLink.select();
  }

  number(n) {
    return new Intl.NumberFormat(this.lang.replace("_", "-")).format(n);
  }

  async copy() {
    try {
      await navigator.clipboard.writeText(this.shareLink.value);
      this.status.textContent = this.say("copied");
    } catch {
      // No clipboard access (an insecure origin, a denied permission): the
      // link is selected, ready for the reader's own copy.
      this.shareLink.focus();
      this.shareLink.select();
      this.status.textContent = this.say("copy_yourself");
    }
  }

  // Replace the box's text by kvmcheck's mechanical fixes (all, or only:
  // [rule, line in the box] for one finding), show what changed, then check
  // again; Undo, or Ctrl+Z in the box, brings back exactly what was there.
  async fix(only = null) {
    if (this.state.busy) {
      return;
    }
    const { text, files } = this.inputFiles();
    this.dispatch({ type: "work-start" });
    this.fixButton.disabled = true;
    const shared = sharedRuntime(this.container);
    const timeout = Number(this.container.dataset.timeout);
    let outcome;
    try {
      this.setState("fixing", this.say("fixing"));
      outcome = await shared.fix(text, files.length === 1 ? files[0].name : PASTED, timeout, only);
    } catch (error) {
      this.failed(error, timeout);
      return;
    } finally {
      this.dispatch({ type: "work-end" });
      this.fixButton.disabled = false;
    }
    const { text: fixedText, fixed } = outcome.result;
    if (this.textarea.value !== text) {
      // The reader typed while the fix ran: their text wins.
      this.check();
      return;
    }
    if (fixed === 0 || fixedText === text) {
      this.dispatch({ type: "notice", notice: this.say("fixed_none") });
      this.check({ focus: true });
      return;
    }
    const before = { text, loaded: this.state.loaded };
    this.setText(fixedText);
    this.dispatch({
      type: "fix-applied", before, notice: plural(this.messages, this.lang, "fixed", fixed),
    });
    this.fixView.show(outcome.result, before.loaded && before.loaded.files.map((f) => f.name));
    this.check({ focus: true });
  }

  undo() {
    const before = this.state.beforeFix;
    if (before === null) {
      return;
    }
    this.setText(before.text);
    this.dispatch({ type: "undo" });
    this.fixView.hide();
    this.check({ focus: true });
  }

  // Put text in the box as an edit its own undo can take back.
  setText(text) {
    this.dispatch({ type: "apply-start" });
    try {
      replaceUndoably(this.textarea, text);
    } finally {
      this.dispatch({ type: "apply-end" });
    }
    this.sharePanel.hidden = true;
  }

  inputFiles() {
    const text = this.textarea.value;
    const { loaded } = this.state;
    if (loaded && loaded.text === text) {
      return { text, files: loaded.files };
    }
    return { text, files: [{ name: PASTED, bytes: new TextEncoder().encode(text), offset: 0 }] };
  }

  // Findings on screen that no longer describe the box's text go away.
  clearResults() {
    if (this.drawing) {
      this.drawing.cancel();
      this.drawing = null;
    }
    this.results.replaceChildren();
    this.fixButton.hidden = true;
  }

  // focus: the reader asked for this check (a button, a key, a file, a
  // link), so focus moves to its outcome; a re-check after a pause in
  // typing leaves focus in the box.
  async check({ focus = false } = {}) {
    clearTimeout(this.typingTimer);
    this.dispatch({ type: "check-requested", focus });
    if (this.state.busy) {
      return;
    }
    const { text, files } = this.inputFiles();
    if (!text.trim()) {
      this.clearResults();
      this.setState("idle", this.say("empty"));
      return;
    }
    const size = files.reduce((total, file) => total + file.bytes.length, 0);
    if (size > MAX_BYTES) {
      this.clearResults();
      this.setState("error", this.say("too_large", {
        mb: (size / 1048576).toFixed(1), max: MAX_BYTES / 1048576,
      }));
      this.moveFocus();
      return;
    }
    this.dispatch({ type: "work-start" });
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
      await this.show(result, ms, text, files);
    } catch (error) {
      this.failed(error, timeout);
    } finally {
      this.dispatch({ type: "work-end" });
    }
    if (this.state.again) {
      this.dispatch({ type: "recheck" });
      this.check();
    }
  }

  failed(error, timeout) {
    this.clearResults();
    this.dispatch({ type: "check-failed" });
    if (error instanceof CheckTimeout) {
      this.setState("timeout", this.say("restarting", { seconds: timeout / 1000 }));
    } else if (error instanceof RuntimeFailed) {
      this.setState("error", this.loadFailure(error));
    } else if (error instanceof CheckFailed) {
      this.setState("error", this.say("check_failed", { detail: error.message }));
    } else {
      throw error;
    }
    this.moveFocus();
    this.container.dispatchEvent(new CustomEvent("patch-checker:failed", {
      bubbles: true,
      detail: { state: this.container.dataset.state, message: this.status.textContent },
    }));
  }

  moveFocus() {
    if (this.state.focusResult) {
      this.dispatch({ type: "focus-moved" });
      this.status.focus();
    }
  }

  async show(result, ms, text, files) {
    const lines = text.split("\n");
    const offsets = new Map(files.map((file) => [file.name, file.offset]));
    const several = files.length > 1;
    this.clearResults();
    this.results.setAttribute("aria-busy", "true");
    const { shown: drawn, reminders } = foldReminders(result, this.reminderRules);
    const context = {
      messages: this.messages,
      lang: this.lang,
      sections: this.sections,
      contentRoot: document.documentElement.dataset.content_root ?? "",
      showSources: several || files[0].name !== PASTED,
      // A line of a finding without a file (about the whole series) is in
      // the box only when the box holds one file.
      lineOf: (source, line) => {
        if (source === null && several) {
          return null;
        }
        return (offsets.get(source) ?? 0) + line;
      },
      lineText: (line) => unfoldedLine(lines, line),
      selectLine: (line) => this.selectLine(line),
      fixOne: (rule, line) => this.fix([rule, line]),
    };
    this.drawing = renderResults(this.results, drawn, context);
    this.results.prepend(renderSummary(drawn, reminders, patchTitles(drawn.patches, this.messages), {
      ...context,
      uid: this.container.id,
      results: this.results,
      sectionLink: (item) => sectionLink(item, context),
    }));
    const complete = await this.drawing.done;
    if (!complete) {
      return;
    }
    this.drawing = null;
    anchorPatches(this.results, this.container.id);
    this.results.setAttribute("aria-busy", "false");
    this.fixButton.hidden = !hasFixable(result);
    const shown = Math.max(1, Math.round(ms));
    const summary = summaryLine(result, this.messages, this.lang);
    const done = this.say("done", { ms: shown, summary });
    this.container.dataset.checkMs = String(ms);
    const { notice } = this.state;
    this.setState("done", notice ? `${notice} ${done}` : done);
    this.dispatch({ type: "check-done" });
    this.moveFocus();
    this.container.dispatchEvent(new CustomEvent("patch-checker:done", {
      bubbles: true,
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
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(start, start + lines[index].length);
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, index * lineHeight - textarea.clientHeight / 3);
    textarea.scrollLeft = 0;
    // The box itself into view, clear of the theme's "Back to top" pill
    // (its scroll-margin, patch-checker.css).
    textarea.scrollIntoView({ block: "nearest" });
  }
}

function hasFixable(result) {
  // Every finding belongs to a patch (series.findings is always empty).
  return result.patches.some((patch) => patch.findings.some((finding) => finding.fixable === true));
}

// Starts every `.patch-checker` under `root` (the page's document, from
// start.js); call it once.  Importing this module does nothing by itself.
export function init(root) {
  const checkers = Array.from(root.querySelectorAll(".patch-checker"),
    (container, index) => new Checker(container, index));
  // A share link opens in the page's first checker.
  const openSharedLink = () => {
    if (checkers.length > 0 && isShareHash(location.hash)) {
      checkers[0].openShared(location.hash);
    }
  };
  openSharedLink();
  window.addEventListener("hashchange", openSharedLink);
  // One runtime serves every checker: the first one starts it.
  startWhenIdle(checkers.map((checker) => checker.container), () => checkers[0].warmUp());
}
