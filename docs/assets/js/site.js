// Site-wide script, loaded on every page as a module (no inline code, so the
// CSP needs no 'unsafe-inline'). It stays tiny: pages without a calculator
// never download the calculator glue or the Python runtime.
// Material's search dialog has no accessible name; give it one.
document.querySelector('.md-search[role="dialog"]')?.setAttribute("aria-label", "Search this guide");

const blocks = document.querySelectorAll(".rtr-calculator");
if (blocks.length > 0) {
  // Start Python first, then fetch the glue: the two overlap.
  // The worker's settings travel in its name, not its URL: the service
  // worker may answer from a cached copy whose URL has no query string.
  const settings = {
    calculators: [...blocks].map((block) => block.dataset.calculator),
    // ?rtr-boot=fresh skips the saved Python snapshot (for tests and the bench).
    boot: new URLSearchParams(location.search).get("rtr-boot") === "fresh" ? "fresh" : "any",
  };
  const worker = new Worker(new URL("./python-worker.js", import.meta.url), { type: "module", name: JSON.stringify(settings) });
  const early = []; // what the worker says before the glue is listening
  const keep = ({ data }) => early.push(data);
  const failed = (event) => early.push({ type: "fatal", message: event.message || "the Python worker failed to load" });
  worker.addEventListener("message", keep);
  worker.addEventListener("error", failed);
  import("./calculator.js").then((glue) => {
    worker.removeEventListener("message", keep);
    worker.removeEventListener("error", failed);
    glue.mount(blocks, worker, early);
  });
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

if ("serviceWorker" in navigator && location.protocol !== "file:") {
  const root = new URL("../../", import.meta.url);
  navigator.serviceWorker
    .register(new URL("sw.js", root), { scope: root.pathname })
    .then((registration) => {
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
    })
    .catch(() => {
      // No offline copy (private mode, or blocked): the site still works online.
    });
}
