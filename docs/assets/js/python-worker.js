// Dedicated worker: boots Pyodide from this site's own copy and answers
// JSON-in, JSON-out requests with the `calculators` package. It touches no
// DOM, so it needs no cross-origin isolation and runs on GitHub Pages.
//
// Two ways to boot:
// - fresh: Pyodide with a standard library precompiled at build time;
// - snapshot: a memory image of Python with the calculators already
//   imported, made in this browser after its first fresh boot and kept in
//   its Cache Storage. Restoring it skips most of the start-up work.
// The snapshot is a private, version-locked Pyodide API, so any problem
// (missing, made by another build, failed check) falls back to a fresh boot
// and the bad copy is deleted. Nothing downloads a snapshot: the first visit
// pays nothing for it, and it never holds a reader's answers (it is taken
// before any calculation).

import { loadPyodide, version } from "../vendor/pyodide/pyodide.mjs";

const runtime = new URL("../vendor/pyodide/", import.meta.url);
const app = new URL("../py/calculators.zip", import.meta.url);
// Settings from the page, in the worker's name (see site.js).
const settings = (() => {
  try {
    return JSON.parse(self.name || "{}");
  } catch {
    return {};
  }
})();
// The calculators on this page, imported while Python boots; others load on demand.
const wanted = (Array.isArray(settings.calculators) ? settings.calculators : []).filter((name) => /^[a-z]+$/.test(name));
// Not "return-to-run-…": the service worker deletes old caches by that prefix.
const SNAPSHOTS = "rtr-python-snapshots";
const APP_PATH = "/home/pyodide/calculators.zip";

const progress = (percent, text) => postMessage({ type: "progress", percent, text });

// Boot phases, in ms since the worker started, for `make bench`.
const phases = {};
const phase = (name) => (phases[name] = Math.round(performance.now()));

const options = {
  indexURL: runtime.href,
  // Precompiled standard library (built at site build time inside this same
  // Pyodide): most of a cold start is compiling .py, so skip it.
  stdLibURL: new URL("python_stdlib.pyc.zip", runtime).href,
  fullStdLib: false,
};

async function fetchApp() {
  const response = await fetch(app);
  if (!response.ok) throw new Error(`calculators.zip: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// A snapshot is only valid for this Pyodide, these calculators and this
// page's imports: all three are in its key.
async function snapshotKey(bundle) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bundle));
  const hash = [...digest.slice(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return new URL(`python-snapshot/${version}/${hash}/${wanted.join("+") || "none"}`, runtime).href;
}

async function snapshots() {
  try {
    return await caches.open(SNAPSHOTS);
  } catch {
    return null; // no Cache Storage (some private modes): always boot fresh
  }
}

async function readSnapshot(key) {
  if (settings.boot === "fresh") return null; // lets tests and the bench force a path
  const response = await (await snapshots())?.match(key);
  return response ? new Uint8Array(await response.arrayBuffer()) : null;
}

function importCalculators(pyodide) {
  // Plain runPython, no JS proxies: a memory snapshot must hold none.
  const imports = ["calculators.api", ...wanted.map((name) => `calculators.${name}`)];
  pyodide.runPython(
    `import sys\nif ${JSON.stringify(APP_PATH)} not in sys.path: sys.path.insert(0, ${JSON.stringify(APP_PATH)})\n` +
      imports.map((module) => `import ${module}`).join("\n"),
  );
}

async function saveSnapshot(pyodide, key) {
  try {
    const image = pyodide.makeMemorySnapshot();
    const cache = await snapshots();
    // Drop images from older builds before keeping this one.
    for (const old of (await cache?.keys()) ?? []) await cache.delete(old);
    await cache?.put(key, new Response(image, { headers: { "Content-Type": "application/octet-stream" } }));
  } catch (error) {
    console.warn("No Python snapshot kept:", error);
  }
}

async function boot() {
  phase("start");
  progress(10, "Starting Python in the background…");
  const bundle = await fetchApp();
  const key = await snapshotKey(bundle);
  const image = await readSnapshot(key).catch(() => null);
  let pyodide = null;
  let mode = "fresh";
  if (image) {
    try {
      pyodide = await loadPyodide({ ...options, _loadSnapshot: image });
      mode = "snapshot";
    } catch (error) {
      console.warn("Python snapshot unusable, booting fresh:", error);
      await (await snapshots())?.delete(key);
    }
  }
  if (!pyodide) pyodide = await loadPyodide({ ...options, _makeSnapshot: true });
  phase("python");
  progress(80, "Loading the calculators…");
  // The file system is not part of a snapshot: put the zip (imported from
  // directly, with its precompiled bytecode) back in place either way.
  pyodide.FS.writeFile(APP_PATH, bundle);
  importCalculators(pyodide);
  const saving = mode === "fresh" ? saveSnapshot(pyodide, key) : null;
  const runJson = pyodide.pyimport("calculators.api").run_json;
  phase("calculators");
  return { runJson, mode, saving };
}

const ready = boot();
ready.then(
  ({ mode, saving }) => {
    postMessage({ type: "ready", phases, mode });
    saving?.then(() => postMessage({ type: "snapshot-kept" }));
  },
  (error) => postMessage({ type: "fatal", message: String(error?.message || error) }),
);

addEventListener("message", async ({ data }) => {
  if (data.type !== "run") return;
  const { runJson } = await ready;
  let output;
  try {
    output = JSON.parse(runJson(data.calculator, JSON.stringify(data.payload), data.siteRoot));
  } catch (error) {
    // A bug, not a reader's mistake: say so plainly, never show a traceback.
    console.error(error);
    output = {
      ok: false,
      calculator: data.calculator,
      errors: [{ field: "_input", message: "Sorry, the calculator hit a problem it did not expect. Please check your answers and try again." }],
    };
  }
  postMessage({ type: "result", id: data.id, output });
});
