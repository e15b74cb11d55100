// Share links: the patch carried in the URL's fragment, which browsers never
// send to the server.  The format is defined by playground/kvmcheck/share.py
// (the build writes the handbook's example links with it): "check=", then
// the UTF-8 text compressed with raw DEFLATE and encoded as base64url
// without padding.  Links longer than MAX_FRAGMENT_CHARS are not made, and
// not read: a link is measured before it is decoded, and inflated a chunk
// at a time, given up past MAX_SHARED_BYTES (a few kilobytes of DEFLATE can
// unpack to gigabytes).

export const PREFIX = "check=";
// The same limit as kvmcheck/share.py's MAX_FRAGMENT_CHARS ("check=" included).
export const MAX_FRAGMENT_CHARS = 32_000;
// The most text a link may unpack to: the playground's input limit
// (MAX_BYTES in patch-checker.js).
export const MAX_SHARED_BYTES = 4 * 1024 * 1024;

export class ShareError extends Error {}
// Longer than any link the playground makes.
export class LinkTooLong extends ShareError {}
// Unpacks to more than the playground checks.
export class LinkTooLarge extends ShareError {}

async function through(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function base64url(bytes) {
  // btoa takes a "binary string"; build it in slices so that a large patch
  // does not overflow the argument list of String.fromCharCode.
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function unbase64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) {
    throw new ShareError("not base64url");
  }
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

// The fragment (without "#") that opens `text` in the playground, or null
// when it would be longer than MAX_FRAGMENT_CHARS.
export async function fragmentOf(text) {
  const packed = await through(new TextEncoder().encode(text),
    new CompressionStream("deflate-raw"));
  // Four base64 characters per three bytes: skip encoding what is too long.
  if (PREFIX.length + Math.ceil(packed.length * 4 / 3) > MAX_FRAGMENT_CHARS) {
    return null;
  }
  return PREFIX + base64url(packed);
}

// Whether a location's hash (with its "#") is a share link at all.
export function isShareHash(hash) {
  return hash.startsWith(`#${PREFIX}`);
}

// The inflated bytes of `packed`, read a chunk at a time: LinkTooLarge as
// soon as they pass `limit`, the rest never inflated.
async function inflate(packed, limit) {
  const reader = new Blob([packed]).stream()
    .pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new LinkTooLarge(`more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

// The patch a share link's hash carries; LinkTooLong or LinkTooLarge when
// it is over the limits, ShareError when it is damaged.
export async function textOf(hash, limit = MAX_SHARED_BYTES) {
  if (hash.length - 1 > MAX_FRAGMENT_CHARS) {
    throw new LinkTooLong(`${hash.length - 1} characters`);
  }
  const body = hash.slice(1 + PREFIX.length);
  try {
    const packed = unbase64url(body);
    const bytes = await inflate(packed, limit);
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw error instanceof ShareError ? error : new ShareError(error.message);
  }
}
