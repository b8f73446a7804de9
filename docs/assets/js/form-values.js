// Reading and setting a calculator form's answers, in one place: the page's
// own glue, saved answers and links that pre-fill a form all go through here,
// so a kind of control cannot round-trip in one path and not in another.

/** The reader's own controls (no hidden fields, no save controls), by name. */
export function controlsByName(form) {
  const groups = new Map();
  for (const el of form.elements) {
    if (!el.name || el.type === "hidden" || el.dataset.saveControl) continue;
    if (!groups.has(el.name)) groups.set(el.name, []);
    groups.get(el.name).push(el);
  }
  return groups;
}

/** What the form shows now: booleans for boxes, a value (or nothing) for a radio group, text otherwise. */
export function answersOf(form) {
  const answers = {};
  for (const [name, controls] of controlsByName(form)) {
    const first = controls[0];
    if (first.type === "checkbox") answers[name] = first.checked;
    else if (first.type === "radio") {
      const chosen = controls.find((el) => el.checked);
      if (chosen) answers[name] = chosen.value;
    } else answers[name] = first.value;
  }
  return answers;
}

// Whether the reader has already changed this group (she may start typing
// before the script runs): her input wins over anything stored or linked.
function touched(controls) {
  return controls.some((el) =>
    el.type === "checkbox" || el.type === "radio" ? el.checked !== el.defaultChecked : el.value !== el.defaultValue,
  );
}

/** Set one group of controls from a saved or linked answer; false if the value fits none. */
function setGroup(controls, value) {
  const first = controls[0];
  if (first.type === "checkbox") {
    first.checked = value === true || value === "true";
    return true;
  }
  if (first.type === "radio") {
    // A value that is none of the options leaves the group as it was.
    const match = controls.find((el) => el.value === String(value));
    if (!match) return false;
    for (const el of controls) el.checked = el === match;
    return true;
  }
  if (typeof value !== "string" && typeof value !== "number") return false;
  first.value = String(value);
  return true;
}

/** Fill the form from `answers`; returns how many questions were filled. */
export function applyAnswers(form, answers, { keepTouched = true } = {}) {
  let filled = 0;
  for (const [name, controls] of controlsByName(form)) {
    if (!Object.hasOwn(answers, name)) continue;
    if (keepTouched && touched(controls)) continue;
    if (setGroup(controls, answers[name])) filled += 1;
  }
  return filled;
}

/** Answers named in the page's query string, for this form's questions only. */
export function answersFromLink(form, search = location.search) {
  const known = controlsByName(form);
  const answers = {};
  for (const [name, value] of new URLSearchParams(search)) if (known.has(name)) answers[name] = value;
  return answers;
}

/** Whether applying `answers` would change anything the form shows now. */
export function differs(form, answers) {
  const now = answersOf(form);
  return Object.entries(answers).some(([name, value]) => {
    const shown = now[name];
    return typeof shown === "boolean" ? shown !== (value === true || value === "true") : String(shown ?? "") !== String(value);
  });
}

function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// What the page fills in itself when a hidden field is left empty, by the
// field's data-fill (forms.py).
const FILLERS = { today: localToday };

/** The answers as sent to Python: every named control, hidden ones included. */
export function payloadOf(form) {
  const payload = {};
  for (const el of form.elements) {
    if (!el.name || el.dataset.saveControl) continue;
    if (el.type === "checkbox") {
      payload[el.name] = el.checked;
    } else if (el.type === "radio") {
      if (el.checked) payload[el.name] = el.value;
      else if (!(el.name in payload)) payload[el.name] = null;
    } else if (el.type === "hidden" && el.dataset.fill) {
      const fill = FILLERS[el.dataset.fill];
      payload[el.name] = el.value || (fill ? fill() : "");
    } else if (el.type === "date" && el.validity.badInput) {
      // A half-typed date reads as "" in the DOM; let Python explain it.
      payload[el.name] = "incomplete";
    } else {
      payload[el.name] = el.value;
    }
  }
  return payload;
}

/**
 * Make the form show exactly `answers` (hidden fields included): nothing
 * ticked or chosen for a missing answer, empty text for null. For whoever
 * drives the page as a whole (the browser tests, through `window.rtr.forms`).
 */
export function fill(form, answers) {
  for (const el of form.elements) {
    if (!el.name || el.dataset.saveControl || !Object.hasOwn(answers, el.name)) continue;
    const value = answers[el.name];
    if (el.type === "checkbox") el.checked = value === true;
    else if (el.type === "radio") el.checked = el.value === value;
    else el.value = value === null || value === undefined ? "" : String(value);
  }
}
