import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { foldReminders, summaryLine } from "../summary.js";

// The client messages the page hands to the modules (data-messages).
const catalog = JSON.parse(readFileSync(new URL("../messages.json", import.meta.url), "utf-8"));
const en = catalog.en.client;
const zh = catalog.zh_CN.client;

// As the page's data-reminders lists them (kvmcheck.rules.REMINDERS).
const REMINDERS = new Set(["base-commit-missing", "selftests-missing"]);

const finding = (rule, severity = "info") => ({
  rule, severity, line: 1, message: `${rule} message`, section: "posting#base",
});

const result = {
  patches: [
    { index: 0, cover_letter: true, findings: [finding("base-commit-missing")] },
    { index: 1, cover_letter: false,
      findings: [finding("base-commit-missing"), finding("subject-prefix", "error"),
        finding("selftests-missing")] },
    { index: 2, cover_letter: false,
      findings: [finding("base-commit-missing"), finding("selftests-missing", "warning")] },
  ],
  summary: { error: 1, warning: 1, info: 4 },
};

test("foldReminders takes the info reminders out and counts them", () => {
  const { shown, reminders } = foldReminders(result, REMINDERS);
  assert.deepEqual(shown.patches.map((patch) => patch.findings.map((f) => f.rule)),
    [[], ["subject-prefix"], ["selftests-missing"]]);
  // A reminder rule at another severity than info stays with its patch.
  assert.equal(shown.patches[2].findings[0].severity, "warning");
  assert.deepEqual(reminders.map(({ rule, count }) => [rule, count]),
    [["base-commit-missing", 3], ["selftests-missing", 1]]);
  assert.equal(reminders[0].message, "base-commit-missing message");
  assert.equal(shown.summary, result.summary);
  // The input is left as it was.
  assert.equal(result.patches[1].findings.length, 3);
});

test("summaryLine counts patches without the cover letter, in both languages", () => {
  assert.equal(summaryLine(result, en, "en"),
    "2 patches and a cover letter, 1 error, 1 warning, 4 info");
  assert.equal(summaryLine(result, zh, "zh_CN"),
    "2 个补丁和 1 封封面邮件，1 个错误，1 个警告，4 条提示");
  const single = { patches: [{ index: 1, findings: [] }],
    summary: { error: 0, warning: 2, info: 1 } };
  assert.equal(summaryLine(single, en, "en"), "1 patch, 0 errors, 2 warnings, 1 info");
  assert.equal(summaryLine(single, zh, "zh_CN"), "1 个补丁，0 个错误，2 个警告，1 条提示");
});
