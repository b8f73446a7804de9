// Opt-in saving of a calculator's answers in this browser only (localStorage).
// Rules: nothing is saved unless the reader asks; saved answers are never
// overwritten without her say-so; unreadable data is set aside, not deleted,
// and she is told in words, never with a crash or a blank page.

export const PREFIX = "return-to-run.answers.";
export const FORMAT = 1;

const keyFor = (name) => PREFIX + name;

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // Storage blocked (some private modes): saving is just unavailable.
  }
}

/** Returns {answers} | {problem} | null for nothing saved. */
export function load(name) {
  const raw = storage()?.getItem(keyFor(name));
  if (raw == null) return null;
  try {
    const data = JSON.parse(raw);
    if (data && data.format === FORMAT && data.answers && typeof data.answers === "object") {
      return { answers: data.answers, savedAt: data.savedAt };
    }
    return { problem: "from an older version of this page" };
  } catch {
    return { problem: "that could not be read" };
  }
}

function fieldsOf(form) {
  return [...form.elements].filter((el) => el.name && el.type !== "hidden" && !el.dataset.saveControl);
}

function collect(form) {
  const answers = {};
  for (const el of fieldsOf(form)) {
    if (el.type === "checkbox") answers[el.name] = el.checked;
    else if (el.type === "radio") {
      if (el.checked) answers[el.name] = el.value;
    } else answers[el.name] = el.value;
  }
  return answers;
}

// Whether the reader has already changed this control (she may start typing
// before this script runs): her input wins over anything stored.
function touched(form, el) {
  if (el.type === "radio") {
    return [...form.elements].some((r) => r.name === el.name && r.checked !== r.defaultChecked);
  }
  return el.type === "checkbox" ? el.checked !== el.defaultChecked : el.value !== el.defaultValue;
}

/** Set one control from a saved or linked answer (booleans may come as "true"). */
export function setControl(el, value) {
  if (el.type === "checkbox") el.checked = value === true || value === "true";
  else if (el.type === "radio") el.checked = el.value === value;
  else el.value = typeof value === "string" ? value : "";
}

function fill(form, answers) {
  let filled = 0;
  for (const el of fieldsOf(form)) {
    if (!(el.name in answers) || touched(form, el)) continue;
    setControl(el, answers[el.name]);
    filled += 1;
  }
  return filled;
}

function say(block, text) {
  const note = block.querySelector(".rtr-save__note");
  note.textContent = text;
  note.hidden = !text;
}

export function save(block) {
  const name = block.dataset.calculator;
  const record = { format: FORMAT, savedAt: new Date().toISOString(), answers: collect(block.querySelector("form")) };
  try {
    storage()?.setItem(keyFor(name), JSON.stringify(record));
    return true;
  } catch {
    say(block, "Your browser did not let us save (storage may be full or blocked).");
    return false;
  }
}

export function restoreAnswers(block) {
  const name = block.dataset.calculator;
  const form = block.querySelector("form");
  const toggle = block.querySelector("[data-save-control=toggle]");
  const saved = load(name);
  if (saved?.answers) {
    fill(form, saved.answers);
    if (toggle) toggle.checked = true;
    say(block, "We filled in the answers you saved in this browser.");
    return;
  }
  if (saved?.problem) {
    // Keep the old data under a side key so nothing is lost, adding to (never
    // replacing) anything set aside before.
    const store = storage();
    const aside = `${keyFor(name)}.unreadable`;
    let kept = [];
    try {
      kept = JSON.parse(store.getItem(aside) ?? "[]");
    } catch {
      kept = [store.getItem(aside)];
    }
    if (!Array.isArray(kept)) kept = [kept];
    kept.push(store.getItem(keyFor(name)));
    store.setItem(aside, JSON.stringify(kept));
    store.removeItem(keyFor(name));
    say(block, `We found saved answers ${saved.problem}, so we could not use them. They are kept aside; "Clear saved answers" removes them.`);
    return;
  }
  // Nothing saved here: borrow matching answers saved by another calculator
  // (for example the date of birth from the timeline).
  const store = storage();
  if (!store) return;
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key.startsWith(PREFIX) || key === keyFor(name) || key.endsWith(".unreadable")) continue;
    const other = load(key.slice(PREFIX.length));
    if (!other?.answers) continue;
    const shared = Object.fromEntries(
      Object.entries(other.answers).filter(([field, value]) => value !== "" && form.elements[field] && !form.elements[field].value),
    );
    if (Object.keys(shared).length && fill(form, shared)) {
      say(block, "We filled in what you saved in another calculator. Check it is still right.");
      return;
    }
  }
}

export function setupSaving(block) {
  const name = block.dataset.calculator;
  const toggle = block.querySelector("[data-save-control=toggle]");
  const clear = block.querySelector("[data-save-control=clear]");
  if (!toggle || !clear) return;
  if (!storage()) {
    toggle.disabled = true;
    say(block, "This browser does not allow saving, so your answers are not kept.");
    return;
  }
  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      if (save(block)) say(block, "Saved in this browser only. We will update it each time you calculate.");
    } else {
      say(block, "We will not save new answers. What you saved before stays until you clear it.");
    }
  });
  block.addEventListener("rtr:result", () => {
    if (toggle.checked) save(block);
  });
  clear.addEventListener("click", () => {
    storage().removeItem(keyFor(name));
    storage().removeItem(`${keyFor(name)}.unreadable`);
    toggle.checked = false;
    say(block, "Cleared. Nothing from this calculator is stored in this browser now.");
  });
}
