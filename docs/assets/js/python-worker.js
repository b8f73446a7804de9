// Dedicated worker: boots Pyodide from this site's own copy and answers
// JSON-in, JSON-out requests with the `calculators` package. It touches no
// DOM, so it needs no cross-origin isolation and runs on GitHub Pages.
//
// Two ways to boot:
// - fresh: Pyodide with a standard library precompiled at build time;
// - snapshot: a memory image of Python with every calculator already
//   imported, made in this browser after its first fresh boot and kept in
//   its Cache Storage. Restoring it skips most of the start-up work, on any
//   calculator page.
// The snapshot is a private, version-locked Pyodide API, so any problem
// (missing, made by another build, damaged, failed check) falls back to a
// fresh boot and the bad copy is deleted. Its SHA-256 is kept beside it and
// checked before restoring: a damaged image restored can spin forever. The
// page stops a restore that still runs after a deadline and starts again
// without the snapshot (python.js). Nothing downloads a snapshot: the first visit
// pays nothing for it, and it never holds a reader's answers (it is taken
// before the first calculation).
//
// The message types and the calculators' names come from the generated
// contract (calculator_embed/manifest.py), imported alongside Pyodide so it
// costs the start nothing. What the worker says is held back until the
// page's glue connects (python.js): the worker starts before the glue loads.

// The page's Content-Security-Policy does not reach a dedicated worker, and
// GitHub Pages cannot send one as a header. So the worker holds itself to
// the same rule before Pyodide or any Python runs: no request leaves this
// origin. A guard in code, not a browser policy (see docs/about/your-data.md).
const sameOrigin = (url) => {
  try {
    return new URL(url, location.href).origin === location.origin;
  } catch {
    return false;
  }
};
const refused = (url) => new TypeError(`Refused: the calculators never contact another website (${String(url).slice(0, 100)})`);
const lock = (target, name, value) => Object.defineProperty(target, name, { value, writable: false, configurable: false });

// A boot that cannot finish must say so: Pyodide's loader only logs a wasm
// file that failed to download or compile, and then waits forever.
let failBoot;
const bootFailed = new Promise((_, reject) => (failBoot = reject));
// Imported on demand, beside Pyodide's loader below: tiny, so it is here
// long before anything is said.
const contract = import("./contract.js").then((module) => module.default);
let MSG = null; // the message types, set once the contract is here

// Held until the page connects; then said at once.
let held = [];
const say = (message) => (held ? held.push(message) : postMessage(message));
bootFailed.catch(() => {}); // raced in `ready` below
const fileName = (url) => new URL(url, location.href).pathname.split("/").pop();

const nativeFetch = fetch;
lock(self, "fetch", function fetch(input, init) {
  const url = input instanceof Request ? input.url : String(input);
  if (!sameOrigin(url)) return Promise.reject(refused(url));
  return nativeFetch(input, init).then(
    (response) => {
      if (!response.ok) failBoot(new Error(`${fileName(url)}: HTTP ${response.status}`));
      return response;
    },
    (error) => {
      failBoot(new Error(`${fileName(url)} did not download`));
      throw error;
    },
  );
});
if (typeof importScripts === "function") {
  const nativeImportScripts = importScripts;
  lock(self, "importScripts", function importScripts(...urls) {
    const away = urls.find((url) => !sameOrigin(url));
    if (away !== undefined) throw refused(away);
    return nativeImportScripts(...urls);
  });
}
if (typeof XMLHttpRequest === "function") {
  const nativeOpen = XMLHttpRequest.prototype.open;
  lock(XMLHttpRequest.prototype, "open", function open(method, url, ...rest) {
    if (!sameOrigin(url)) throw refused(url);
    return nativeOpen.call(this, method, url, ...rest);
  });
}
// Nothing here needs a socket or a stream from a server.
for (const name of ["WebSocket", "EventSource", "WebTransport"]) if (name in self) lock(self, name, undefined);
for (const name of ["instantiate", "instantiateStreaming"]) {
  const native = WebAssembly[name];
  WebAssembly[name] = function (...args) {
    const result = native.apply(this, args);
    result.then(
      // A sign of life for the page's deadline, between download and start.
      () => contract.then(({ messages }) => say({ type: messages.progress, percent: 50, text: "Starting Python in the background…" })),
      (error) => failBoot(new Error(`Python's runtime did not load: ${error?.message || error}`)),
    );
    return result;
  };
}

// Imported on demand, so the snapshot lookup below starts first.
const pyodideModule = import("../vendor/pyodide/pyodide.mjs");
pyodideModule.catch(() => {}); // reported in boot(), where it is awaited
// Pyodide's loader would ask for its 1.25 MB runtime script only once it
// runs; asked for now, it downloads and compiles alongside the loader, and
// the loader's own import of the same URL then finds it ready (on a first
// visit a phase trace had it ready at 154-198 ms instead of 259-473 ms).
import("../vendor/pyodide/pyodide.asm.mjs").catch(() => {}); // a failure shows when the loader imports it

