import assert from "node:assert/strict";
import { test } from "node:test";

import { textOfBytes } from "../file-text.js";
import { isBinary, unfoldedLine } from "../input-check.js";

const bytes = (...values) => Uint8Array.from(values);
const utf8 = (text) => new TextEncoder().encode(text);

test("isBinary refuses images and NUL bytes, keeps text of any encoding", () => {
  // A PNG's signature and header start.
  assert.equal(isBinary(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)), true);
  assert.equal(isBinary(utf8("diff --git a/x b/x\n+\tint 中;\n")), false);
  assert.equal(isBinary(utf8("a\0b")), true);
  // UTF-16 has NUL bytes, yet is text.
  assert.equal(isBinary(bytes(0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00)), false);
  // Latin-1 (not UTF-8): é is a character, not a control.
  assert.equal(isBinary(bytes(0x63, 0x61, 0x66, 0xe9, 0x0a)), false);
});

test("isBinary counts control characters against a 1% share", () => {
  const text = (controls) => {
    const data = new Uint8Array(1000).fill(0x61);
    data.fill(0x1b, 0, controls);
    return data;
  };
  assert.equal(isBinary(text(10)), false);
  assert.equal(isBinary(text(11)), true);
  // In Latin-1 text, C1 controls (0x80–0x9f) count too.
  const legacy = new Uint8Array(1000).fill(0x61);
  legacy.fill(0x85, 0, 11);
  assert.equal(isBinary(legacy), true);
});

test("unfoldedLine joins a folded Subject: header, nothing else", () => {
  const lines = ["From: A <a@example.org>", "Subject: [PATCH] KVM: x86: a long",
    " subject line", "\tthat goes on", "Date: today", "", "body", " indented"];
  assert.equal(unfoldedLine(lines, 2), "Subject: [PATCH] KVM: x86: a long subject line that goes on");
  assert.equal(unfoldedLine(lines, 1), "From: A <a@example.org>");
  assert.equal(unfoldedLine(lines, 7), "body");
  assert.equal(unfoldedLine(lines, 9), undefined);
  assert.equal(unfoldedLine(["subject: short", "next"], 1), "subject: short");
});

test("textOfBytes decodes as kvmcheck's parser does", () => {
  assert.equal(textOfBytes(utf8("补丁\n")), "补丁\n");
  assert.equal(textOfBytes(bytes(0x63, 0x61, 0x66, 0xe9)), "café");
  assert.equal(textOfBytes(bytes(0xff, 0xfe, 0x61, 0x00, 0x75, 0x51)), "a兵");
  assert.equal(textOfBytes(bytes(0xfe, 0xff, 0x00, 0x61, 0x51, 0x75)), "a兵");
  assert.equal(textOfBytes(bytes(0xff, 0xfe, 0, 0, 0x61, 0, 0, 0, 0x00, 0xf6, 0x01, 0)), "a😀");
  assert.equal(textOfBytes(bytes(0, 0, 0xfe, 0xff, 0, 0, 0, 0x61)), "a");
  // A code point past Unicode's range becomes U+FFFD.
  assert.equal(textOfBytes(bytes(0xff, 0xfe, 0, 0, 0, 0, 0x11, 0)), "\ufffd");
  assert.equal(textOfBytes(new Uint8Array(0)), "");
});
