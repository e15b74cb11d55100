// A watchdog for one download.  A server can send its headers and then
// nothing, without closing the connection: no error ever comes.  The timer
// runs only while a read is waiting on the network (arm() before it,
// disarm() once it returns), so time Pyodide spends elsewhere never counts,
// and a slow link that still delivers a chunk now and then is never cut.

// No byte for this long while waiting means stalled: short enough that the
// error shows within 15 s of the stall, long enough for a live slow link,
// whose chunks come well under a second apart.
export const STALL_MS = 10_000;

export class StallTimer {
  #ms;
  #onStall;
  #clock;
  #timer = null;
  #fired = false;

  // onStall(): called once, the first time a wait lasts ms; clock: the
  // setTimeout/clearTimeout pair to use (tests pass a fake one).
  // (Called through the object, the browser's own pair throws "Illegal
  // invocation": the default wraps them.)
  constructor(ms, onStall, clock = {
    setTimeout: (callback, delay) => setTimeout(callback, delay),
    clearTimeout: (id) => clearTimeout(id),
  }) {
    this.#ms = ms;
    this.#onStall = onStall;
    this.#clock = clock;
  }

  get fired() {
    return this.#fired;
  }

  // A wait on the network begins (again): the countdown starts from full.
  arm() {
    this.disarm();
    if (this.#fired) {
      return;
    }
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      this.#fired = true;
      this.#onStall();
    }, this.#ms);
  }

  // Bytes came, or the download ended: nothing is being waited for.
  disarm() {
    if (this.#timer !== null) {
      this.#clock.clearTimeout(this.#timer);
      this.#timer = null;
    }
  }
}
