// The page's side of the Python worker, and the only page code that speaks
// its protocol: a promise for "ready", progress while it starts, a
// request/response channel, a watch that never lets a start hang, and
// starting again after a failure. Python boots off the main thread, so the
// page never freezes while it starts.
//
// The inline starter (overrides/partials/python-start.html) only creates
// the worker, at the top of the page, and leaves it in `window.rtr.python`.
// The worker holds back what it has to say until this module connects, so
// nothing is lost however late the glue arrives. Message types come from the
// generated contract (calculator_embed/manifest.py), never spelled here.

import contract from "./contract.js";

const MSG = contract.messages;

// Deadlines, which tests may shorten with ?rtr-start-deadline=<ms> and
// ?rtr-restore-deadline=<ms>.
const query = new URLSearchParams(location.search);
const deadline = (name, ms) => Number(query.get(name)) || ms;
// A starting worker that has said nothing for this long has stalled (a
// download that never ends, say): it is stopped and the start fails, so the
// reader is told and offered "Try again". Generous, as a slow phone on a
// slow line still finishes well within it; a failed download is reported
// by the worker itself at once.
const SILENCE_MS = deadline("rtr-start-deadline", 60_000);
// Restoring Python's memory snapshot takes about a second. One still running
// after this is stuck (a damaged image can spin forever, and a spinning
// worker cannot time itself out): it is stopped and a new worker boots
// fresh, deleting the snapshot.
const RESTORE_MS = deadline("rtr-restore-deadline", 20_000);

/** Connect to the worker the starter made; `started` is `window.rtr.python`. */
export function connect(started) {
  const waiting = new Map();
  const progressListeners = [];
  const retryListeners = [];
  let lastProgress = null;
  let nextId = 1;
  let current = null; // the worker requests go to
  let failed = false;

  const report = (data) => {
    lastProgress = data;
    for (const listener of progressListeners) listener(data.percent, data.text);
  };

  // One start: settles once Python is up or has failed. It may switch to a
  // second worker, without the snapshot, if a restore stalls.
  function start(first) {
    return new Promise((resolve, reject) => {
      // Two clocks: silence (reset by every message) and the restore's own.
      const timers = { silence: null, restore: null };
      let done = false;
      const stopClocks = () => Object.values(timers).forEach(clearTimeout);
      const finish = (settle, value) => {
        done = true;
        stopClocks();
        settle(value);
      };
      const fail = (candidate, message) => {
        candidate.terminate();
        failed = true;
        finish(reject, new Error(message));
      };
      const watch = (clock, candidate, ms, onLate) => {
        clearTimeout(timers[clock]);
        if (!done) timers[clock] = setTimeout(() => candidate === current && onLate(), ms);
      };
      const restartWithoutSnapshot = (candidate) => {
        stopClocks();
        candidate.terminate();
        use(started.start({ boot: "fresh", dropSnapshot: true }));
      };
      const use = (candidate) => {
        current = candidate;
        const receive = (data) => {
          if (candidate !== current) return; // a stopped worker's last words
          if (data.type === MSG.result) {
            waiting.get(data.id)?.(data.output);
            waiting.delete(data.id);
            return;
          }
          if (done) return;
          watch("silence", candidate, SILENCE_MS, () => fail(candidate, "Python took too long to start"));
          if (data.type === MSG.progress) report(data);
          else if (data.type === MSG.restoring) watch("restore", candidate, RESTORE_MS, () => restartWithoutSnapshot(candidate));
          else if (data.type === MSG.ready) finish(resolve, data);
          else if (data.type === MSG.fatal) fail(candidate, data.message);
        };
        const broken = (message) => candidate === current && !done && fail(candidate, message || "the Python worker failed to load");
        watch("silence", candidate, SILENCE_MS, () => fail(candidate, "Python took too long to start"));
        candidate.addEventListener("message", ({ data }) => receive(data));
        candidate.addEventListener("error", (event) => broken(event.message));
        // The starter notes a worker that failed to load before anyone listened.
        if (candidate.rtrLoadError) broken(candidate.rtrLoadError);
        else candidate.postMessage({ type: MSG.connect });
      };
      use(first);
    });
  }

  let ready = start(started.worker);

  return {
    get ready() {
      return ready;
    },
    onProgress(listener) {
      progressListeners.push(listener);
      if (lastProgress) listener(lastProgress.percent, lastProgress.text);
    },
    // Called back with the new `ready` when a failed start is tried again.
    onRetry(listener) {
      retryListeners.push(listener);
    },
    // After a failed start: a new worker, as the page first made it, without
    // reloading the page (so typed answers stay). Returns the new `ready`
    // (the same one if a retry is already under way).
    retry() {
      if (!failed) return ready;
      failed = false;
      ready = start(started.start());
      for (const listener of retryListeners) listener(ready);
      return ready;
    },
    run(calculator, payload, siteRoot) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        current.postMessage({ type: MSG.run, id, calculator, payload, siteRoot });
      });
    },
  };
}
