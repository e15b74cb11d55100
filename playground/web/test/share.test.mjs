import assert from "node:assert/strict";
import { test } from "node:test";

import {
  LinkTooLarge, LinkTooLong, MAX_FRAGMENT_CHARS, PREFIX, ShareError, fragmentOf, isShareHash,
  textOf,
} from "../share.js";

const PATCH = "Subject: [PATCH] KVM: x86: 修复\n\n+\tint x;\n";
// What playground/kvmcheck/share.py's fragment() makes of PATCH.
const FROM_PYTHON = "check=Cy5NykpNLrFSiA5wDHH2iFXwDvO1UqiwMLNSeLJ_3dMlvVxc2pyZeSUKFdZcAA";

test("a fragment opens the same text again", async () => {
  const fragment = await fragmentOf(PATCH);
  assert.ok(fragment.startsWith(PREFIX));
  assert.match(fragment.slice(PREFIX.length), /^[A-Za-z0-9_-]+$/);
  assert.equal(await textOf(`#${fragment}`), PATCH);
  assert.equal(await textOf(`#${await fragmentOf("")}`), "");
});

test("a link made by kvmcheck's share.py opens here", async () => {
  assert.equal(await textOf(`#${FROM_PYTHON}`), PATCH);
});

test("no link is made for text that packs past the limit", async () => {
  // Pseudo-random text barely compresses: its link would pass 32,000 characters.
  let text = "";
  let seed = 1;
  for (let index = 0; index < 40_000; index++) {
    // xorshift32
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    text += String.fromCharCode(33 + ((seed >>> 0) % 90));
  }
  assert.equal(await fragmentOf(text), null);
});

test("isShareHash knows share links and names like them", () => {
  assert.equal(isShareHash("#check=abc"), true);
  assert.equal(isShareHash("#check2=abc"), true);
  assert.equal(isShareHash("#check"), false);
  assert.equal(isShareHash("#section-id"), false);
  assert.equal(isShareHash(""), false);
});

test("textOf refuses links it cannot read, with the reason", async () => {
  await assert.rejects(textOf("#check2=abc"), (error) => error instanceof ShareError
    && error.message === "a link of another format than check=");
  const long = `#${PREFIX}${"A".repeat(MAX_FRAGMENT_CHARS)}`;
  await assert.rejects(textOf(long), (error) => error instanceof LinkTooLong
    && error.message === "the link is longer than 32000 characters");
  await assert.rejects(textOf("#check=a+b/"),
    (error) => error instanceof ShareError && error.message === "not base64url");
  await assert.rejects(textOf("#check=A"),
    (error) => error instanceof ShareError && error.message === "not base64url");
  // Valid base64url, not a DEFLATE stream.
  await assert.rejects(textOf("#check=_____w"),
    (error) => error instanceof ShareError && !(error instanceof LinkTooLong));
  // A stream cut short.
  await assert.rejects(textOf(`#${FROM_PYTHON.slice(0, -10)}`),
    (error) => error instanceof ShareError);
});

test("textOf stops inflating past the limit", async () => {
  const fragment = await fragmentOf("x".repeat(5000));
  await assert.rejects(textOf(`#${fragment}`, 4096), (error) => error instanceof LinkTooLarge);
  assert.equal((await textOf(`#${fragment}`, 5000)).length, 5000);
});

test("textOf refuses bytes that are not UTF-8", async () => {
  // "\xff" deflated raw (stored block): 01 01 00 fe ff ff.
  await assert.rejects(textOf("#check=AQEA_v__"),
    (error) => error instanceof ShareError && !(error instanceof LinkTooLarge));
});