const runtime = new URL("../vendor/pyodide/", import.meta.url);
const app = new URL("../py/calculators.zip", import.meta.url);
// Settings from the page, in the worker's name (see overrides/partials/python-start.html).
const settings = (() => {
  try {
    return JSON.parse(self.name || "{}");
  } catch {
    return {};
  }
})();
// The calculators on this page, imported while Python boots; others load on
// demand. Only names the registry declares (the contract lists them).
const wanted = ({ calculators }) => (Array.isArray(settings.calculators) ? settings.calculators : []).filter((name) => Object.hasOwn(calculators, name));
// Stamped by tools/finish_site.py with a hash of the runtime and the
// calculators, so a snapshot is only ever restored into the build that made
// it. Unstamped (the writers' live preview), no snapshot is used.
const RUNTIME_VERSION = "__RUNTIME_VERSION__";
const useSnapshots = !RUNTIME_VERSION.startsWith("__") && settings.boot !== "fresh";
// Set by the page after a restore stalled: drop the snapshot, boot fresh.
const dropSnapshot = settings.dropSnapshot === true;
// Not "return-to-run-…": the service worker deletes old caches by that prefix.
const SNAPSHOTS = "rtr-python-snapshots";
// The runtime version covers Pyodide itself (its files are in the hash);
// "sparse" names the way the image is stored (see packSnapshot).
const SNAPSHOT_KEY = new URL(`python-snapshot/sparse/${RUNTIME_VERSION}`, runtime).href;
const DIGEST_HEADER = "X-Snapshot-SHA-256";
const APP_PATH = "/home/pyodide/calculators.zip";

const progress = (percent, text) => say({ type: MSG.progress, percent, text });

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

async function snapshots() {
  try {
    return await caches.open(SNAPSHOTS);
  } catch {
    return null; // no Cache Storage (some private modes): always boot fresh
  }
}

function importCalculators(pyodide, names) {
  // Plain runPython, no JS proxies: a memory snapshot must hold none.
  const imports = ["calculators.api", ...names.map((name) => `calculators.${name}`)];
  pyodide.runPython(
    `import sys\nif ${JSON.stringify(APP_PATH)} not in sys.path: sys.path.insert(0, ${JSON.stringify(APP_PATH)})\n` +
      imports.map((module) => `import ${module}`).join("\n"),
  );
}

// A snapshot is Python's whole memory: 31 MB, of which about 60% is pages of
// zeros. It is kept without them, so a warm start reads about 13 MB back
// from Cache Storage instead of 31 MB; that read is what a warm start waits
// on. Layout, in little-endian 32-bit words: magic, full length, number of
// runs, then (offset, length) for each run of non-zero pages, then the runs'
// bytes in order.
const SPARSE_MAGIC = 0x31525452; // "RTR1"
const PAGE = 4096;

function packSnapshot(image) {
  const words = new Uint32Array(image.buffer, image.byteOffset, Math.floor(image.byteLength / 4));
  const zeroPage = (start) => {
    if (start + PAGE > image.byteLength) return false; // a short last page is kept as it is
    for (let w = start / 4, end = w + PAGE / 4; w < end; w++) if (words[w] !== 0) return false;
    return true;
  };
  const runs = [];
  for (let start = 0; start < image.byteLength; start += PAGE) {
    if (zeroPage(start)) continue;
    const last = runs[runs.length - 1];
    const length = Math.min(PAGE, image.byteLength - start);
    if (last && last[0] + last[1] === start) last[1] += length;
    else runs.push([start, length]);
  }
  const head = 3 + 2 * runs.length;
  const packed = new Uint8Array(4 * head + runs.reduce((sum, [, length]) => sum + length, 0));
  const header = new DataView(packed.buffer);
  [SPARSE_MAGIC, image.byteLength, runs.length, ...runs.flat()].forEach((value, i) => header.setUint32(4 * i, value, true));
  let at = 4 * head;
  for (const [start, length] of runs) {
    packed.set(image.subarray(start, start + length), at);
    at += length;
  }
  return packed;
}

