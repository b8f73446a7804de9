"""The bench's heartbeat (tools/heartbeat.js) sees a main-thread stall that
runs as one microtask checkpoint, the kind the long-task observer missed
when PyScript froze a page. Not a timed test: the block lasts at least
600 ms by construction, and the heartbeat must report a gap covering it."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from sitebuild.server import SiteServer

HEARTBEAT = Path(__file__).resolve().parents[2] / "tools" / "heartbeat.js"

BLANK = "<!doctype html><html lang=en><title>blank</title><p>Nothing here.</p>"

# The block: a chain of microtasks that keeps the main thread busy for
# 600 ms, started from a timer so it is no script evaluation of the test's.
BLOCK = """() => new Promise((done) => {
  window.__longTasks = [];
  new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
    .observe({ type: "longtask" });
  setTimeout(() => {
    const start = performance.now();
    const spin = () => {
      if (performance.now() - start < 600) return Promise.resolve().then(spin);
      window.__block = [start, performance.now()];
    };
    Promise.resolve().then(spin);
  }, 100);
  setTimeout(done, 1200);
})"""


def test_heartbeat_sees_a_microtask_stall(browser: Browser, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(BLANK)
    with SiteServer(tmp_path) as server:
        context = browser.new_context()
        context.add_init_script(HEARTBEAT.read_text(encoding="utf-8"))
        page = context.new_page()
        page.goto(server.root)
        page.wait_for_timeout(300)  # a few beats first
        page.evaluate(BLOCK)
        start, end = page.evaluate("window.__block")
        assert end - start >= 600
        for kind in ("timer", "frame"):
            gaps = page.evaluate("(kind) => window.__heartbeat[kind]", kind)
            # One gap spans the whole block: nothing beat while it ran.
            assert any(s <= start and e >= end for s, e in gaps), (kind, gaps, start, end)
            assert page.evaluate("(kind) => window.__heartbeat.largest(kind)", kind) >= 500
            # Counted only for gaps that began before a moment (ready, in the bench).
            assert (
                page.evaluate(
                    "([kind, t]) => window.__heartbeat.largest(kind, t)", [kind, start - 100]
                )
                < 500
            )
        # The long-task observer may or may not see it; the heartbeat must.
        print("long tasks seen by the observer (ms):", page.evaluate("window.__longTasks"))
        context.close()
