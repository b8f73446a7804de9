// Thin browser glue for the calculators. It owns the DOM and nothing else:
// it mounts every calculator on the page, reads the generated form, sends
// the answers to Python in a worker (python.js), and shows whatever HTML (or
// per-field messages) Python returns. All rules and wording live in the
// Python package, so page and tests cannot disagree; ids come from the
// generated contract (contract.js), never built here.
// Loaded only on a calculator page (overrides/main.html), after its forms.

import contract from "./contract.js";
import * as forms from "./form-values.js";
import { connect } from "./python.js";
import { restoreAnswers, setupSaving } from "./saved-answers.js";

// Absolute path of the site root, e.g. "/" or "/return-to-run/": links in
// results then work at any page depth and under any Pages prefix.
const SITE_ROOT = new URL("../../", import.meta.url).pathname;

function clearErrors(block) {
  for (const slot of block.querySelectorAll(".rtr-error[data-error-for]")) {
    slot.textContent = "";
    slot.hidden = true;
  }
  for (const el of block.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  const summary = block.querySelector(".rtr-error-summary");
  if (summary) {
    summary.hidden = true;
    summary.querySelector("ul").replaceChildren();
  }
}

// Where a summary link takes the reader: the control itself, the first
// option of a group, or the message when the problem has no control.
function focusTarget(id) {
  const target = document.getElementById(id);
  if (target?.matches("fieldset")) return target.querySelector("input");
  if (target) return target;
  const slot = document.querySelector(`[data-error-for="${CSS.escape(id)}"]`);
  slot?.setAttribute("tabindex", "-1");
  return slot;
}

// One list of every problem, in the order of the form, each linking to its
// field (the GOV.UK error-summary pattern); focus goes to the list.
function showSummary(block) {
  const summary = block.querySelector(".rtr-error-summary");
  if (!summary) return null;
  const list = summary.querySelector("ul");
  for (const slot of block.querySelectorAll(".rtr-error[data-error-for]")) {
    if (slot.hidden) continue;
    const id = slot.dataset.errorFor;
    const link = Object.assign(document.createElement("a"), { href: `#${id}`, textContent: slot.textContent });
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const target = focusTarget(id);
      target?.focus({ preventScroll: true });
      target?.scrollIntoView({ block: "center" });
    });
    const item = document.createElement("li");
    item.append(link);
    list.append(item);
  }
  summary.hidden = false;
  return summary;
}

// Each message by its field's slot; a problem with no slot of its own (the
// answers as a whole, or a field the page fills in) in the form's.
function showErrors(block, name, errors) {
  const { fields, input } = contract.calculators[name];
  let first = null;
  for (const { field, message } of errors) {
    const declared = Object.hasOwn(fields, field) ? fields[field] : null;
    const slot = (declared && block.querySelector(`#${CSS.escape(declared.error)}`)) || block.querySelector(`#${CSS.escape(input.error)}`);
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    slot.hidden = false;
    const control = declared && slot.id === declared.error ? document.getElementById(declared.id) : null;
    if (control) {
      control.setAttribute("aria-invalid", "true");
      first ??= control.matches("fieldset") ? control.querySelector("input") : control;
    }
  }
  return first;
}

// Put the result's heading at the top of the view with focus on it, so the
// verdict is the first thing seen and read. The stylesheet's scroll margin
// keeps it clear of the fixed header.
function showHeading(result) {
  const heading = result.querySelector("h2"); // tabindex="-1" from Python's view
  if (!heading) return;
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: "start" });
}

// A short summary for screen readers (the report marks it with
// data-announce), instead of the whole report as a live region.
function announce(block, result) {
  const parts = [...result.querySelectorAll("[data-announce]")].map((el) => el.textContent.trim());
  const text = parts.length ? parts.join(" ") : (result.querySelector("h2")?.textContent ?? "");
  block.querySelector(".rtr-announce").textContent = text;
}

// Files offered with a result are made here, from Python's output: nothing
// is uploaded or fetched.
function wireDownloads(result, downloads) {
  const files = new Map(downloads.map((file) => [file.filename, file]));
  for (const button of result.querySelectorAll("[data-download]")) {
    const file = files.get(button.dataset.download);
    if (!file) continue;
    button.addEventListener("click", () => {
      const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }));
      const link = Object.assign(document.createElement("a"), { href: url, download: file.filename });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    });
  }
}

