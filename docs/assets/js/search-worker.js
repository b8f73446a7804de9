// Stands in for Material's search worker, and starts it only when the page
// can spare the CPU. Building the search index keeps a core busy for a
// fraction of a second; on a calculator page that delayed Python's first
// start by about as much (1.64-1.66 s without it, 1.82-2.29 s with it, in
// one A/B of the same build; issue #7). search.js says "go" at once on a
// reading page, and on a calculator page once Python is ready or as soon as
// the reader opens the search. Until then the theme's messages are kept,
// then handed to its worker in order, so search behaves exactly as before.
//
// The go-ahead names the theme's worker (overrides/main.html keeps it in the
// page's config): not this script's URL, which the service worker may answer
// without its query string.
const kept = [];
const keep = ({ data }) => kept.push(data);
addEventListener("message", keep);

const channel = new BroadcastChannel("rtr-search");
channel.addEventListener("message", ({ data }) => {
  const theme = typeof data?.go === "string" ? new URL(data.go) : null;
  if (!theme || theme.origin !== location.origin) return;
  channel.close();
  removeEventListener("message", keep);
  importScripts(theme.href); // adds the theme's own "message" listener
  for (const data of kept.splice(0)) dispatchEvent(new MessageEvent("message", { data }));
});
// search.js may have said "go" before this worker was listening: ask again.
channel.postMessage("waiting");
