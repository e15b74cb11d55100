// @ts-check
// The overview above a check's findings, for triage: how many patches
// (the cover letter is not one), each patch's counts by severity with a
// link to its findings, a filter by severity, and the reminders that apply
// to every posting folded into one line instead of repeated per patch.

import { element, format, plural } from "./render.js";

const SEVERITIES = ["error", "warning", "info"];
const PLURAL_KEY = { error: "errors", warning: "warnings", info: "infos" };

// The result without the reminders, which come back as
// [{rule, severity, message, section, url, count}] in the order first seen.
// reminderRules: the info rules about the posting as a whole that nearly
// every real posting draws (kvmcheck.rules.REMINDERS, in the page's
// data-reminders), said once in the reminders line, not under each patch.
export function foldReminders(result, reminderRules) {
  const reminders = new Map();
  const patches = result.patches.map((patch) => ({
    ...patch,
    findings: patch.findings.filter((finding) => {
      if (!reminderRules.has(finding.rule) || finding.severity !== "info") {
        return true;
      }
      const seen = reminders.get(finding.rule);
      if (seen) {
        seen.count += 1;
      } else {
        reminders.set(finding.rule, { ...finding, count: 1 });
      }
      return false;
    }),
  }));
  return { shown: { ...result, patches }, reminders: [...reminders.values()] };
}

function patchCount(result, messages, lang) {
  const patches = result.patches.filter((patch) => !patch.cover_letter).length;
  const counted = plural(messages, lang, "patches", patches);
  return result.patches.some((patch) => patch.cover_letter)
    ? format(messages.with_cover_letter, { patches: counted })
    : counted;
}

// "2 patches and a cover letter, 3 errors, 1 warning, 4 info".
export function summaryLine(result, messages, lang) {
  return format(messages.summary, {
    patches: patchCount(result, messages, lang),
    errors: plural(messages, lang, "errors", result.summary.error),
    warnings: plural(messages, lang, "warnings", result.summary.warning),
    infos: plural(messages, lang, "infos", result.summary.info),
  });
}

function counts(findings, messages, lang) {
  return SEVERITIES.map((severity) => plural(messages, lang, PLURAL_KEY[severity],
    findings.filter((finding) => finding.severity === severity).length)).join(", ");
}

// The overview for `shown` (the result with the reminders folded away).
// titles: each patch's title ("Cover letter", "Patch 1/2"); uid: the
// checker's id, which the patches' anchors start with.
export function renderSummary(shown, reminders, titles, context) {
  const { messages, lang } = context;
  const nav = element("nav", "patch-checker-summary");
  nav.setAttribute("aria-label", messages.summary_title);
  if (shown.patches.length > 1) {
    const list = element("ul", "patch-checker-summary-patches");
    for (const [index, patch] of shown.patches.entries()) {
      const item = element("li");
      item.dataset.patch = String(patch.index);
      const link = element("a", null, patch.subject
        ? `${titles[index]}: ${patch.subject}` : titles[index]);
      link.href = `#${context.uid}-patch-${patch.index}`;
      // To the patch's findings without touching the page's address (its
      // fragment may be a share link).
      link.addEventListener("click", (event) => {
        const target = document.getElementById(link.hash.slice(1));
        if (target) {
          event.preventDefault();
          target.focus({ preventScroll: true });
          target.scrollIntoView({ block: "start" });
        }
      });
      item.append(link, " ", element("span", "patch-checker-summary-counts",
        counts(patch.findings, messages, lang)));
      list.append(item);
    }
    nav.append(list);
  }
  nav.append(renderFilter(context));
  if (reminders.length > 0) {
    nav.append(renderReminders(reminders, context));
  }
  return nav;
}

// One checkbox per severity; unticking hides that severity's findings.
function renderFilter(context) {
  const { messages } = context;
  const fieldset = element("fieldset", "patch-checker-filter");
  fieldset.append(element("legend", null, messages.filter_title));
  for (const severity of SEVERITIES) {
    const label = element("label");
    const box = element("input");
    box.type = "checkbox";
    // A re-check keeps the reader's choice.
    box.checked = !context.results.classList.contains(`patch-checker-hide-${severity}`);
    box.dataset.filter = severity;
    box.addEventListener("change", () => {
      context.results.classList.toggle(`patch-checker-hide-${severity}`, !box.checked);
    });
    label.append(box, " ", messages.filter[severity]);
    fieldset.append(label, " ");
  }
  return fieldset;
}

// "Reminders for every posting: base-commit-missing (3 patches), …", which
// opens to the messages and their handbook sections.
function renderReminders(reminders, context) {
  const { messages, lang } = context;
  const details = element("details", "patch-checker-reminders");
  const names = reminders.map((reminder) => reminder.count > 1
    ? `${reminder.rule} (${plural(messages, lang, "patches", reminder.count)})`
    : reminder.rule);
  details.append(element("summary", null,
    format(messages.reminders, { rules: names.join(", ") })));
  const list = element("ul");
  for (const reminder of reminders) {
    const item = element("li", null, reminder.message);
    item.dataset.reminder = reminder.rule;
    item.dataset.count = String(reminder.count);
    const link = context.sectionLink(reminder);
    if (link) {
      item.append(" ", link);
    }
    list.append(item);
  }
  details.append(list);
  return details;
}

// Once the findings are drawn: each patch's section gets the id its
// summary link points at.
export function anchorPatches(results, uid) {
  for (const section of results.querySelectorAll(".patch-checker-patch[data-patch]")) {
    section.id = `${uid}-patch-${section.dataset.patch}`;
    section.tabIndex = -1;
  }
}