function addPrintButton(result) {
  const button = Object.assign(document.createElement("button"), {
    type: "button",
    className: "md-button rtr-print",
    textContent: "Print this result",
  });
  button.addEventListener("click", () => window.print());
  result.append(button); // beside Python's report, not inside it
}

function setStatus(block, text, percent) {
  block.querySelector(".rtr-status__text").textContent = text;
  const bar = block.querySelector(".rtr-progress");
  if (percent === null) bar.hidden = true;
  else if (Number.isFinite(percent)) bar.value = percent;
}

function mountOne(block, python) {
  const name = block.dataset.calculator;
  performance.mark(`rtr:${name}:start`);
  const form = block.querySelector("form");
  const button = form.querySelector(".rtr-submit");
  const result = block.querySelector(".rtr-result");
  let pending = false;

  python.onProgress((percent, text) => setStatus(block, text, percent));

  async function calculate() {
    performance.mark(`rtr:${name}:submit`); // read by `make bench`
    const payload = forms.payloadOf(form);
    const output = await python.run(name, payload, SITE_ROOT);
    clearErrors(block);
    if (output.ok) {
      result.innerHTML = output.html;
      wireDownloads(result, output.downloads || []);
      addPrintButton(result);
      result.dataset.state = "ok";
      showHeading(result);
      announce(block, result);
      performance.mark(`rtr:${name}:result`);
      block.dispatchEvent(new CustomEvent("rtr:result", { detail: output, bubbles: true }));
    } else {
      result.innerHTML = ""; // an old result beside a wrong answer would mislead
      result.dataset.state = "invalid";
      const count = output.errors.length;
      setStatus(block, count === 1 ? "One answer needs a look: see the message by it." : `${count} answers need a look: see the messages by them.`, null);
      block.querySelector(".rtr-announce").textContent = "";
      const first = showErrors(block, name, output.errors);
      const summary = showSummary(block);
      if (summary) {
        summary.focus({ preventScroll: true });
        summary.scrollIntoView({ block: "start" });
      } else first?.focus();
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (block.dataset.ready !== "true") {
      // Never make the reader wait to type: remember the click and run on ready.
      pending = true;
      setStatus(block, "Your answers are kept. Calculating as soon as Python is ready…", undefined);
      return;
    }
    calculate();
  });

  const started = (info) => {
    performance.mark(`rtr:${name}:ready`, { detail: info.phases });
    button.setAttribute("aria-disabled", "false");
    block.dataset.ready = "true";
    block.dataset.boot = info.mode; // "fresh" or "snapshot"
    setStatus(block, "Ready. Your answers never leave this browser.", null);
    if (pending) calculate();
  };
  const failed = (error) => {
    console.error("Python did not start:", error);
    block.dataset.ready = "failed";
    setStatus(block, "Sorry, the calculator could not start. Check your connection, then try again. If it keeps happening, try another browser.", null);
    offerRetry(block, python).then(started, failed);
  };
  python.ready.then(started, failed);

  // Saved answers, or a link's (e.g. the readiness check opens the planner
  // with ?level=…&poor_sleep=true): saved-answers.js decides and says which.
  restoreAnswers(block);
  setupSaving(block, {
    onClear() {
      clearErrors(block);
      result.replaceChildren();
      delete result.dataset.state;
      block.querySelector(".rtr-announce").textContent = "";
    },
  });
}

// "Try again" after Python failed to start (a download cut off, a file
// damaged on the way, a start that stalled): resolves with the new start's
// `ready` once the reader (or another calculator on the page) tries again.
function offerRetry(block, python) {
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

// Returns the connection, whose `ready` settles once Python is up or has failed.
function mount(blocks, started) {
  const python = connect(started);
  for (const block of blocks) mountOne(block, python);
  // Once Python is up, ask the service worker to keep it for offline use
  // (once per page, however many calculators it shows); a failed start is
  // reported by each calculator.
  const keepForOffline = (ready) =>
    ready.then(
      () => navigator.serviceWorker?.ready.then((registration) => registration.active?.postMessage("keep-runtime")),
      () => {},
    );
  keepForOffline(python.ready);
  python.onRetry(keepForOffline);
  return python;
}

// The page's forms, connected to the worker the starter made.
const started = window.rtr?.python;
if (!started) throw new Error("Python was not started: this page lacks overrides/partials/python-start.html");
// The one form binding, for whoever drives the page (the browser tests do).
window.rtr.forms = forms;
mount(document.querySelectorAll(".rtr-calculator"), started);
