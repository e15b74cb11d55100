// Checkboxes for the items of a checklist page (tickable_checklist.py).
// Ticks stay in this browser (localStorage), shared by both languages:
// the key is the page name and the section id, which are the same in each.
(() => {
  "use strict";
  const page = location.pathname.split("/").pop().replace(/\.html$/, "") || "index";
  const key = (id) => `kvm-handbook:checklist:${page}#${id}`;
  const zh = document.documentElement.lang.startsWith("zh");
  const text = zh
    ? { tick: "已检查：", reset: "清除所有勾选", count: (n, t) => `已勾选 ${n} / ${t} 项` }
    : { tick: "Checked: ", reset: "Clear all ticks", count: (n, t) => `${n} of ${t} checked` };

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
    status.textContent = text.count(done, boxes.length);
  };

  for (const section of sections) {
    const heading = section.querySelector(":scope > h2, :scope > h3, :scope > h4");
    if (!heading) continue;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.className = "checklist-tick";
    box.dataset.item = section.id;
    box.setAttribute("aria-label", text.tick + heading.textContent.replace(/[#¶]$/, "").trim());
    box.checked = store.get(section.id);
    section.classList.toggle("checklist-done", box.checked);
    box.addEventListener("change", () => {
      store.set(section.id, box.checked);
      section.classList.toggle("checklist-done", box.checked);
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
      box.closest("section").classList.remove("checklist-done");
    }
    refresh();
  });
  const toolbar = document.createElement("div");
  toolbar.className = "checklist-toolbar";
  toolbar.append(status, reset);
  const first = sections[0];
  first.parentNode.insertBefore(toolbar, first);
  refresh();
})();
