// What the worker downloads while Python starts, counted as it arrives:
// fetch() is wrapped so that each response body is read through a counter
// (the .wasm, the standard library, the lock file, kvmcheck.zip), and the
// ES modules Pyodide imports (which fetch() never sees) count once they are
// in, from the browser's resource timing.  Any download that fails (an
// HTTP error, a dropped connection, a .wasm that does not compile) rejects
// `failed` at once, with the file's name; so does one that stalls (no byte
// for STALL_MS while waiting on the network: stall.js).
//
// sizes: file name → bytes, recorded at build time (playground_assets.py);
// a file not listed counts with its Content-Length.

import { STALL_MS, StallTimer } from "./stall.js";

// A download that stopped delivering: the page says which file, and how long.
export class DownloadStalled extends Error {
  constructor(name, ms) {
    super(`${name} stopped arriving: no data for ${Math.round(ms / 1000)} s`);
    this.file = name;
    this.ms = ms;
  }
}

function fileName(url) {
  return new URL(url, self.location.href).pathname.split("/").pop();
}

// Progress is said at most this often (a message per chunk would flood the page).
const REPORT_MS = 50;

export function watchDownloads(sizes, report, stallMs = STALL_MS) {
  const expected = new Map(Object.entries(sizes));
  const loaded = new Map();
  let fail;
  const failed = new Promise((resolve, reject) => {
    fail = reject;
  });
  let reported = 0;
  let timer = null;
  const total = () => [...expected.values()].reduce((sum, size) => sum + size, 0);
  const send = () => {
    timer = null;
    reported = performance.now();
    const sum = [...loaded.values()].reduce((all, size) => all + size, 0);
    report(Math.min(sum, total()), total());
  };
  const count = (name, bytes, exact = false) => {
    loaded.set(name, exact ? bytes : (loaded.get(name) ?? 0) + bytes);
    if (timer === null) {
      timer = setTimeout(send, Math.max(0, reported + REPORT_MS - performance.now()));
    }
  };

  const realFetch = self.fetch;
  self.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const name = fileName(url);
    const stall = new StallTimer(stallMs, () => fail(new DownloadStalled(name, stallMs)));
    let response;
    stall.arm();
    try {
      response = await realFetch(input, init);
    } catch (error) {
      fail(new Error(`${name} could not be downloaded (${error.message})`));
      throw error;
    } finally {
      stall.disarm();
    }
    if (!response.ok) {
      fail(new Error(`${name}: ${response.status} ${response.statusText}`.trim()));
      return response;
    }
    if (!expected.has(name)) {
      expected.set(name, Number(response.headers.get("Content-Length")) || 0);
    }
    const reader = response.body.getReader();
    const counted = new ReadableStream({
      async pull(controller) {
        stall.arm();
        try {
          const { done, value } = await reader.read();
          stall.disarm();
          if (done) {
            controller.close();
            return;
          }
          count(name, value.byteLength);
          controller.enqueue(value);
        } catch (error) {
          stall.disarm();
          fail(new Error(`${name} could not be downloaded (${error.message})`));
          controller.error(error);
        }
      },
      cancel(reason) {
        stall.disarm();
        return reader.cancel(reason);
      },
    });
    return new Response(counted, {
      status: response.status, statusText: response.statusText, headers: response.headers,
    });
  };

  // A .wasm that downloads but does not compile.
  const wasm = {
    instantiate: WebAssembly.instantiate,
    instantiateStreaming: WebAssembly.instantiateStreaming,
  };
  for (const [method, real] of Object.entries(wasm)) {
    WebAssembly[method] = (...args) => real.apply(WebAssembly, args).catch((error) => {
      fail(new Error(`pyodide.asm.wasm did not load (${error.message})`));
      throw error;
    });
  }

  // Imported modules: counted whole once the browser has them.
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const name = fileName(entry.name);
      if (name.endsWith(".mjs") && expected.has(name)) {
        count(name, expected.get(name), true);
      }
    }
  });
  observer.observe({ type: "resource", buffered: true });

  send();
  return {
    failed,
    stop() {
      observer.disconnect();
      self.fetch = realFetch;
      Object.assign(WebAssembly, wasm);
      clearTimeout(timer);
      send();
    },
  };
}
