// @ts-check
// What one checker remembers between the reader's actions, and every change
// to it, as one pure function: reduce(state, event) returns a new state and
// touches neither the page nor the runtime.  patch-checker.js dispatches
// the events and draws the page (Restore and Undo buttons) from the result.

/**
 * @typedef {{name: string, bytes: Uint8Array, offset: number}} File
 * @typedef {{text: string, files: File[]}} Loaded
 * @typedef {{text: string, loaded: Loaded | null}} Before
 * @typedef {{
 *   loaded: Loaded | null,
 *   previous: string | null,
 *   beforeFix: Before | null,
 *   notice: string,
 *   busy: boolean,
 *   warming: boolean,
 *   again: boolean,
 *   focusResult: boolean,
 *   applying: boolean,
 * }} State
 * @typedef {{type: "input", text: string}
 *   | {type: "forget"}
 *   | {type: "replaced", previous: string, text: string}
 *   | {type: "files-loaded", loaded: Loaded}
 *   | {type: "restore"}
 *   | {type: "warm-start"}
 *   | {type: "warm-end"}
 *   | {type: "check-requested", focus: boolean}
 *   | {type: "work-start"}
 *   | {type: "work-end"}
 *   | {type: "recheck"}
 *   | {type: "focus-moved"}
 *   | {type: "notice", notice: string}
 *   | {type: "fix-applied", before: Before, notice: string}
 *   | {type: "undo"}
 *   | {type: "apply-start"}
 *   | {type: "apply-end"}
 *   | {type: "check-failed"}
 *   | {type: "check-done"}} Event
 */

/** @returns {State} */
export function initialState() {
  return {
    // Files as read from disk, while the text box still shows them unedited:
    // kvmcheck then gets the very bytes the command line would.
    loaded: null,
    // The box's text before files or a link replaced it, until the reader edits.
    previous: null,
    // The box (text and files) before Fix replaced it, until the reader edits.
    beforeFix: null,
    // Said before the next result's summary ("Fixed 3 findings.").
    notice: "",
    // A check or a fix is running in the worker.
    busy: false,
    // Python is loading in the background, before any check asked for it.
    warming: false,
    // A check was asked for while busy: run one more when this one ends.
    again: false,
    // The reader asked for the pending check: focus moves to its outcome.
    focusResult: false,
    // The page itself edits the box (Fix, Undo): not the reader typing.
    applying: false,
  };
}

/**
 * @param {State} state
 * @param {Event} event
 * @returns {State}
 */
export function reduce(state, event) {
  switch (event.type) {
    case "input":
      // The reader changed the box: what Restore and Undo would bring back
      // is no longer what they have.
      if (state.applying) {
        return state;
      }
      return {
        ...state,
        loaded: state.loaded && state.loaded.text === event.text ? state.loaded : null,
        previous: null,
        beforeFix: null,
      };
    case "forget":
      // The box was cleared (storage.js's Clear).
      return { ...state, loaded: null, previous: null, beforeFix: null };
    case "replaced":
      // Other text in the box (files, a share link): what it held before
      // stays one click away, unless it was blank or the same.
      return {
        ...state,
        loaded: null,
        previous: event.previous.trim() && event.previous !== event.text ? event.previous : null,
        beforeFix: null,
      };
    case "files-loaded":
      return { ...state, loaded: event.loaded };
    case "restore":
      return { ...state, loaded: null, previous: null };
    case "warm-start":
      return { ...state, warming: true };
    case "warm-end":
      return { ...state, warming: false };
    case "check-requested":
      return {
        ...state,
        focusResult: state.focusResult || event.focus,
        again: state.again || state.busy,
      };
    case "work-start":
      return { ...state, busy: true };
    case "work-end":
      return { ...state, busy: false };
    case "recheck":
      return { ...state, again: false };
    case "focus-moved":
      return { ...state, focusResult: false };
    case "notice":
      return { ...state, notice: event.notice };
    case "fix-applied":
      return { ...state, loaded: null, beforeFix: event.before, notice: event.notice };
    case "undo":
      if (state.beforeFix === null) {
        return state;
      }
      return { ...state, loaded: state.beforeFix.loaded, beforeFix: null };
    case "apply-start":
      return { ...state, applying: true };
    case "apply-end":
      return { ...state, applying: false };
    case "check-failed":
    case "check-done":
      // The notice was said (or is moot): the next result starts afresh.
      return { ...state, notice: "" };
  }
}
