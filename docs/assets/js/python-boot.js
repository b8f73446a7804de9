// Starts the Python worker as early as the page allows. Calculator pages ask
// for this module in their <head> (overrides/main.html), so Python boots
// while the page is still being parsed and the theme's own script runs,
// instead of after both. site.js imports the same module later and connects
// the forms to the worker: a module runs once per page, so both get the same
// worker.

const listed = document.querySelector('meta[name="rtr-calculators"]');
const calculators = listed
  ? listed.content.split(/\s+/).filter(Boolean)
  : [...document.querySelectorAll(".rtr-calculator")].map((block) => block.dataset.calculator); // no <head> tag (another theme)

// Settings travel in the worker's name, not its URL: the service worker may
// answer from a cached copy whose URL has no query string.
const settings = {
  calculators,
  // ?rtr-boot=fresh skips the saved Python snapshot (for tests and the bench).
  boot: new URLSearchParams(location.search).get("rtr-boot") === "fresh" ? "fresh" : "any",
};

performance.mark("rtr:boot:start"); // read by `make bench`
export const worker = new Worker(new URL("./python-worker.js", import.meta.url), {
  type: "module",
  name: JSON.stringify(settings),
});

// What the worker says before the forms are connected is kept and replayed.
const early = [];
const keep = ({ data }) => early.push(data);
const failed = (event) => early.push({ type: "fatal", message: event.message || "the Python worker failed to load" });
worker.addEventListener("message", keep);
worker.addEventListener("error", failed);

export function takeEarlyMessages() {
  worker.removeEventListener("message", keep);
  worker.removeEventListener("error", failed);
  return early.splice(0);
}
