// Site-wide script, loaded on every page as a module (no inline code, so the
// CSP needs no 'unsafe-inline'). It stays tiny: pages without a calculator
// never download the calculator glue or the Python runtime.
// Material's search dialog has no accessible name; give it one.
document.querySelector('.md-search[role="dialog"]')?.setAttribute("aria-label", "Search this guide");

const blocks = document.querySelectorAll(".rtr-calculator");
// On a calculator page Python is already booting: an inline script at the
// top of the <head> started it (overrides/partials/python-start.html).
// Connect the forms to it.
const python =
  blocks.length > 0
    ? import("./calculator.js").then((glue) => {
        const started = window.rtrPython;
        if (!started) throw new Error("Python was not started: this page lacks overrides/partials/python-start.html");
        return glue.mount(blocks, started.worker, started.takeEarlyMessages());
      })
    : null;
// Settled once Python is ready or has failed; null on a page without a calculator.
const pythonSettled = python?.then((connection) => connection.ready).catch(() => {});

// Material's search index is built by a stand-in worker that waits for a
// go-ahead (search-worker.js): at once on a reading page; on a calculator
// page once Python has started (or failed), or when the reader opens the
// search, whichever comes first. The go-ahead names the theme's own worker.
const themeSearch = (() => {
  try {
    const url = JSON.parse(document.getElementById("__config")?.textContent ?? "{}").rtrThemeSearch;
    return url ? new URL(url, location.href).href : null;
  } catch {
    return null;
  }
})();
const searchChannel = themeSearch ? new BroadcastChannel("rtr-search") : null;
let searchMayStart = false;
function letSearchStart() {
  searchMayStart = true;
  searchChannel?.postMessage({ go: themeSearch });
}
// The stand-in asks when it starts after this script has said "go".
searchChannel?.addEventListener("message", ({ data }) => data === "waiting" && searchMayStart && letSearchStart());
if (pythonSettled) {
  pythonSettled.then(letSearchStart);
  document.getElementById("__search")?.addEventListener("change", letSearchStart, { once: true });
  document.querySelector(".md-search")?.addEventListener("focusin", letSearchStart, { once: true });
} else {
  letSearchStart();
}

// Offline support: the service worker lives at the site root so that its
// scope covers every page, including under a GitHub Pages /<repo>/ prefix.
// A new version is never swapped in under the reader: she is offered a
// reload, and only her click switches versions.
function offerUpdate(worker) {
  if (document.querySelector(".rtr-update")) return;
  const bar = document.createElement("div");
  bar.className = "rtr-update";
  bar.setAttribute("role", "status");
  const text = document.createElement("span");
  text.textContent = "An updated version of this guide is ready.";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button md-button--primary";
  button.textContent = "Reload to update";
  button.addEventListener("click", () => {
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
    worker.postMessage("activate-update");
  });
  bar.append(text, " ", button);
  document.body.append(bar);
}

// Registered once the page has loaded, and on a calculator page once Python
// is up: installing it fetches the whole guide, which would otherwise
// compete with what the reader is waiting for.
const pageLoaded = new Promise((resolve) =>
  document.readyState === "complete" ? resolve() : addEventListener("load", resolve, { once: true }),
);

async function registerOfflineCopy(root) {
  const registration = await navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname });
  if (!navigator.serviceWorker.controller) return; // first visit: nothing to update
  const track = (worker) => {
    if (!worker) return;
    if (worker.state === "installed") offerUpdate(worker);
    else worker.addEventListener("statechange", () => worker.state === "installed" && offerUpdate(worker));
  };
  track(registration.waiting);
  track(registration.installing);
  registration.addEventListener("updatefound", () => track(registration.installing));
  // Ask for a fresh sw.js on every visit: a new deploy changes its bytes.
  registration.update().catch(() => {}); // offline: try again next visit
}

if ("serviceWorker" in navigator && location.protocol !== "file:") {
  // Whether Python started or failed, the offline copy is still wanted.
  Promise.all([pageLoaded, pythonSettled])
    .then(() => registerOfflineCopy(new URL("../../", import.meta.url)))
    .catch(() => {
      // No offline copy (private mode, or blocked): the site still works online.
    });
}
