// Site-wide script, loaded on every page as a module (no inline code, so the
// CSP needs no 'unsafe-inline'). It stays tiny: pages without a calculator
// never download the calculator glue or the Python runtime.
const blocks = document.querySelectorAll(".rtr-calculator");
if (blocks.length > 0) {
  import("./calculator.js").then((glue) => glue.mount(blocks));
}

// Offline support: the service worker lives at the site root so that its
// scope covers every page, including under a GitHub Pages /<repo>/ prefix.
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  const root = new URL("../../", import.meta.url);
  navigator.serviceWorker
    .register(new URL("sw.js", root), { scope: root.pathname })
    .catch(() => {
      // No offline copy (private mode, or blocked): the site still works online.
    });
}
