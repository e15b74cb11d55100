// A classic script, not a module: browsers refuse module scripts (the rest
// of the front end) on pages opened from file://, so without this the
// checker would claim that JavaScript is off.  Opened from disk, each
// checker says instead how to serve the site, in the page's language; the
// command line alternative stays below it.
(function () {
  "use strict";
  if (location.protocol !== "file:") {
    return;
  }
  for (const container of document.querySelectorAll(".patch-checker")) {
    const messages = JSON.parse(container.dataset.messages);
    const fallback = container.querySelector(".patch-checker-fallback");
    const explanation = fallback.querySelector("p");
    const serve = document.createElement("pre");
    serve.textContent = messages.from_disk_command;
    const cli = document.createElement("p");
    cli.textContent = messages.from_disk_cli;
    explanation.textContent = messages.from_disk;
    explanation.after(serve, cli);
    container.dataset.state = "from-disk";
  }
})();
