import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { format, plural, visible } from "../render.js";

// The client messages the page hands to the modules (data-messages).
const catalog = JSON.parse(readFileSync(new URL("../messages.json", import.meta.url), "utf-8"));
const en = catalog.en.client;
const zh = catalog.zh_CN.client;

test("format fills named placeholders and keeps unknown ones", () => {
  assert.equal(format(en.done, { ms: 12, summary: "1 patch" }), "Done in 12 ms: 1 patch.");
  assert.equal(format(zh.done, { ms: 12, summary: "1 个补丁" }), "完成，用时 12 毫秒：1 个补丁。");
  assert.equal(format("{a} and {b}", { a: 0 }), "0 and {b}");
  assert.equal(format(en.line, { line: 7 }), "line 7");
  assert.equal(format(zh.line, { line: 7 }), "第 7 行");
});

test("plural picks the language's form and groups digits", () => {
  assert.equal(plural(en, "en", "patches", 1), "1 patch");
  assert.equal(plural(en, "en", "patches", 0), "0 patches");
  assert.equal(plural(en, "en", "errors", 1234), "1,234 errors");
  // No "one" form in the catalog: "other" serves.
  assert.equal(plural(en, "en", "infos", 1), "1 info");
  assert.equal(plural(en, "en", "more_like_this", 1), "and 1 more like this");
  assert.equal(plural(zh, "zh_CN", "patches", 1), "1 个补丁");
  assert.equal(plural(zh, "zh_CN", "warnings", 12345), "12,345 个警告");
  assert.equal(plural(zh, "zh_CN", "more_like_this", 3), "另有 3 条同类问题");
});

test("visible escapes controls, line separators and bidi overrides", () => {
  assert.equal(visible("a\tb"), "a\tb");
  assert.equal(visible("\x1b[31mred\r"), "\\x1b[31mred\\x0d");
  assert.equal(visible("x\u202ey\u2028z\u0085"), "x\\u202ey\\u2028z\\x85");
  assert.equal(visible("中文"), "中文");
});
