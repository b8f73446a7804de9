// Dedicated worker: boots Pyodide from this site's own copy and answers
// JSON-in, JSON-out requests with the `calculators` package. It touches no
// DOM, so it needs no cross-origin isolation and runs on GitHub Pages.

import { loadPyodide } from "../vendor/pyodide/pyodide.mjs";

const runtime = new URL("../vendor/pyodide/", import.meta.url);
const app = new URL("../py/calculators.zip", import.meta.url);
// The calculators on this page, imported while Python boots; others load on demand.
const wanted = (new URL(import.meta.url).searchParams.get("calculators") || "")
  .split(",")
  .filter((name) => /^[a-z]+$/.test(name));

const progress = (percent, text) => postMessage({ type: "progress", percent, text });

// Boot phases, in ms since the worker started, for `make bench`.
const phases = {};
const phase = (name) => (phases[name] = Math.round(performance.now()));

async function boot() {
  phase("start");
  progress(10, "Starting Python in the background…");
  const [pyodide, bundle] = await Promise.all([
    loadPyodide({
      indexURL: runtime.href,
      // Precompiled standard library (built at site build time inside this
      // same Pyodide): most of a cold start is compiling .py, so skip it.
      stdLibURL: new URL("python_stdlib.pyc.zip", runtime).href,
      fullStdLib: false,
    }),
    fetch(app).then((response) => {
      if (!response.ok) throw new Error(`calculators.zip: HTTP ${response.status}`);
      return response.arrayBuffer();
    }),
  ]);
  phase("python");
  progress(80, "Loading the calculators…");
  // Imported straight from the zip, whose precompiled bytecode zipimport uses.
  pyodide.FS.writeFile("/home/pyodide/calculators.zip", new Uint8Array(bundle));
  pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/calculators.zip')");
  const api = pyodide.pyimport("calculators.api");
  const registry = pyodide.pyimport("calculators.registry");
  for (const name of wanted) registry.CALCULATORS.get(name);
  phase("calculators");
  return api.run_json;
}

const ready = boot();
ready.then(
  () => postMessage({ type: "ready", phases }),
  (error) => postMessage({ type: "fatal", message: String(error?.message || error) }),
);

addEventListener("message", async ({ data }) => {
  if (data.type !== "run") return;
  const runJson = await ready;
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