function unpackSnapshot(buffer) {
  const header = new DataView(buffer);
  if (buffer.byteLength < 12 || header.getUint32(0, true) !== SPARSE_MAGIC) throw new Error("not a packed Python snapshot");
  const image = new Uint8Array(header.getUint32(4, true)); // starts as zeros
  const count = header.getUint32(8, true);
  let at = 4 * (3 + 2 * count);
  for (let i = 0; i < count; i++) {
    const start = header.getUint32(12 + 8 * i, true);
    const length = header.getUint32(16 + 8 * i, true);
    image.set(new Uint8Array(buffer, at, length), start);
    at += length;
  }
  if (at !== buffer.byteLength) throw new Error("truncated Python snapshot");
  return image;
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// The stored image, checked against the digest kept with it, then unpacked.
async function readSnapshot(response) {
  const expected = response.headers.get(DIGEST_HEADER);
  const bytes = await response.arrayBuffer();
  if (!expected || (await sha256(bytes)) !== expected) throw new Error("damaged Python snapshot (checksum)");
  return unpackSnapshot(bytes);
}

// After a fresh boot: import every calculator (so the image serves every
// calculator page) and take a memory image, before any calculation runs, so
// no answer is ever in it. Due from "ready" until taken: at the first
// request if one is already waiting (Today's run asks at once, and skipping
// the image there made every visit to Today a fresh boot), else in a task of
// its own. Taking it is synchronous; storing it happens while the request runs.
let snapshotDue = false;
function keepSnapshot(pyodide) {
  if (!snapshotDue) return;
  snapshotDue = false;
  let image;
  try {
    pyodide.runPython("from calculators.registry import NAMES\nimport importlib\nfor name in NAMES: importlib.import_module(f'calculators.{name}')");
    image = packSnapshot(pyodide.makeMemorySnapshot());
  } catch (error) {
    console.warn("No Python snapshot kept:", error);
    return;
  }
  storeSnapshot(image).catch((error) => console.warn("No Python snapshot kept:", error));
}

async function storeSnapshot(image) {
  const cache = await snapshots();
  // One image at a time: drop those of older builds.
  for (const old of (await cache?.keys()) ?? []) if (old.url !== SNAPSHOT_KEY) await cache.delete(old);
  const headers = { "Content-Type": "application/octet-stream", [DIGEST_HEADER]: await sha256(image) };
  await cache?.put(SNAPSHOT_KEY, new Response(image, { headers }));
}

// Started before anything waits on Pyodide's loader: the calculators' zip,
// and the saved snapshot (looked up and read while the loader downloads).
const bundle = fetchApp();
bundle.catch(() => {}); // reported in boot(), where it is awaited
const savedSnapshot = useSnapshots ? snapshots().then((cache) => cache?.match(SNAPSHOT_KEY)).catch(() => null) : null;
const savedBytes = Promise.resolve(savedSnapshot).then((found) => found && readSnapshot(found));
savedBytes.catch(() => {}); // a failed read is a failed restore: handled in boot()

async function boot() {
  phase("start");
  const known = await contract;
  MSG = known.messages;
  progress(10, "Starting Python in the background…");
  let pyodide = null;
  let mode = "fresh";
  const { loadPyodide } = await pyodideModule;
  if (dropSnapshot) {
    const cache = await snapshots();
    for (const stale of (await cache?.keys()) ?? []) await cache.delete(stale);
  }
  if (await savedSnapshot) {
    say({ type: MSG.restoring }); // the page's deadline starts
    try {
      // Still being read: Pyodide waits for it only once its own files are on the way.
      pyodide = await loadPyodide({ ...options, _loadSnapshot: savedBytes });
      mode = "snapshot";
    } catch (error) {
      console.warn("Python snapshot unusable, booting fresh:", error);
      await (await snapshots())?.delete(SNAPSHOT_KEY);
    }
  }
  if (!pyodide) pyodide = await loadPyodide({ ...options, _makeSnapshot: useSnapshots });
  phase("python");
  progress(80, "Loading the calculators…");
  // The file system is not part of a snapshot: put the zip (imported from
  // directly, with its precompiled bytecode) back in place either way.
  pyodide.FS.writeFile(APP_PATH, await bundle);
  importCalculators(pyodide, wanted(known));
  phase("calculators");
  return { pyodide, mode };
}

const ready = Promise.race([boot(), bootFailed]);
ready.then(
  ({ pyodide, mode }) => {
    say({ type: MSG.ready, phases, mode });
    snapshotDue = mode === "fresh" && useSnapshots;
    // A task of its own, after "ready" has gone; a request already queued
    // takes the image first (below).
    setTimeout(() => keepSnapshot(pyodide), 0);
  },
  async (error) => {
    MSG ??= (await contract).messages;
    say({ type: MSG.fatal, message: String(error?.message || error) });
  },
);

let runJson = null;
addEventListener("message", async ({ data }) => {
  const { messages, input } = await contract;
  if (data.type === messages.connect && held) {
    for (const message of held) postMessage(message);
    held = null;
    return;
  }
  if (data.type !== messages.run) return;
  const { pyodide } = await ready;
  keepSnapshot(pyodide);
  runJson ??= pyodide.pyimport("calculators.api").run_json;
  let output;
  try {
    output = JSON.parse(runJson(data.calculator, JSON.stringify(data.payload), data.siteRoot));
  } catch (error) {
    // A bug, not a reader's mistake: say so plainly, never show a traceback.
    console.error(error);
    output = {
      ok: false,
      calculator: data.calculator,
      errors: [{ field: input, message: "Sorry, the calculator hit a problem it did not expect. Please check your answers and try again." }],
    };
  }
  say({ type: messages.result, id: data.id, output });
});
