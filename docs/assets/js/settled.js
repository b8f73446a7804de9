// When the page may spare the CPU and the network for background work
// (search's index, the offline copy): at once on a reading page; on a
// calculator page once Python is ready or has failed, as the calculator
// shows it (data-ready, set by calculator.js), so nothing competes with
// what the reader is waiting for.

export function pythonSettled() {
  const block = document.querySelector(".rtr-calculator");
  if (!block) return Promise.resolve();
  const done = () => block.dataset.ready === "true" || block.dataset.ready === "failed";
  return new Promise((resolve) => {
    if (done()) return resolve();
    const watch = new MutationObserver(() => {
      if (!done()) return;
      watch.disconnect();
      resolve();
    });
    watch.observe(block, { attributes: true, attributeFilter: ["data-ready"] });
  });
}
