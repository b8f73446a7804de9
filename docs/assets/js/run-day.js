// Today's run: the session timer, the check-in and the on-device log.
// Python (the "today" calculator) decides everything and writes every word;
// this module keeps the clock, plays the cues and stores what Python returns.
// It talks to the calculator only through its form (hidden fields, submit)
// and the `rtr:result` event, so the calculator glue stays generic.

import contract from "./contract.js";

const PLAN_KEY = "return-to-run.answers.planner";
const LOG_KEY = "return-to-run.log";
const SETTINGS_KEY = "return-to-run.runday.settings";
const ASIDE_SUFFIX = ".unreadable";
const TICK_MS = 250;
const COUNTDOWN_S = 3;

// Ids from the generated contract (calculator_embed/manifest.py).
const TODAY = contract.calculators.today;
const block = document.getElementById(TODAY.form)?.closest(".rtr-calculator");

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// Keep something we could not read under a side key, adding to (never
// replacing) whatever was set aside before.
function setAside(key) {
  const store = storage();
  const raw = store?.getItem(key);
  if (!store || raw == null) return;
  let kept = [];
  try {
    kept = JSON.parse(store.getItem(key + ASIDE_SUFFIX) ?? "[]");
  } catch {
    kept = [store.getItem(key + ASIDE_SUFFIX)];
  }
  if (!Array.isArray(kept)) kept = [kept];
  kept.push(raw);
  store.setItem(key + ASIDE_SUFFIX, JSON.stringify(kept));
  store.removeItem(key);
}

// --- talking to Python through the calculator's form ----------------------

const form = block?.querySelector("form");
const result = block?.querySelector(".rtr-result");
// The calculator's hidden fields, which carry what this browser keeps.
const fields = Object.fromEntries(Object.entries(TODAY.fields).map(([name, { id }]) => [name, document.getElementById(id)]));

function send(request = null) {
  const store = storage();
  fields.plan.value = store?.getItem(PLAN_KEY) ?? "";
  fields.log.value = store?.getItem(LOG_KEY) ?? "";
  fields.settings.value = store?.getItem(SETTINGS_KEY) ?? "";
  fields.request.value = request ? JSON.stringify(request) : "";
  form.requestSubmit();
}

function whenReady(callback) {
  if (block.dataset.ready === "true") return callback();
  const watch = new MutationObserver(() => {
    if (block.dataset.ready === "true") {
      watch.disconnect();
      callback();
    }
  });
  watch.observe(block, { attributes: true, attributeFilter: ["data-ready"] });
}

function onResult(output) {
  fields.request.value = "";
  const data = output.result;
  const store = storage();
  if (store) {
    if (data.log_status === "unreadable" || data.log_status === "future") setAside(LOG_KEY);
    if (data.log_changed) store.setItem(LOG_KEY, JSON.stringify(data.log));
    if (data.settings?.days || data.settings?.at) store.setItem(SETTINGS_KEY, JSON.stringify(data.settings));
  }
  wire(data);
}

// --- the timer ---------------------------------------------------------------

// Time comes from timestamps (Date.now), never from counting ticks: a
// throttled or hidden tab still shows the right part when it comes back.
const timer = {
  segments: [],
  startedAt: null,
  pausedAt: null,
  pausedMs: 0,
  shiftMs: 0, // time jumped over by skip and by "stop and walk"
  skipped: [], // [fromS, toS] spans jumped over, so running done is honest
  walkedFromS: null,
  ended: false,
  cuedIndex: -1,
  countdownFor: -1,
  interval: null,
  wakeLock: null,
  view: null,
};

const total = () => timer.segments.reduce((sum, s) => sum + s.seconds, 0);

function elapsedS() {
  if (timer.startedAt == null) return 0;
  const now = timer.pausedAt ?? Date.now();
  return Math.min((now - timer.startedAt - timer.pausedMs + timer.shiftMs) / 1000, total());
}

function locate(elapsed) {
  let start = 0;
  for (let i = 0; i < timer.segments.length; i++) {
    const end = start + timer.segments[i].seconds;
    if (elapsed < end) return { index: i, start, end };
    start = end;
  }
  return { index: timer.segments.length, start, end: start };
}

function runDoneS(elapsed) {
  let done = 0;
  let start = 0;
  for (const s of timer.segments) {
    const end = start + s.seconds;
    if (s.kind === "run") {
      let ran = Math.max(0, Math.min(elapsed, end) - start);
      for (const [a, b] of timer.skipped) ran -= Math.max(0, Math.min(b, end, elapsed) - Math.max(a, start));
      done += Math.max(0, ran);
    }
    start = end;
  }
  return Math.round(done);
}

