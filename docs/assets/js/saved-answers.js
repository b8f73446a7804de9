// Opt-in saving of a calculator's answers in this browser only (localStorage).
// Rules: nothing is saved unless the reader asks; saved answers are never
// overwritten without her say-so; unreadable data is set aside, not deleted;
// and she is told in words what happened, never with a crash or a blank page.

import { answersFromLink, answersOf, applyAnswers, differs } from "./form-values.js";

export const PREFIX = "return-to-run.answers.";
export const FORMAT = 1;

const keyFor = (name) => PREFIX + name;
const asideKey = (name) => `${keyFor(name)}.unreadable`;

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // Storage blocked (some private modes): saving is just unavailable.
  }
}

// Every write goes through here: a full or blocked storage (QuotaExceededError)
// becomes a message, never an uncaught error that stops the page's buttons.
function write(key, value) {
  try {
    storage()?.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function remove(key) {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do: the reader is told by the caller if it matters.
  }
}

const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Returns {answers, savedAt} | {problem} | null for nothing saved. */
export function load(name) {
  let raw = null;
  try {
    raw = storage()?.getItem(keyFor(name)) ?? null;
  } catch {
    return null;
  }
  if (raw == null) return null;
  try {
    const data = JSON.parse(raw);
    if (isRecord(data) && data.format === FORMAT && isRecord(data.answers)) {
      return { answers: data.answers, savedAt: data.savedAt };
    }
    return { problem: "from an older version of this page" };
  } catch {
    return { problem: "that could not be read" };
  }
}

/** Say something beside the save controls, with optional buttons. */
function say(block, text, actions = []) {
  const note = block.querySelector(".rtr-save__note");
  if (!note) return;
  note.replaceChildren(text);
  for (const { label, run } of actions) {
    const button = Object.assign(document.createElement("button"), {
      type: "button",
      className: "md-button rtr-save__action",
      textContent: label,
    });
    button.addEventListener("click", run);
    note.append(" ", button);
  }
  note.hidden = !text;
}

export function save(block) {
  const name = block.dataset.calculator;
  const record = { format: FORMAT, savedAt: new Date().toISOString(), answers: answersOf(block.querySelector("form")) };
  if (write(keyFor(name), JSON.stringify(record))) return true;
  say(block, "Your browser did not let us save (storage may be full or blocked). Your answers are still on the page.");
  return false;
}

// Keep unreadable data under a side key so nothing is lost, adding to (never
// replacing) anything set aside before. Returns whether it could.
function setAside(name) {
  const store = storage();
  let kept = [];
  try {
    kept = JSON.parse(store.getItem(asideKey(name)) ?? "[]");
  } catch {
    kept = [store.getItem(asideKey(name))];
  }
  if (!Array.isArray(kept)) kept = [kept];
  kept.push(store.getItem(keyFor(name)));
  if (!write(asideKey(name), JSON.stringify(kept))) return false;
  remove(keyFor(name));
  return true;
}

// Nothing saved here: borrow matching answers saved by another calculator
// (for example the date of birth from the timeline) for empty fields.
function borrow(block, form) {
  const store = storage();
  if (!store) return false;
  const name = block.dataset.calculator;
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX) || key === keyFor(name) || key.endsWith(".unreadable")) continue;
    const other = load(key.slice(PREFIX.length));
    if (!other?.answers) continue;
    const shared = Object.fromEntries(
      Object.entries(other.answers).filter(([field, value]) => value !== "" && form.elements[field] && !form.elements[field].value),
    );
    if (Object.keys(shared).length && applyAnswers(form, shared)) {
      say(block, "We filled in what you saved in another calculator. Check it is still right.");
      return true;
    }
  }
  return false;
}

/**
 * Fill the form when the page opens. Saved answers win over a link's, since
 * the reader chose to keep them; she is told which were used, and offered
 * the link's answers with one tap.
 */
export function restoreAnswers(block) {
  const name = block.dataset.calculator;
  const form = block.querySelector("form");
  const toggle = block.querySelector("[data-save-control=toggle]");
  const linked = answersFromLink(form);
  const fromLink = Object.keys(linked).length > 0;
  const useLink = {
    label: "Use the link's answers",
    run: () => {
      applyAnswers(form, linked, { keepTouched: false });
      say(block, "We used the answers from the link. Your saved answers change only when you calculate with saving on.");
    },
  };
  const saved = load(name);
  if (saved?.answers) {
    const filled = applyAnswers(form, saved.answers);
    if (toggle) toggle.checked = true;
    if (fromLink && differs(form, linked)) {
      say(block, "We filled in the answers you saved in this browser. The link you followed suggests different ones.", [useLink]);
    } else if (filled) {
      say(block, "We filled in the answers you saved in this browser.");
    } else {
      say(block, "Saving is on, but the answers saved here did not fit these questions, so the form is as new.");
    }
    return;
  }
  let setAsideNote = "";
  if (saved?.problem) {
    setAsideNote = setAside(name)
      ? `We found saved answers ${saved.problem}, so we could not use them. They are kept aside; "Clear saved answers" removes them.`
      : `We found saved answers ${saved.problem}, and there was no room to set them aside, so we left them as they are. "Clear saved answers" removes them.`;
  }
  if (fromLink) {
    applyAnswers(form, linked);
    say(block, `${setAsideNote} We filled in answers from the link you followed. Check they are right.`.trim());
    return;
  }
  if (setAsideNote) {
    say(block, setAsideNote);
    return;
  }
  borrow(block, form);
}

/** Wire the save box and the clear button; `onClear` resets the rest of the calculator. */
export function setupSaving(block, { onClear = () => {} } = {}) {
  const name = block.dataset.calculator;
  const toggle = block.querySelector("[data-save-control=toggle]");
  const clear = block.querySelector("[data-save-control=clear]");
  if (!toggle || !clear) return;
  if (!storage()) {
    toggle.disabled = true;
    clear.disabled = true;
    say(block, "This browser does not allow saving, so your answers are not kept.");
    return;
  }
  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      if (save(block)) say(block, "Saved in this browser only. We will update it each time you calculate.");
      else toggle.checked = false;
    } else {
      say(block, "We will not save new answers. What you saved before stays until you clear it.");
    }
  });
  block.addEventListener("rtr:result", () => {
    if (toggle.checked) save(block);
  });
  clear.addEventListener("click", () => {
    remove(keyFor(name));
    remove(asideKey(name));
    block.querySelector("form").reset();
    toggle.checked = false;
    onClear();
    say(block, "Cleared. Nothing from this calculator is stored in this browser, and the form is as new.");
  });
}
