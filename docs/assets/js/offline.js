// Offline support, on every page: registers the service worker (sw.js) and
// offers an update when a new version is ready. The service worker lives at
// the site root so that its scope covers every page, including under a
// GitHub Pages /<repo>/ prefix. A new version is never swapped in under the
// reader: she is offered a reload, and only her click switches versions.

import { pythonSettled } from "./settled.js";

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
// is up (or failed): installing it fetches the whole guide, which would
// otherwise compete with what the reader is waiting for.
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
  Promise.all([pageLoaded, pythonSettled()])
    .then(() => registerOfflineCopy(new URL("../../", import.meta.url)))
    .catch(() => {
      // No offline copy (private mode, or blocked): the site still works online.
    });
}
