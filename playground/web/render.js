// Turns a kvmcheck result (JSON schema v1) into the checker's results.
// Everything that comes from the input (subjects, file names, excerpts) or
// from the checker is set with textContent, never parsed as HTML, and links
// are built only from section ids of the form "page#fragment".

const SECTION = /^([a-z0-9-]+)#([a-z0-9-]+)$/;
const EXCERPT_MAX = 160;

// "Done in {ms} ms" → "Done in 12 ms".
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    name in values ? String(values[name]) : whole,
  );
}

function plural(messages, lang, key, n) {
  const forms = messages[key];
  const form = new Intl.PluralRules(lang.replace("_", "-")).select(n);
  return format(forms[form] ?? forms.other, { n });
}

export function summaryText(summary, messages, lang) {
  return format(messages.summary, {
    patches: plural(messages, lang, "patches", summary.patches),
    errors: plural(messages, lang, "errors", summary.error),
    warnings: plural(messages, lang, "warnings", summary.warning),
    infos: plural(messages, lang, "infos", summary.info),
  });
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

// context: {messages, lang, sections (page#fragment → title), contentRoot,
//           lineOf(source, line) → line in the text box, lineText(n),
//           selectLine(n)}
function sectionLink(section, context) {
  const match = SECTION.exec(section || "");
  if (!match) {
    return null;
  }
  const [, page, fragment] = match;
  const link = element("a", "patch-checker-section");
  link.href = `${context.contentRoot}handbook/${context.lang}/${page}.html#${fragment}`;
  link.textContent = format(context.messages.handbook, {
    title: context.sections[section] ?? section,
  });
  return link;
}

function renderFinding(finding, source, context) {
  const { messages } = context;
  const item = element("li", "patch-checker-finding");
  item.dataset.rule = finding.rule;
  item.dataset.severity = finding.severity;
  const head = element("div", "patch-checker-finding-head");
  const badge = element("span", "patch-checker-badge",
    messages.severity[finding.severity] ?? finding.severity);
  badge.dataset.severity = finding.severity;
  head.append(badge, " ", element("code", "patch-checker-rule", finding.rule));
  item.append(head, element("p", "patch-checker-message", finding.message));
  if (Number.isInteger(finding.line)) {
    item.dataset.line = String(finding.line);
    const line = context.lineOf(source, finding.line);
    const where = element("div", "patch-checker-where");
    const button = element("button", "patch-checker-line",
      format(messages.line, { line: finding.line }));
    button.type = "button";
    button.title = format(messages.line_title, { line });
    button.addEventListener("click", () => context.selectLine(line));
    const excerpt = context.lineText(line);
    where.append(button);
    if (excerpt !== undefined) {
      const shown = excerpt.length > EXCERPT_MAX ? `${excerpt.slice(0, EXCERPT_MAX)}…` : excerpt;
      where.append(" ", element("code", "patch-checker-excerpt", shown));
    }
    item.append(where);
  }
  const link = sectionLink(finding.section, context);
  if (link) {
    item.append(link);
  }
  return item;
}

function renderFindings(findings, source, context) {
  if (findings.length === 0) {
    return element("p", "patch-checker-clean", context.messages.no_findings);
  }
  const list = element("ul", "patch-checker-findings");
  for (const finding of findings) {
    list.append(renderFinding(finding, source, context));
  }
  return list;
}

function group(className, title, label) {
  const section = element("section", className);
  section.setAttribute("aria-label", label ?? title);
  section.append(element("p", "patch-checker-group-title", title));
  return section;
}

function renderPatch(patch, context) {
  const title = format(context.messages.patch_title, { index: patch.index, total: patch.total });
  const subject = patch.subject ? `${title}: ${patch.subject}` : title;
  const section = group("patch-checker-patch", title, subject);
  section.dataset.patch = String(patch.index);
  section.dataset.source = patch.source;
  if (patch.subject) {
    section.append(element("p", "patch-checker-subject", patch.subject));
  }
  if (context.showSources) {
    section.append(element("p", "patch-checker-source", patch.source));
  }
  section.append(renderFindings(patch.findings, patch.source, context));
  return section;
}

function renderChecklist(items, context) {
  const section = group("patch-checker-checklist", context.messages.checklist_title);
  const list = element("ul");
  for (const entry of items) {
    const item = element("li", null, entry.item);
    item.dataset.item = entry.id ?? "";
    const link = sectionLink(entry.section, context);
    if (link) {
      item.append(" ", link);
    }
    list.append(item);
  }
  section.append(list);
  return section;
}

export function renderResults(target, result, context) {
  const fragment = document.createDocumentFragment();
  for (const patch of result.patches) {
    fragment.append(renderPatch(patch, context));
  }
  if (result.series.findings.length > 0) {
    const series = group("patch-checker-series", context.messages.series_title);
    series.append(renderFindings(result.series.findings, null, context));
    fragment.append(series);
  }
  if (result.series.checklist.length > 0) {
    fragment.append(renderChecklist(result.series.checklist, context));
  }
  const summary = element("p", "patch-checker-summary",
    summaryText(result.summary, context.messages, context.lang));
  fragment.append(summary);
  target.replaceChildren(fragment);
}
