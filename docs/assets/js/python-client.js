// The page's side of the Python worker: a promise for "ready", and a
// request/response channel. Python boots off the main thread, so the page
// never freezes while it starts.

// Messages that arrive before the glue has connected are replayed to it.
export function connect(worker, early = []) {
  const waiting = new Map();
  const progressListeners = [];
  let lastProgress = null;
  let nextId = 1;
  let settle;
  const ready = new Promise((resolve, reject) => (settle = { resolve, reject }));

  const receive = (data) => {
    if (data.type === "progress") {
      lastProgress = data;
      for (const listener of progressListeners) listener(data.percent, data.text);
    } else if (data.type === "ready") {
      settle.resolve(data);
    } else if (data.type === "fatal") {
      settle.reject(new Error(data.message));
    } else if (data.type === "result") {
      waiting.get(data.id)?.(data.output);
      waiting.delete(data.id);
    }
  };
  for (const data of early) receive(data);
  worker.addEventListener("message", ({ data }) => receive(data));
  worker.addEventListener("error", (event) => {
    settle.reject(new Error(event.message || "the Python worker failed to load"));
  });

  return {
    ready,
    onProgress(listener) {
      progressListeners.push(listener);
      if (lastProgress) listener(lastProgress.percent, lastProgress.text);
    },
    run(calculator, payload, siteRoot) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ type: "run", id, calculator, payload, siteRoot });
      });
    },
  };
}