const clock = (s) => {
  const whole = Math.max(0, Math.ceil(s));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
};

function speak(text) {
  const speakOn = timer.view?.querySelector('[data-timer="speak"]')?.checked;
  if (!speakOn || !("speechSynthesis" in window)) return;
  try {
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  } catch {
    // A missing voice must never stop the clock.
  }
}

let audio = null;
function tone(high) {
  try {
    audio ??= new (window.AudioContext || window.webkitAudioContext)();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = high ? 880 : 523;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.4);
  } catch {
    // No audio: the spoken cue and the screen still say it.
  }
}

function vibrate(pattern) {
  try {
    navigator.vibrate?.(pattern);
  } catch {
    // Not supported here.
  }
}

function cue(index) {
  const seg = timer.segments[index];
  if (!seg) return;
  tone(seg.kind === "run");
  vibrate(seg.kind === "run" ? [200, 100, 200] : [400]);
  speak(seg.cue);
}

async function keepAwake(on) {
  const note = timer.view?.querySelector("[data-timer-note]");
  if (!on) {
    await timer.wakeLock?.release().catch(() => {});
    timer.wakeLock = null;
    return;
  }
  if (!("wakeLock" in navigator)) {
    if (note) note.textContent = timer.view.dataset.noteNowake;
    return;
  }
  try {
    timer.wakeLock = await navigator.wakeLock.request("screen");
    if (note) note.textContent = timer.view.dataset.noteWake;
  } catch {
    if (note) note.textContent = timer.view.dataset.noteNowake;
  }
}

function render() {
  const view = timer.view;
  if (!view) return;
  const elapsed = elapsedS();
  const here = locate(elapsed);
  const phase = view.querySelector("[data-timer-phase]");
  const clockEl = view.querySelector("[data-timer-clock]");
  const next = view.querySelector("[data-timer-next]");
  view.dataset.elapsed = String(Math.floor(elapsed));
  if (here.index >= timer.segments.length || timer.ended) {
    finish();
    return;
  }
  const seg = timer.segments[here.index];
  const left = here.end - elapsed;
  view.dataset.segment = String(here.index);
  view.dataset.kind = seg.kind;
  if (here.index !== timer.cuedIndex && timer.pausedAt == null) {
    timer.cuedIndex = here.index;
    cue(here.index);
  }
  const following = timer.segments[here.index + 1];
  // 3-2-1 before a run starts.
  if (following?.kind === "run" && left <= COUNTDOWN_S && timer.countdownFor !== here.index && timer.pausedAt == null) {
    timer.countdownFor = here.index;
    speak(view.dataset.sayCountdown);
    vibrate([100]);
  }
  const counting = following?.kind === "run" && left <= COUNTDOWN_S;
  phase.textContent = timer.pausedAt != null ? `${view.dataset.labelPaused}: ${seg.name}` : counting ? `${seg.name} · ${view.dataset.labelCountdown} ${Math.ceil(left)}` : seg.name;
  clockEl.textContent = clock(left);
  next.textContent = following ? `${view.dataset.labelNext} ${following.name} (${clock(following.seconds)})` : "";
  for (const [i, li] of [...block.querySelectorAll(".rtr-segments li")].entries()) {
    if (i === here.index) li.setAttribute("aria-current", "step");
    else li.removeAttribute("aria-current");
    li.dataset.done = i < here.index ? "true" : "false";
  }
}

function buttons(state) {
  const view = timer.view;
  const b = (name) => view.querySelector(`[data-timer="${name}"]`);
  b("start").hidden = state !== "ready";
  b("pause").hidden = state === "ready" || state === "done";
  b("pause").textContent = state === "paused" ? view.dataset.labelResume : view.dataset.labelPause;
  b("pause").setAttribute("aria-pressed", state === "paused" ? "true" : "false");
  for (const name of ["skip", "end", "symptoms"]) b(name).disabled = state === "ready" || state === "done";
  view.dataset.state = state;
}

function start() {
  timer.startedAt = Date.now();
  timer.pausedAt = null;
  timer.pausedMs = 0;
  timer.shiftMs = 0;
  timer.skipped = [];
  timer.walkedFromS = null;
  timer.ended = false;
  timer.cuedIndex = -1;
  timer.countdownFor = -1;
  buttons("running");
  keepAwake(true);
  clearInterval(timer.interval);
  timer.interval = setInterval(render, TICK_MS);
  render();
}

