// Search, on every page: the dialog's accessible name, and the go-ahead for
// the theme's search worker. The page's config points the theme at a
// stand-in (search-worker.js, set up in overrides/main.html) that waits for
// the go-ahead: at once on a reading page; on a calculator page once Python
// has started (or failed), or when the reader opens the search, whichever
// comes first. The go-ahead names the theme's own worker.

import { pythonSettled } from "./settled.js";

// Material's search dialog has no accessible name; give it one.
document.querySelector('.md-search[role="dialog"]')?.setAttribute("aria-label", "Search this guide");

const themeSearch = (() => {
  try {
    const url = JSON.parse(document.getElementById("__config")?.textContent ?? "{}").rtrThemeSearch;
    return url ? new URL(url, location.href).href : null;
  } catch {
    return null;
  }
})();

if (themeSearch) {
  const channel = new BroadcastChannel("rtr-search");
  let mayStart = false;
  const letStart = () => {
    mayStart = true;
    channel.postMessage({ go: themeSearch });
  };
  // The stand-in asks when it starts after this script has said "go".
  channel.addEventListener("message", ({ data }) => data === "waiting" && mayStart && letStart());
  pythonSettled().then(letStart);
  document.getElementById("__search")?.addEventListener("change", letStart, { once: true });
  document.querySelector(".md-search")?.addEventListener("focusin", letStart, { once: true });
}
