// A tick box before each section of a page (section_ticks.py).
// Ticks stay in this browser (localStorage), shared by every language:
// the key is the page name and the section id, which are the same in each
// (the key's "checklist" predates this script's name; kept so that readers'
// ticks survive).
(() => {
  "use strict";
  const page = location.pathname.split("/").pop().replace(/\.html$/, "") || "index";
  const key = (id) => `kvm-handbook:checklist:${page}#${id}`;
  // The page's words, from the site catalog (_ext/messages.json).
  const text = JSON.parse(document.currentScript.dataset.messages);
  const counted = (done, total) =>
    text.count.replace("{done}", done).replace("{total}", total);

  const article = document.querySelector("article") || document.body;
  const sections = [...article.querySelectorAll("section section[id]")];
  if (!sections.length) return;

  const store = {
    get: (id) => { try { return localStorage.getItem(key(id)) === "1"; } catch { return false; } },
    set: (id, on) => {
      try { on ? localStorage.setItem(key(id), "1") : localStorage.removeItem(key(id)); } catch { /* private mode */ }
    },
  };

  const status = document.createElement("span");
  status.setAttribute("aria-live", "polite");
  const boxes = [];
  const refresh = () => {
    const done = boxes.filter((box) => box.checked).length;
    status.textContent = counted(done, boxes.length);
  };

  for (const section of sections) {
    const heading = section.querySelector(":scope > h2, :scope > h3, :scope > h4");
    if (!heading) continue;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.className = "section-tick";
    box.dataset.item = section.id;
    box.setAttribute("aria-label", text.tick + heading.textContent.replace(/[#¶]$/, "").trim());
    box.checked = store.get(section.id);
    section.classList.toggle("section-ticked", box.checked);
    box.addEventListener("change", () => {
      store.set(section.id, box.checked);
      section.classList.toggle("section-ticked", box.checked);
      refresh();
    });
    heading.prepend(box);
    boxes.push(box);
  }

  const reset = document.createElement("button");
  reset.type = "button";
  reset.textContent = text.reset;
  reset.addEventListener("click", () => {
    for (const box of boxes) {
      box.checked = false;
      store.set(box.dataset.item, false);
      box.closest("section").classList.remove("section-ticked");
    }
    refresh();
  });
  const toolbar = document.createElement("div");
  toolbar.className = "section-ticks-toolbar";
  toolbar.append(status, reset);
  const first = sections[0];
  first.parentNode.insertBefore(toolbar, first);
  refresh();
})();
