// @ts-check
// Share links: the patch carried in the URL's fragment, which browsers never
// send to the server.  The format is defined by playground/kvmcheck/share.py
// (the build writes the handbook's example links with it): "check=", then
// the UTF-8 text compressed with raw DEFLATE and encoded as base64url
// without padding.  Links longer than MAX_FRAGMENT_CHARS are not made.
// Reading follows share.py's rules: at most MAX_FRAGMENT_CHARS, measured
// before anything is decoded; base64url only; one whole DEFLATE stream,
// inflated a chunk at a time and given up past MAX_TEXT_BYTES (a few
// kilobytes of DEFLATE can unpack to gigabytes); valid UTF-8.

export const PREFIX = "check=";
// The same limits as kvmcheck/share.py ("check=" included in the length).
export const MAX_FRAGMENT_CHARS = 32_000;
// The most text a link may unpack to: the playground's input limit
// (MAX_BYTES in patch-checker.js).
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;
// "#check=", or a name like it ("#check2=") that must not be ignored.
const SHARE_LIKE = /^#check[A-Za-z0-9_-]*=/;

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
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
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

// Whether a location's hash (with its "#") is meant as a share link at all
// (textOf refuses the ones of another format).
export function isShareHash(hash) {
  return SHARE_LIKE.test(hash);
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
      throw new LinkTooLarge(`the patch is larger than ${limit >> 20} MiB`);
    }
    chunks.push(value);
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

// The patch a share link's hash carries; LinkTooLong or LinkTooLarge when
// it is over the limits, ShareError when it is damaged or of another format.
export async function textOf(hash, limit = MAX_TEXT_BYTES) {
  if (!hash.startsWith(`#${PREFIX}`)) {
    throw new ShareError("a link of another format than check=");
  }
  if (hash.length - 1 > MAX_FRAGMENT_CHARS) {
    throw new LinkTooLong(`the link is longer than ${MAX_FRAGMENT_CHARS} characters`);
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
