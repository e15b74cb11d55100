import assert from "node:assert/strict";
import { test } from "node:test";

import { initialState, reduce } from "../state.js";

const FILES = [{ name: "0001.patch", bytes: new Uint8Array([43]), offset: 0 }];
const LOADED = { text: "+\n", files: FILES };
const BEFORE = { text: "old\n", loaded: LOADED };

/** The initial state with some fields changed. */
function state(changes = {}) {
  return { ...initialState(), ...changes };
}

test("the initial state remembers nothing and runs nothing", () => {
  assert.deepEqual(initialState(), {
    loaded: null, previous: null, beforeFix: null, notice: "", busy: false,
    warming: false, again: false, focusResult: false, applying: false,
  });
  // A fresh object each time: one checker's state is not another's.
  assert.notEqual(initialState(), initialState());
});

test("the reader's edit forgets Restore, Undo and files the box no longer shows", () => {
  const before = state({ loaded: LOADED, previous: "mine", beforeFix: BEFORE, notice: "n" });
  assert.deepEqual(reduce(before, { type: "input", text: "+\nmore" }),
    state({ notice: "n" }));
  // The same text (an edit undone by hand): still the files' bytes.
  assert.deepEqual(reduce(before, { type: "input", text: "+\n" }),
    state({ loaded: LOADED, notice: "n" }));
  assert.deepEqual(before.previous, "mine", "the old state is left as it was");
});

test("the page's own edit of the box is not the reader typing", () => {
  const applying = state({ loaded: LOADED, beforeFix: BEFORE, applying: true });
  assert.equal(reduce(applying, { type: "input", text: "other" }), applying);
});

test("clearing the box forgets files, Restore and Undo", () => {
  assert.deepEqual(
    reduce(state({ loaded: LOADED, previous: "p", beforeFix: BEFORE, busy: true }),
      { type: "forget" }),
    state({ busy: true }));
});

test("replaced text keeps what the box held, unless blank or the same", () => {
  const start = state({ loaded: LOADED, beforeFix: BEFORE });
  assert.deepEqual(reduce(start, { type: "replaced", previous: "mine\n", text: "new\n" }),
    state({ previous: "mine\n" }));
  assert.deepEqual(reduce(start, { type: "replaced", previous: " \n", text: "new\n" }),
    state());
  assert.deepEqual(reduce(start, { type: "replaced", previous: "same", text: "same" }),
    state());
});

test("files read from disk are remembered with the text they show", () => {
  assert.deepEqual(reduce(state({ previous: "p" }), { type: "files-loaded", loaded: LOADED }),
    state({ previous: "p", loaded: LOADED }));
});

test("Restore forgets the previous text and the files", () => {
  assert.deepEqual(
    reduce(state({ loaded: LOADED, previous: "p", beforeFix: BEFORE }), { type: "restore" }),
    state({ beforeFix: BEFORE }));
});

test("warming up starts and ends", () => {
  assert.deepEqual(reduce(state(), { type: "warm-start" }), state({ warming: true }));
  assert.deepEqual(reduce(state({ warming: true }), { type: "warm-end" }), state());
});

test("a check asked for while busy runs once more afterwards", () => {
  assert.deepEqual(reduce(state(), { type: "check-requested", focus: false }), state());
  assert.deepEqual(reduce(state(), { type: "check-requested", focus: true }),
    state({ focusResult: true }));
  assert.deepEqual(reduce(state({ busy: true }), { type: "check-requested", focus: false }),
    state({ busy: true, again: true }));
  // A pause in typing does not take back focus a button asked for.
  assert.deepEqual(
    reduce(state({ busy: true, again: true, focusResult: true }),
      { type: "check-requested", focus: false }),
    state({ busy: true, again: true, focusResult: true }));
  assert.deepEqual(reduce(state({ again: true }), { type: "recheck" }), state());
});

test("work starts and ends", () => {
  assert.deepEqual(reduce(state(), { type: "work-start" }), state({ busy: true }));
  assert.deepEqual(reduce(state({ busy: true, again: true }), { type: "work-end" }),
    state({ again: true }));
});

test("focus moves once", () => {
  assert.deepEqual(reduce(state({ focusResult: true }), { type: "focus-moved" }), state());
});

test("a notice waits for the next result and goes with it", () => {
  assert.deepEqual(reduce(state(), { type: "notice", notice: "Nothing to fix." }),
    state({ notice: "Nothing to fix." }));
  assert.deepEqual(reduce(state({ notice: "n", busy: true }), { type: "check-done" }),
    state({ busy: true }));
  assert.deepEqual(reduce(state({ notice: "n" }), { type: "check-failed" }), state());
});

test("Fix keeps what Undo brings back, files included", () => {
  assert.deepEqual(
    reduce(state({ loaded: LOADED, previous: "p" }),
      { type: "fix-applied", before: BEFORE, notice: "Fixed 2 findings." }),
    state({ previous: "p", beforeFix: BEFORE, notice: "Fixed 2 findings." }));
});

test("Undo brings back the files and forgets the fix", () => {
  assert.deepEqual(reduce(state({ beforeFix: BEFORE, notice: "n" }), { type: "undo" }),
    state({ loaded: LOADED, notice: "n" }));
  const nothing = state();
  assert.equal(reduce(nothing, { type: "undo" }), nothing);
});

test("the page's own edits start and end", () => {
  assert.deepEqual(reduce(state(), { type: "apply-start" }), state({ applying: true }));
  assert.deepEqual(reduce(state({ applying: true }), { type: "apply-end" }), state());
});
