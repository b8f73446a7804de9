// "Try again" after Python failed to start (a download cut off, a file
// damaged on the way, a start that stalled): a new worker, without
// reloading the page, so the reader's typed answers stay where they are.

// Resolves with the new start's `ready` once the reader (or another
// calculator on the page) tries again.
export function offerRetry(block, python) {
  return new Promise((resolve) => {
    const status = block.querySelector(".rtr-status");
    const bar = block.querySelector(".rtr-progress");
    const button = Object.assign(document.createElement("button"), {
      type: "button", // inside the form: it must not submit it
      className: "md-button rtr-retry",
      textContent: "Try again",
    });
    let settled = false;
    const restarted = (ready) => {
      if (settled) return;
      settled = true;
      const hadFocus = document.activeElement === button;
      button.remove();
      block.dataset.ready = "false";
      status.querySelector(".rtr-status__text").textContent = "Starting Python again…";
      bar.hidden = false;
      bar.removeAttribute("value"); // indeterminate until the worker reports
      if (hadFocus) block.querySelector(".rtr-submit")?.focus();
      resolve(ready);
    };
    button.addEventListener("click", () => restarted(python.retry()));
    python.onRetry(restarted);
    status.after(button);
  });
}
