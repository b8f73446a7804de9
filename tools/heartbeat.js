// Main-thread heartbeat, injected before any page script (`make bench`, and
// the test that proves it sees a stall). The long-task observer misses a
// block that runs as one microtask checkpoint; a 16 ms timer and the
// animation frames cannot run during any block, so the largest gap between
// two of their callbacks is the longest the page could not respond.
// Gaps over 50 ms are kept as [start, end] in ms since navigation, so a
// reader of window.__heartbeat can count only those before a moment.
(() => {
  const beat = { timer: [], frame: [], since: performance.now() };
  const watch = (gaps, schedule) => {
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      if (now - last > 50) gaps.push([last, now]);
      last = now;
      schedule(tick);
    };
    schedule(tick);
  };
  watch(beat.timer, (tick) => setTimeout(tick, 16));
  watch(beat.frame, (tick) => requestAnimationFrame(tick));
  // The largest gap that began before `until` (ms since navigation), in ms.
  beat.largest = (kind, until = Infinity) =>
    beat[kind].filter(([start]) => start < until).reduce((most, [start, end]) => Math.max(most, end - start), 0);
  Object.defineProperty(window, "__heartbeat", { value: beat });
})();
