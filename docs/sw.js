// Service worker: keeps the site, and the Python runtime once used, for
// offline reading. `make` stamps VERSION, PRECACHE and RUNTIME after each
// build (tools/finish_site.py); an unstamped copy (mkdocs serve) does nothing.
//
// One cache per build for the pages, used whole: a page and its assets
// always come from the same build. A new build installs beside the old one
// and takes over only when the reader agrees (or next time the site is
// opened), then the old cache is deleted, so versions never mix.
//
// The Python runtime is kept apart, each file under its content hash, so
// an update that leaves it unchanged keeps it: offline Python survives
// updates. Each file is checked against its hash before it is kept.

const VERSION = "__BUILD_VERSION__";
const PRECACHE = [] /* __PRECACHE__ */;
// The Python runtime, path -> SHA-256: kept once a calculator page has used it.
const RUNTIME = {} /* __RUNTIME__ */;
const STAMPED = !VERSION.startsWith("__");
const CACHE = `return-to-run-${VERSION}`;
// Not "return-to-run-…": that prefix is for whole builds, deleted on update.
const RUNTIME_CACHE = "rtr-runtime";
const scope = new URL(self.registration.scope);

// Where a runtime file is kept: its URL with its content hash as a revision.
const runtimeKey = (path) => new URL(`${path}?sha256=${RUNTIME[path]}`, scope).href;
const runtimePath = (url) => {
  const path = url.pathname.startsWith(scope.pathname) ? url.pathname.slice(scope.pathname.length) : null;
  return path !== null && Object.hasOwn(RUNTIME, path) ? path : null;
};

async function sha256(response) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.arrayBuffer()));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// Keep every runtime file this build uses that is not kept yet: from an
// older build's cache when its bytes are the same, else (if allowed) from
// the network, revalidated, so a copy in the HTTP cache is never taken for
// a newer one.
async function keepRuntime({ download }) {
  const cache = await caches.open(RUNTIME_CACHE);
  await Promise.all(
    Object.keys(RUNTIME).map(async (path) => {
      const key = runtimeKey(path);
      if (await cache.match(key)) return;
      const url = new URL(path, scope);
      let found = await caches.match(url, { ignoreSearch: true });
      if (!found && download) found = await fetch(url, { cache: "no-cache" }).catch(() => null);
      if (found?.ok && (await sha256(found.clone())) === RUNTIME[path]) await cache.put(key, found);
    }),
  );
}

self.addEventListener("install", (event) => {
  if (!STAMPED) return;
  event.waitUntil(
    (async () => {
      // Past the HTTP cache: a deploy minutes after the last one would
      // otherwise be installed with the old build's pages.
      const cache = await caches.open(CACHE);
      await cache.addAll(PRECACHE.map((path) => new Request(new URL(path, scope), { cache: "reload" })));
      // Carried over before the old cache goes, so offline Python stays.
      await keepRuntime({ download: false }).catch(() => {});
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("return-to-run-") && key !== CACHE) await caches.delete(key);
      }
      if (STAMPED) {
        // Runtime files this build no longer uses (a new Pyodide, changed calculators).
        const runtime = await caches.open(RUNTIME_CACHE);
        const wanted = new Set(Object.keys(RUNTIME).map(runtimeKey));
        for (const request of await runtime.keys()) if (!wanted.has(request.url)) await runtime.delete(request);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "activate-update") self.skipWaiting();
  if (event.data === "keep-runtime" && STAMPED) event.waitUntil(keepRuntime({ download: true }));
});

async function fromCacheOrNetwork(request) {
  const url = new URL(request.url);
  const path = runtimePath(url);
  if (path !== null) {
    const kept = await (await caches.open(RUNTIME_CACHE)).match(runtimeKey(path));
    return kept ?? fetch(request);
  }
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") cache.put(request, response.clone());
    return response;
  } catch (error) {
    if (request.mode === "navigate") {
      const fallback = await cache.match(new URL("404.html", scope));
      if (fallback) return fallback;
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (!STAMPED || event.request.method !== "GET" || url.origin !== scope.origin) return;
  event.respondWith(fromCacheOrNetwork(event.request));
});
