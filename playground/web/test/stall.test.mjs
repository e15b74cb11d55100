import assert from "node:assert/strict";
import { test } from "node:test";

import { STALL_MS, StallTimer } from "../stall.js";

// A clock that moves only when told to.
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map();
  return {
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    advance(ms) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.callback();
        }
      }
    },
  };
}

test("a wait with no bytes for the limit is a stall, said once", () => {
  const clock = fakeClock();
  let stalls = 0;
  const timer = new StallTimer(10_000, () => stalls++, clock);
  timer.arm();
  clock.advance(9_999);
  assert.equal(stalls, 0);
  clock.advance(1);
  assert.equal(stalls, 1);
  assert.ok(timer.fired);
  timer.arm();
  clock.advance(20_000);
  assert.equal(stalls, 1);
});

test("a slow link that keeps delivering is never cut", () => {
  const clock = fakeClock();
  let stalls = 0;
  const timer = new StallTimer(10_000, () => stalls++, clock);
  // A chunk every 9 s for ten minutes: each one starts the countdown again.
  for (let chunk = 0; chunk < 66; chunk++) {
    timer.arm();
    clock.advance(9_000);
    timer.disarm();
  }
  assert.equal(stalls, 0);
  assert.equal(timer.fired, false);
});

test("time spent between reads does not count", () => {
  const clock = fakeClock();
  let stalls = 0;
  const timer = new StallTimer(10_000, () => stalls++, clock);
  timer.arm();
  clock.advance(5_000);
  timer.disarm();
  // Pyodide busy compiling: nothing is being read.
  clock.advance(60_000);
  timer.arm();
  clock.advance(5_000);
  timer.disarm();
  assert.equal(stalls, 0);
});

test("the limit leaves room to say the error within 15 s", () => {
  assert.ok(STALL_MS >= 5_000 && STALL_MS <= 12_000, STALL_MS);
});