function pause() {
  if (timer.pausedAt == null) {
    timer.pausedAt = Date.now();
    buttons("paused");
    window.speechSynthesis?.cancel?.();
  } else {
    timer.pausedMs += Date.now() - timer.pausedAt;
    timer.pausedAt = null;
    buttons("running");
  }
  render();
}

function jumpTo(targetS) {
  const now = elapsedS();
  if (targetS <= now) return;
  timer.skipped.push([now, targetS]);
  timer.shiftMs += (targetS - now) * 1000;
  render();
}

function skip() {
  jumpTo(locate(elapsedS()).end);
}

// The consensus rule: walk at once when symptoms start. No run is cued
// after that: the timer goes straight to the cool-down walk (the check-in
// then repeats the step), and remembers when, for the check-in and the log.
function stopAndWalk() {
  const now = elapsedS();
  timer.walkedFromS ??= Math.floor(now);
  const here = locate(now);
  if (timer.pausedAt != null) pause();
  const last = timer.segments.length - 1;
  if (here.index < last) {
    timer.cuedIndex = last; // the symptoms cue replaces the cool-down's own
    jumpTo(total() - timer.segments[last].seconds);
    tone(false);
    vibrate([400]);
    speak(timer.view.dataset.saySymptoms);
  }
  const howDuring = block.querySelector('[data-checkin] input[name="how"][value="symptoms-during"]');
  if (howDuring) howDuring.checked = true;
  timer.view.dataset.walked = String(timer.walkedFromS);
}

function finish() {
  if (timer.view?.dataset.state === "done") return;
  clearInterval(timer.interval);
  timer.interval = null;
  const elapsed = elapsedS();
  timer.ended = true;
  timer.result = { run_done_s: runDoneS(elapsed), walked_from_s: timer.walkedFromS };
  keepAwake(false);
  const view = timer.view;
  view.querySelector("[data-timer-phase]").textContent = view.dataset.labelDone;
  view.querySelector("[data-timer-clock]").textContent = clock(0);
  view.querySelector("[data-timer-next]").textContent = "";
  buttons("done");
  tone(false);
  vibrate([300]);
  speak(view.dataset.sayDone);
  view.dataset.runDone = String(timer.result.run_done_s);
  const checkin = block.querySelector("[data-checkin]");
  if (elapsed < total() && !timer.walkedFromS) {
    const early = checkin?.querySelector('input[name="how"][value="stopped-early"]');
    if (early && !checkin.querySelector('input[name="how"]:checked')) early.checked = true;
  }
  checkin?.querySelector("input, select, textarea")?.focus();
}

function wireTimer() {
  const view = block.querySelector(".rtr-timer");
  timer.view = view;
  if (!view) return;
  timer.segments = [...block.querySelectorAll(".rtr-segments li")].map((li) => ({
    kind: li.dataset.kind,
    seconds: Number(li.dataset.seconds),
    cue: li.dataset.cue,
    name: li.dataset.name,
  }));
  const on = (name, handler) => view.querySelector(`[data-timer="${name}"]`).addEventListener("click", handler);
  on("start", start);
  on("pause", pause);
  on("skip", skip);
  on("end", () => {
    timer.ended = true;
    render();
  });
  on("symptoms", stopAndWalk);
  view.dataset.timerReady = "true";
  if (timer.interval) {
    // Re-drawn mid-session (say, new running days): the clock carries on.
    buttons(timer.pausedAt != null ? "paused" : "running");
    render();
    return;
  }
  timer.startedAt = null;
  timer.ended = false;
  buttons("ready");
}

document.addEventListener("visibilitychange", () => {
  if (document.visibilityState !== "visible") return;
  render(); // at once, not at the next tick
  if (timer.interval && !timer.wakeLock) keepAwake(true);
});

// --- check-in, log, settings ----------------------------------------------

function readCheckin(checkinForm) {
  const values = new FormData(checkinForm);
  const body = {
    how: values.get("how"),
    symptoms: values.getAll("symptoms"),
    effort: values.get("effort") || null,
    notes: values.get("notes") || "",
  };
  if (values.get("edit")) body.edit = values.get("edit");
  else if (timer.result) Object.assign(body, timer.result);
  return body;
}

