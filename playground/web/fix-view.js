// What Fix did, shown under the status line: the change as a unified diff
// (spaces and tabs made visible, since many fixes are white space), the
// fixed patches to copy or download under their own file names, and one
// line on how to apply them.

import { clearDownloads, downloadLink } from "./save-file.js";

// How white space is drawn in the diff's changed lines.
const SHOWN = { " ": "·", "\t": "→", "\r": "␍" };
const WHITE = /[ \t\r]+/g;

function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

// A changed line with its white space drawn: each run of it in its own
// span, spaces as ·, tabs as →, carriage returns as ␍.
function visibleLine(line) {
  const node = element("span", "patch-checker-diff-line");
  let last = 0;
  for (const match of line.matchAll(WHITE)) {
    node.append(line.slice(last, match.index));
    const white = element("span", "patch-checker-ws",
      Array.from(match[0], (char) => SHOWN[char]).join(""));
    white.dataset.ws = match[0].replace(/\t/g, "\\t").replace(/\r/g, "\\r");
    node.append(white);
    last = match.index + match[0].length;
  }
  node.append(line.slice(last));
  return node;
}

function diffLine(line) {
  const kind = line.startsWith("+++") || line.startsWith("---") ? "file"
    : line.startsWith("@@") ? "hunk"
      : line.startsWith("+") ? "added"
        : line.startsWith("-") ? "removed" : "context";
  const node = kind === "added" || kind === "removed"
    ? visibleLine(line) : element("span", "patch-checker-diff-line", line);
  node.dataset.kind = kind;
  return node;
}

export class FixView {
  // anchor: the element the view follows; say(key, values) → text in the
  // page's language; tell(text): put text in the status line.
  constructor(anchor, say, tell) {
    this.say = say;
    this.tell = tell;
    this.node = element("section", "patch-checker-fix-view");
    this.node.hidden = true;
    this.node.setAttribute("aria-label", say("fix_view_title"));
    anchor.after(this.node);
  }

  // report: {text, diff, patches: [{name, text}]} from kvmcheck.fix.fix_report;
  // names: the file names to offer instead (the files the reader opened).
  show(report, names) {
    clearDownloads(this.node);
    const title = element("p", "patch-checker-group-title", this.say("fix_view_title"));
    const legend = element("p", "patch-checker-fix-legend", this.say("fix_whitespace"));
    const diff = element("pre", "patch-checker-diff");
    // A scrolling region must be reachable and named for keyboard readers.
    diff.tabIndex = 0;
    diff.setAttribute("aria-label", this.say("fix_view_title"));
    const lines = report.diff.split("\n");
    lines.forEach((line, index) => {
      diff.append(diffLine(line));
      if (index < lines.length - 1) {
        diff.append("\n");
      }
    });
    const actions = element("div", "patch-checker-fix-actions");
    const copy = element("button", "", this.say("fix_copy"));
    copy.type = "button";
    copy.dataset.action = "copy-fixed";
    copy.addEventListener("click", () => this.copy(report.text));
    actions.append(copy);
    const ownNames = names && names.length === report.patches.length;
    report.patches.forEach((patch, index) => {
      const name = ownNames ? names[index] : patch.name;
      actions.append(" ", downloadLink(name, patch.text, this.say("fix_download", { name })));
    });
    const apply = element("p", "patch-checker-fix-apply", this.say("fix_apply"));
    this.node.replaceChildren(title, legend, diff, actions, apply);
    this.node.hidden = false;
  }

  hide() {
    clearDownloads(this.node);
    this.node.hidden = true;
  }

  async copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      this.tell(this.say("fix_copied"));
    } catch {
      this.tell(this.say("fix_copy_failed"));
    }
  }
}
