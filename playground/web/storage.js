// Keeps the reader's text on this device, in this browser tab only
// (sessionStorage): a reload, the 中文/English switch, or Back from a
// handbook page brings it back, even when the browser kept no copy of the
// page.  Nothing is sent anywhere; closing the tab forgets it, and a button
// beside the note empties the box and forgets it at once.
//
// The key is the page's file name and the checker's place on the page, not
// the language: handbook/en/playground.html and handbook/zh_CN/playground.html
// share the reader's text.  Text the reader never changed (the page's own
// example) is not kept.

const PREFIX = "kvm-handbook:patch-checker:";
const SAVE_PAUSE_MS = 300;

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    // Storage refused (a sandboxed frame, a browser setting).
    return null;
  }
}

export class KeptText {
  // messages: the checker's client catalog; cleared(): the box was emptied.
  constructor(container, textarea, index, messages, cleared) {
    this.textarea = textarea;
    this.store = storage();
    this.key = `${PREFIX}${location.pathname.split("/").pop() || "index"}:${index}`;
    this.example = textarea.value;
    this.messages = messages;
    this.timer = null;
    this.restored = false;
    if (this.store === null) {
      return;
    }
    this.note = document.createElement("p");
    this.note.className = "patch-checker-kept";
    this.noteText = document.createElement("span");
    this.noteText.textContent = messages.kept;
    const clear = document.createElement("button");
    clear.type = "button";
    clear.dataset.action = "clear";
    clear.textContent = messages.clear;
    clear.addEventListener("click", () => {
      textarea.value = "";
      this.forget();
      this.noteText.textContent = messages.kept_cleared;
      textarea.focus();
      cleared();
    });
    this.note.append(this.noteText, " ", clear);
    container.querySelector(".patch-checker-hint").after(this.note);

    const saved = this.read();
    if (saved !== null && saved !== textarea.value) {
      textarea.value = saved;
      this.restored = true;
      this.noteText.textContent = messages.kept_restored;
    }
    textarea.addEventListener("input", () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.save(), SAVE_PAUSE_MS);
    });
    // Text put in by the page (files, a link, Fix, Undo) is followed by a
    // check; leaving the page saves whatever the box holds.
    container.addEventListener("patch-checker:done", () => this.save());
    container.addEventListener("patch-checker:failed", () => this.save());
    window.addEventListener("pagehide", () => this.save());
  }

  read() {
    try {
      return this.store.getItem(this.key);
    } catch {
      return null;
    }
  }

  save() {
    clearTimeout(this.timer);
    if (this.store === null) {
      return;
    }
    const text = this.textarea.value;
    try {
      if (text === this.example) {
        this.store.removeItem(this.key);
      } else {
        this.store.setItem(this.key, text);
      }
      if (this.noteText.textContent === this.messages.kept_too_large) {
        this.noteText.textContent = this.messages.kept;
      }
    } catch {
      // Over the browser's quota (a few MB): say so, keep what was kept.
      this.noteText.textContent = this.messages.kept_too_large;
    }
  }

  forget() {
    clearTimeout(this.timer);
    try {
      this.store.removeItem(this.key);
    } catch {
      // Nothing kept, nothing to forget.
    }
  }
}
