// Files the reader takes away (fixed patches, a series too large for a
// link), made in the browser from text it already holds: nothing is sent.

// A link that saves `text` as a file called `name`.
export function downloadLink(name, text, label) {
  const link = document.createElement("a");
  link.className = "patch-checker-download";
  link.href = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  link.download = name;
  link.textContent = label;
  return link;
}

// Empty `node`, releasing the files its links held.
export function clearDownloads(node) {
  for (const link of node.querySelectorAll("a[download]")) {
    URL.revokeObjectURL(link.href);
  }
  node.replaceChildren();
}

// One paragraph after `anchor` that offers a single file, or nothing.
export class DownloadOffer {
  constructor(anchor) {
    this.node = document.createElement("p");
    this.node.className = "patch-checker-offer";
    // Read out when it appears, as the status line is.
    this.node.setAttribute("role", "status");
    this.node.hidden = true;
    anchor.after(this.node);
  }

  // `why`: the sentence that goes before the link, if any.
  show(name, text, label, why = "") {
    clearDownloads(this.node);
    if (why) {
      this.node.append(`${why} `);
    }
    this.node.append(downloadLink(name, text, label));
    this.node.hidden = false;
  }

  hide() {
    clearDownloads(this.node);
    this.node.hidden = true;
  }
}
