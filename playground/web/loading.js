// Loading Python, as the reader sees it: a progress bar of the bytes
// downloaded (role=progressbar, with aria-valuenow out of aria-valuemax),
// a Retry button once loading failed, and the start itself, which waits
// until the page has painted, is idle and shows a checker, so that the
// download neither slows the page down nor happens for a checker far below
// that the reader never scrolls to.

import { format } from "./render.js";

const PROGRESS = "patch-checker:progress";

// The runtime is shared by every checker of the page: its progress goes to
// all of them.
export function announceProgress(loaded, total) {
  document.dispatchEvent(new CustomEvent(PROGRESS, { detail: { loaded, total } }));
}

// Call start() once a checker is on screen and the browser is idle after
// the first paint; never on a connection that asks to save data.
export function startWhenIdle(containers, start) {
  if (containers.length === 0 || navigator.connection?.saveData) {
    return;
  }
  const idle = window.requestIdleCallback
    ?? ((callback) => setTimeout(callback, 200));
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      requestAnimationFrame(() => idle(start, { timeout: 2000 }));
    }
  });
  for (const container of containers) {
    observer.observe(container);
  }
}

export class LoadingView {
  // retry(): load again (the Retry button).
  constructor(container, messages, lang, retry) {
    this.messages = messages;
    this.number = new Intl.NumberFormat(lang.replace("_", "-"),
      { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    this.retryable = false;

    this.panel = document.createElement("div");
    this.panel.className = "patch-checker-loading";
    this.panel.hidden = true;
    this.bar = document.createElement("div");
    this.bar.className = "patch-checker-progress";
    this.bar.setAttribute("role", "progressbar");
    this.bar.setAttribute("aria-label", messages.progress_label);
    this.bar.setAttribute("aria-valuemin", "0");
    this.fill = document.createElement("div");
    this.fill.className = "patch-checker-progress-fill";
    this.bar.append(this.fill);
    this.text = document.createElement("span");
    this.text.className = "patch-checker-progress-text";
    this.panel.append(this.bar, this.text);

    this.retryButton = document.createElement("button");
    this.retryButton.type = "button";
    this.retryButton.dataset.action = "retry";
    this.retryButton.textContent = messages.retry;
    this.retryButton.hidden = true;
    this.retryButton.addEventListener("click", retry);

    const status = container.querySelector(".patch-checker-status");
    status.before(this.panel);
    status.after(this.retryButton);
    this.progress(0, 0);
    document.addEventListener(PROGRESS, (event) =>
      this.progress(event.detail.loaded, event.detail.total));
  }

  progress(loaded, total) {
    const mb = (bytes) => this.number.format(bytes / 1e6);
    this.bar.setAttribute("aria-valuemax", String(total));
    this.bar.setAttribute("aria-valuenow", String(loaded));
    const words = total > 0 && loaded >= total
      ? format(this.messages.progress_starting, { total: mb(total) })
      : format(this.messages.progress, { loaded: mb(loaded), total: mb(total) });
    this.bar.setAttribute("aria-valuetext", words);
    this.text.textContent = words;
    this.fill.style.width = `${total > 0 ? Math.min(100, (100 * loaded) / total) : 0}%`;
  }

  // Loading failed: the error state that follows offers Retry.
  failed() {
    this.retryable = true;
  }

  // Follows the checker's data-state.
  state(state) {
    this.panel.hidden = state !== "loading";
    if (state !== "error") {
      this.retryable = false;
    }
    this.retryButton.hidden = !(state === "error" && this.retryable);
  }
}
