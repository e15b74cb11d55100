import assert from "node:assert/strict";
import { test } from "node:test";

test("importing the controller starts nothing; init does", async () => {
  // Node has no document: work at import time would throw here.
  assert.equal(typeof globalThis.document, "undefined");
  const controller = await import("../patch-checker.js");
  assert.equal(typeof controller.init, "function");
  // init looks for checkers under the root it is given, and only there.
  const asked = [];
  const root = { querySelectorAll: (selector) => { asked.push(selector); return []; } };
  globalThis.window = { addEventListener: () => {} };
  globalThis.location = { hash: "" };
  try {
    controller.init(root);
  } finally {
    delete globalThis.window;
    delete globalThis.location;
  }
  assert.deepEqual(asked, [".patch-checker"]);
});
