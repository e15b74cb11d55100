// @ts-check
// The text of a dropped file, decoded as kvmcheck's parser decodes the same
// bytes (kvmcheck/parser/text.py, to_text): UTF-32 or UTF-16 when a byte order
// mark says so, else UTF-8, else Latin-1 (a mail in a legacy 8-bit charset,
// where every byte is a character).  The box then shows what the checker
// reads, and the Fix button keeps every character the file had.

function utf32(bytes, littleEndian) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = "";
  for (let offset = 4; offset + 4 <= bytes.length; offset += 4) {
    const code = view.getUint32(offset, littleEndian);
    text += code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code) : "\ufffd";
  }
  return text;
}

function latin1(bytes) {
  let text = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return text;
}

export function textOfBytes(bytes) {
  const starts = (...marks) => marks.every((mark, index) => bytes[index] === mark);
  if (starts(0xff, 0xfe, 0x00, 0x00)) {
    return utf32(bytes, true);
  }
  if (starts(0x00, 0x00, 0xfe, 0xff)) {
    return utf32(bytes, false);
  }
  if (starts(0xff, 0xfe)) {
    return new TextDecoder("utf-16le").decode(bytes);
  }
  if (starts(0xfe, 0xff)) {
    return new TextDecoder("utf-16be").decode(bytes);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return latin1(bytes);
  }
}
