// Service worker: keeps the site, and the Python runtime once used, for
// offline reading. `make` stamps VERSION and PRECACHE after each build
// (tools/finish_site.py); an unstamped copy (mkdocs serve) does nothing.
//
// One cache per build, used whole: a page and its assets always come from
// the same build. A new build installs beside the old one and takes over
// only when the reader agrees (or next time the site is opened), then the
// old cache is deleted, so versions never mix.

const VERSION = "__BUILD_VERSION__";
const PRECACHE = [] /* __PRECACHE__ */;
// The Python runtime: kept once a calculator page has used it.
const RUNTIME = [] /* __RUNTIME__ */;
const STAMPED = !VERSION.startsWith("__");
const CACHE = `return-to-run-${VERSION}`;
const scope = new URL(self.registration.scope);

self.addEventListener("install", (event) => {
  if (!STAMPED) return;
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, scope)))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("return-to-run-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "activate-update") self.skipWaiting();
  if (event.data === "keep-runtime" && STAMPED) {
    // Mostly served from the HTTP cache: the page has just downloaded these.
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(RUNTIME.map((path) => new URL(path, scope)))));
  }
  if (event.data === "version") event.source?.postMessage({ version: VERSION });
});

async function fromCacheOrNetwork(request) {
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
