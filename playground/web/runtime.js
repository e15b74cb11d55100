// One kvmcheck runtime per page, shared by all of the page's checkers: a
// module worker (Pyodide 314 refuses classic ones) started on first use,
// checks run one at a time, and a check that overruns its time limit gets
// the worker terminated and a fresh one started in its place.  Loading has
// a time limit too: a download that never ends (a stalled .wasm or package)
// fails like a broken one, and the next start() begins again from scratch.

export class CheckTimeout extends Error {}
export class RuntimeFailed extends Error {}
export class LoadTimeout extends RuntimeFailed {
  constructor(ms) {
    super(`not loaded after ${ms} ms`);
    this.ms = ms;
  }
}
// A download that stopped delivering bytes (downloads.js): which file.
export class LoadStalled extends RuntimeFailed {
  constructor(file, ms) {
    super(`${file}: no data for ${ms} ms`);
    this.file = file;
    this.ms = ms;
  }
}
export class CheckFailed extends Error {}

export class Runtime {
  #urls;
  #worker = null;
  #ready = null;
  #isReady = false;
  #pending = new Map();
  #nextId = 1;
  #queue = Promise.resolve();

  #loadTimeoutMs;
  #sizes;
  #onProgress;

  // urls: {workerUrl, pyodideUrl, packageUrl}, absolute; sizes: file name →
  // bytes of what loading downloads; onProgress(loaded, total) while it does.
  constructor(urls, loadTimeoutMs, sizes = {}, onProgress = () => {}) {
    this.#urls = urls;
    this.#loadTimeoutMs = loadTimeoutMs;
    this.#sizes = sizes;
    this.#onProgress = onProgress;
  }

  get ready() {
    return this.#isReady;
  }

  // Start the worker once; every later call returns the same promise.
  start() {
    if (this.#ready) {
      return this.#ready;
    }
    const worker = new Worker(this.#urls.workerUrl, { type: "module" });
    this.#worker = worker;
    this.#ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new LoadTimeout(this.#loadTimeoutMs));
        this.#stop(worker);
      }, this.#loadTimeoutMs);
      const settle = (outcome) => (value) => {
        clearTimeout(timer);
        outcome(value);
      };
      worker.onmessage = (event) =>
        this.#receive(event.data, settle(resolve), settle(reject));
      worker.onerror = (event) => {
        event.preventDefault();
        settle(reject)(new RuntimeFailed(event.message || "the worker script did not load"));
        this.#stop(worker);
      };
    });
    worker.postMessage({
      type: "init",
      pyodideUrl: this.#urls.pyodideUrl,
      packageUrl: this.#urls.packageUrl,
      sizes: this.#sizes,
    });
    return this.#ready;
  }

  // files: [{name, bytes: Uint8Array}]; resolves to {result, ms}.
  check(files, lang, timeoutMs) {
    return this.#enqueue({ type: "check", files, lang }, timeoutMs);
  }

  // kvmcheck.fix.fix_report on one text (only: [rule, line] fixes just that
  // finding); resolves to {result: {text, fixed, diff, patches: [{name, text}]}, ms}.
  fix(text, name, timeoutMs, only = null) {
    return this.#enqueue({ type: "fix", text, name, only }, timeoutMs);
  }

  #enqueue(request, timeoutMs) {
    const run = this.#queue.then(() => this.#run(request, timeoutMs));
    this.#queue = run.catch(() => {});
    return run;
  }

  async #run(request, timeoutMs) {
    await this.start();
    const worker = this.#worker;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        this.#stop(worker);
        // Ready again for the next check; a failure shows up there.
        this.start().catch(() => {});
        reject(new CheckTimeout(`no result after ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, { resolve, reject, timer, started });
      worker.postMessage({ ...request, id });
    });
  }

  #receive(message, resolveReady, rejectReady) {
    if (message.type === "progress") {
      this.#onProgress(message.loaded, message.total);
      return;
    }
    if (message.type === "ready") {
      this.#isReady = true;
      resolveReady();
      return;
    }
    if (message.type === "failed") {
      rejectReady(message.stalled
        ? new LoadStalled(message.stalled.file, message.stalled.ms)
        : new RuntimeFailed(message.detail));
      this.#stop(this.#worker);
      return;
    }
    const pending = this.#pending.get(message.id);
    if (!pending) {
      return;
    }
    this.#pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.type === "result") {
      const ms = performance.now() - pending.started;
      pending.resolve({ result: JSON.parse(message.json), ms });
    } else {
      pending.reject(new CheckFailed(message.detail));
    }
  }

  // Forget a worker (terminated: a runaway Python loop stops with it), so
  // that the next start() makes a new one.
  #stop(worker) {
    worker.terminate();
    if (this.#worker === worker) {
      this.#worker = null;
      this.#ready = null;
      this.#isReady = false;
    }
  }
}