function editEntry(data, id) {
  const entry = data.log.entries.find((e) => e.id === id);
  const checkinForm = block.querySelector("[data-checkin]");
  if (!entry || !checkinForm) return;
  checkinForm.elements.namedItem("edit").value = id;
  for (const el of checkinForm.elements) {
    if (el.name === "how") el.checked = el.value === entry.how;
    if (el.name === "symptoms") el.checked = entry.symptoms.includes(el.value);
  }
  checkinForm.elements.namedItem("effort").value = entry.effort ?? "";
  checkinForm.elements.namedItem("notes").value = entry.notes;
  const note = checkinForm.querySelector("[data-checkin-editing]");
  note.textContent = block.querySelector(`[data-entry="${CSS.escape(id)}"] h4`)?.textContent ?? id;
  note.hidden = false;
  checkinForm.querySelector('input[name="how"]')?.focus();
}

function wire(data) {
  wireTimer();
  const checkinForm = block.querySelector("[data-checkin]");
  checkinForm?.addEventListener("submit", (event) => {
    event.preventDefault();
    const error = checkinForm.querySelector("[data-checkin-error]");
    // Checking in mid-session ends it, so what was done goes with the check-in.
    if (timer.interval && !checkinForm.elements.namedItem("edit").value) {
      timer.ended = true;
      render();
    }
    const body = readCheckin(checkinForm);
    if (!body.how) {
      error.textContent = checkinForm.querySelector("legend").textContent + ": choose one.";
      error.hidden = false;
      checkinForm.querySelector('input[name="how"]').focus();
      return;
    }
    error.hidden = true;
    timer.result = null;
    send({ checkin: body });
  });
  for (const button of block.querySelectorAll("[data-log-edit]")) {
    button.addEventListener("click", () => editEntry(data, button.dataset.logEdit));
  }
  for (const button of block.querySelectorAll("[data-log-delete]")) {
    button.addEventListener("click", () => {
      if (window.confirm(button.getAttribute("aria-label") + "?")) send({ delete: button.dataset.logDelete });
    });
  }
  block.querySelector("[data-log-import]")?.addEventListener("change", async (event) => {
    const file = event.target.files?.[0];
    if (file) send({ import: await file.text() });
  });
  const settingsForm = block.querySelector("[data-settings]");
  settingsForm?.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = new FormData(settingsForm);
    const days = values.getAll("days").map(Number);
    const alarm = values.get("alarm_minutes");
    // Checked here too, with Python's words, so a slip never blanks the page.
    const error = settingsForm.querySelector("[data-settings-error]");
    const crowded = days.length === 7 || days.some((d) => days.includes((d + 1) % 7));
    const badAlarm = alarm !== "" && !(/^\d+$/.test(alarm) && Number(alarm) <= 1440);
    if (crowded || badAlarm) {
      error.textContent = crowded ? settingsForm.dataset.msgDays : settingsForm.dataset.msgAlarm;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    const settings = {
      days: days.length ? days : null,
      at: values.get("at") || null,
      alarm_minutes: alarm === "" || alarm == null ? null : Number(alarm),
    };
    // Tried first, kept only once Python accepts it (see onResult).
    fields.settings.value = JSON.stringify(settings);
    const store = storage();
    const before = store?.getItem(SETTINGS_KEY);
    store?.setItem(SETTINGS_KEY, JSON.stringify(settings));
    pendingSettingsUndo = before;
    send();
  });
}

let pendingSettingsUndo;

if (block) {
  // Nothing a reader saved is lost: unreadable settings are set aside.
  const store = storage();
  try {
    JSON.parse(store?.getItem(SETTINGS_KEY) ?? "null");
  } catch {
    setAside(SETTINGS_KEY);
  }
  block.addEventListener("rtr:result", (event) => {
    pendingSettingsUndo = undefined;
    onResult(event.detail);
  });
  // A refused request: undo any settings just tried, and show the page
  // again with the last good ones (Python's message stays above the form).
  new MutationObserver(() => {
    if (result.dataset.state !== "invalid" || pendingSettingsUndo === undefined) return;
    if (pendingSettingsUndo == null) store?.removeItem(SETTINGS_KEY);
    else store?.setItem(SETTINGS_KEY, pendingSettingsUndo);
    pendingSettingsUndo = undefined;
    send();
  }).observe(result, { attributes: true, attributeFilter: ["data-state"] });
  whenReady(() => send());
}

// For tests and curious readers: the state of the clock, read-only.
export function timerState() {
  return { elapsed: elapsedS(), segment: locate(elapsedS()).index, walkedFromS: timer.walkedFromS };
}
