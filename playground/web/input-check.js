// @ts-check
// What the page checks about input before it touches the text box: a file
// that is not text (an image, an archive) is refused, so the reader's text
// stays; and what a finding's line shows of a folded mail header.
// The tests mirror kvmcheck.parser's: what kvmcheck calls binary, the page
// refuses.

const SAMPLE = 65536;
// Of the sample, more control characters than this share means binary.
const CONTROL_SHARE = 0.01;
// UTF-16 and UTF-32 byte order marks: text with NUL bytes in it.
const BOMS = [[0xff, 0xfe], [0xfe, 0xff], [0x00, 0x00, 0xfe, 0xff]];

function startsWith(bytes, prefix) {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function isControl(code, legacy) {
  if (code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c) {
    return false;
  }
  return code < 0x20 || code === 0x7f || (legacy && code >= 0x80 && code < 0xa0);
}

// Whether `bytes` (a Uint8Array) is binary data rather than text.
export function isBinary(bytes) {
  if (BOMS.some((bom) => startsWith(bytes, bom))) {
    return false;
  }
  if (bytes.includes(0)) {
    return true;
  }
  let legacy = false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    legacy = true; // read as Latin-1, one character a byte, as kvmcheck does
  }
  // Control characters are single bytes in UTF-8 too: count bytes.
  const sample = bytes.subarray(0, SAMPLE);
  let bad = 0;
  for (const code of sample) {
    if (isControl(code, legacy)) {
      bad++;
    }
  }
  return bad > CONTROL_SHARE * sample.length;
}

const SUBJECT = /^Subject:/i;

// Line `number` (1-based) of `lines`, with the lines that continue it when
// it opens a folded Subject: header (a long one, over two lines), unfolded.
export function unfoldedLine(lines, number) {
  const first = lines[number - 1];
  if (first === undefined || !SUBJECT.test(first)) {
    return first;
  }
  let text = first;
  for (let index = number; index < lines.length && /^[ \t]\S/.test(lines[index]); index++) {
    text += ` ${lines[index].trim()}`;
  }
  return text;
}
