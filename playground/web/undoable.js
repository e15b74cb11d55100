// Replace a text box's text as an edit the box's own undo (Ctrl+Z) can take
// back.  Setting `value` empties the browser's undo stack, or worse, leaves
// it holding an edit that no longer matches the text; inserting through the
// editing commands keeps it whole.  Only the changed span is inserted: a
// fixed patch differs from its original by a few lines, and inserting a
// whole long series that way takes the browser seconds.

// Past this many characters to insert, the text is set directly: the
// checker's own Undo still brings it back.
const INSERT_MAX = 200_000;

// The span of `before` that differs from `after`: {start, end, text}, with
// `text` what replaces before[start:end].
export function changedSpan(before, after) {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) {
    start++;
  }
  let tail = 0;
  while (tail < shorter - start
         && before[before.length - 1 - tail] === after[after.length - 1 - tail]) {
    tail++;
  }
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

// Make `textarea` hold `text`; true when the box's undo stack holds the
// change.  The box fires its usual input event either way.
export function replaceUndoably(textarea, text) {
  const { start, end, text: inserted } = changedSpan(textarea.value, text);
  if (start === end && inserted === "") {
    return true;
  }
  if (inserted.length <= INSERT_MAX) {
    textarea.focus();
    textarea.setSelectionRange(start, end);
    const done = inserted === ""
      ? document.execCommand("delete")
      : document.execCommand("insertText", false, inserted);
    if (done && textarea.value === text) {
      return true;
    }
  }
  textarea.value = text;
  textarea.dispatchEvent(new InputEvent("input", { inputType: "insertReplacementText" }));
  return false;
}
