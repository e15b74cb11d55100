// @ts-check
// Turns a kvmcheck result (JSON schema v1) into the checker's results.
// Everything that comes from the input (subjects, file names, excerpts) or
// from the checker is set with textContent, never parsed as HTML, and a
// link is made only from a handbook address of the form the checker gives
// ("handbook/<lang>/<page>.html#<fragment>", kvmcheck.api.section_url).
//
// A result may hold any number of findings (a generated patch can draw
// hundreds of thousands), so the page stays responsive: a rule's findings
// past the first few in a group are folded into one "and N more like this"
// item that shows more on demand, and drawing runs in short slices between
// which the browser handles input.

const HANDBOOK_URL = /^handbook\/[A-Za-z_]+\/[a-z0-9-]+\.html#[a-z0-9-]+$/;
const EXCERPT_MAX = 160;
// Findings of one rule shown in a group before the rest is folded away.
export const SHOWN_PER_RULE = 5;
// How many more a "show more" press draws.
const MORE_STEP = 100;
// Drawing works this long before it lets the browser handle input.
const SLICE_MS = 12;

// "Done in {ms} ms" → "Done in 12 ms".
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    name in values ? String(values[name]) : whole,
  );
}

// Text from the input shown as the command line shows it (kvmcheck/output.py,
// visible()): controls, line separators and the bidi overrides that would
// reorder the text around them as \xNN or \uNNNN escapes.
// eslint-disable-next-line no-control-regex -- matching controls is the point
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function visible(text) {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

function bcp47(lang) {
  return lang.replace("_", "-");
}

// A message with plural forms ({one, other} per Intl.PluralRules); {n} is
// written with the language's digit grouping.
export function plural(messages, lang, key, n) {
  const forms = messages[key];
  const form = new Intl.PluralRules(bcp47(lang)).select(n);
  return format(forms[form] ?? forms.other, {
    n: new Intl.NumberFormat(bcp47(lang)).format(n),
  });
}

// A `tag` element with a class and text, either of which may be left out.
export function element(tag, className, text) {
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
//           showSources, lineOf(source, line) → line in the text box or null
//           when the source is not in the box, lineText(n), selectLine(n)}
// The link to the handbook section of `item` (a finding, a reminder or a
// checklist entry: its section id and the url the checker made of it in
// the page's language, relative to the site's root).
export function sectionLink({ section, url }, context) {
  if (!section || !HANDBOOK_URL.test(url ?? "")) {
    return null;
  }
  const link = element("a", "patch-checker-section");
  link.href = `${context.contentRoot}${url}`;
  link.textContent = format(context.messages.handbook, {
    title: context.sections[section] ?? section,
  });
  return link;
}

function renderWhere(finding, source, context) {
  const { messages } = context;
  const where = element("div", "patch-checker-where");
  const line = context.lineOf(source, finding.line);
  if (line === null) {
    // Not in the box as one file's line (a series-level finding about
    // several files): say the number, point nowhere.
    where.append(element("span", "patch-checker-line-text",
      format(messages.line, { line: finding.line })));
    return where;
  }
  const button = element("button", "patch-checker-line",
    format(messages.line, { line: finding.line }));
  button.type = "button";
  button.title = format(messages.line_title, { line });
  button.addEventListener("click", () => context.selectLine(line));
  where.append(button);
  if (context.showSources && source) {
    where.append(" ", element("span", "patch-checker-line-source", source));
  }
  const excerpt = context.lineText(line);
  if (excerpt !== undefined) {
    const shown = excerpt.length > EXCERPT_MAX ? `${excerpt.slice(0, EXCERPT_MAX)}…` : excerpt;
    where.append(" ", element("code", "patch-checker-excerpt", visible(shown)));
  }
  return where;
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
  if (finding.fixable === true) {
    head.append(" ", element("span", "patch-checker-fixable", messages.fixable));
    const line = Number.isInteger(finding.line)
      ? context.lineOf(finding.source ?? source, finding.line) : null;
    // context.fixOne(rule, line in the box), when given, fixes just this one.
    if (context.fixOne && line !== null) {
      const button = element("button", "patch-checker-fix-one", messages.fix_one);
      button.type = "button";
      button.addEventListener("click", () => context.fixOne(finding.rule, line));
      head.append(" ", button);
    }
  }
  item.append(head, element("p", "patch-checker-message", visible(finding.message)));
  if (Number.isInteger(finding.line)) {
    item.dataset.line = String(finding.line);
    item.append(renderWhere(finding, finding.source ?? source, context));
  }
  const link = sectionLink(finding, context);
  if (link) {
    item.append(link);
  }
  return item;
}

// The findings in order, each rule's first SHOWN_PER_RULE as they are and
// the rest of that rule as one {rule, rest} entry where the first of them was.
function folded(findings) {
  const seen = new Map();
  const rests = new Map();
  const entries = [];
  for (const finding of findings) {
    const count = (seen.get(finding.rule) ?? 0) + 1;
    seen.set(finding.rule, count);
    if (count <= SHOWN_PER_RULE) {
      entries.push({ finding });
    } else if (count === SHOWN_PER_RULE + 1) {
      const rest = [finding];
      rests.set(finding.rule, rest);
      entries.push({ rule: finding.rule, rest });
    } else {
      rests.get(finding.rule).push(finding);
    }
  }
  return entries;
}

// "and 12,345 more like this [Show 100 more]": each press draws the next
// MORE_STEP before the item and moves focus to the first of them.
function renderMore(rule, rest, source, context) {
  const { messages, lang } = context;
  const item = element("li", "patch-checker-more");
  item.dataset.moreRule = rule;
  const text = element("span", "patch-checker-more-text");
  const button = element("button", "patch-checker-more-button");
  button.type = "button";
  let next = 0;
  const update = () => {
    const left = rest.length - next;
    text.textContent = plural(messages, lang, "more_like_this", left);
    button.textContent = plural(messages, lang, "show_more", Math.min(left, MORE_STEP));
    item.dataset.remaining = String(left);
  };
  button.addEventListener("click", () => {
    const shown = rest.slice(next, next + MORE_STEP).map(
      (finding) => renderFinding(finding, source, context));
    next += shown.length;
    item.before(...shown);
    const first = shown[0];
    if (next >= rest.length) {
      item.remove();
    } else {
      update();
    }
    first.tabIndex = -1;
    first.focus();
  });
  update();
  item.append(text, " ", button);
  return item;
}

function* drawFindings(parent, findings, source, context) {
  if (findings.length === 0) {
    parent.append(element("p", "patch-checker-clean", context.messages.no_findings));
    return;
  }
  const list = element("ul", "patch-checker-findings");
  parent.append(list);
  for (const entry of folded(findings)) {
    list.append(entry.finding
      ? renderFinding(entry.finding, source, context)
      : renderMore(entry.rule, entry.rest, source, context));
    yield;
  }
}

function group(className, title, label) {
  const section = element("section", className);
  section.setAttribute("aria-label", label ?? title);
  section.append(element("p", "patch-checker-group-title", title));
  return section;
}

// "Cover letter", then the patches as 1/N … N/N, N not counting the letter.
export function patchTitles(patches, messages) {
  const total = patches.filter((patch) => !patch.cover_letter).length;
  let number = 0;
  return patches.map((patch) => patch.cover_letter
    ? messages.cover_letter_title
    : format(messages.patch_title, { index: ++number, total }));
}

function* drawPatch(target, patch, title, context) {
  const subject = patch.subject ? `${title}: ${patch.subject}` : title;
  const section = group("patch-checker-patch", title, subject);
  section.dataset.patch = String(patch.index);
  section.dataset.source = patch.source;
  if (patch.cover_letter) {
    section.dataset.coverLetter = "";
  }
  if (patch.subject) {
    section.append(element("p", "patch-checker-subject", visible(patch.subject)));
  }
  if (context.showSources) {
    section.append(element("p", "patch-checker-source", patch.source));
  }
  target.append(section);
  yield* drawFindings(section, patch.findings, patch.source, context);
}

function renderChecklist(items, context) {
  const section = group("patch-checker-checklist", context.messages.checklist_title);
  const list = element("ul");
  for (const entry of items) {
    const item = element("li", null, entry.item);
    item.dataset.item = entry.id ?? "";
    const link = sectionLink(entry, context);
    if (link) {
      item.append(" ", link);
    }
    list.append(item);
  }
  section.append(list);
  return section;
}

function* draw(target, result, context) {
  const titles = patchTitles(result.patches, context.messages);
  for (const [index, patch] of result.patches.entries()) {
    yield* drawPatch(target, patch, titles[index], context);
  }
  if (result.series.checklist.length > 0) {
    target.append(renderChecklist(result.series.checklist, context));
  }
}

// Draw `result` into `target` (emptied first), a slice at a time.  Returns
// {done: Promise<boolean>, cancel()}: done is true once all is drawn, false
// when cancel() (a newer result) stopped it.
export function renderResults(target, result, context) {
  target.replaceChildren();
  const steps = draw(target, result, context);
  let cancelled = false;
  const done = new Promise((resolve) => {
    const slice = () => {
      if (cancelled) {
        resolve(false);
        return;
      }
      const until = performance.now() + SLICE_MS;
      do {
        if (steps.next().done) {
          resolve(true);
          return;
        }
      } while (performance.now() < until);
      setTimeout(slice, 0);
    };
    slice();
  });
  return { done, cancel: () => { cancelled = true; } };
}
