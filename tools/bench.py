"""`make bench`: performance figures for the built site. Prints tables and
writes build/bench.json. A measurement, never a test: nothing here fails the
build, it reports each budget as pass or fail.

Figures (medians of 5, loopback, this machine):
- full site build time;
- bytes on a cold load of a content page and of each calculator page, raw
  and gzip, with the service worker blocked so its background caching is not
  counted (the server compresses as GitHub Pages does, so Lighthouse sees
  realistic transfer sizes);
- per calculator page, cold (fresh profile) and warm (second visit, service
  worker and HTTP cache warm): first contentful paint, form usable
  (DOM interactive), Python ready, main-thread long tasks before ready from
  any source, the time our own scripts ran inside them, and the long tasks
  our scripts make on their own (long animation frames name each script);
- submit to result, once Python is ready;
- the same boot figures for a "before" build whose runtime loads the plain
  .py standard library (as Pyodide ships it), to show what precompiling buys;
- Lighthouse (mobile preset) scores for each calculator page and a content page.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitebuild.chromium import CHROMIUM_ARGS, PREFIX, chromium_path  # noqa: E402
from sitebuild.server import SiteServer  # noqa: E402
from sitebuild.vectors import load  # noqa: E402
from tests.browser.driver import fill  # noqa: E402

RUNS = 5
CONTENT_PAGE = "rebuild/strength/"
CALCULATORS = {"timeline": "from-weeks-3", "readiness": "ready-all-passed", "planner": "default-gentle-30-minutes"}
BUDGET_CONTENT_BYTES = 300_000
BUDGET_RESULT_MS = 100
GOAL_READY_COLD_MS, GOAL_READY_WARM_MS = 1500, 700
GOAL_CALCULATOR_GZIP_BYTES = 7_000_000

# Long tasks, and long animation frames with the scripts that ran in them:
# the frames say whose code blocked the main thread (the theme's, or ours).
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration])))
  .observe({ type: "longtask", buffered: true });
window.__frames = [];
new PerformanceObserver((list) => window.__frames.push(...list.getEntries().map((e) => ({
  start: e.startTime, duration: e.duration,
  scripts: e.scripts.map((s) => ({ url: s.sourceURL, start: s.startTime, duration: s.duration })),
})))).observe({ type: "long-animation-frame", buffered: true });
"""
# Our main-thread code: the glue and anything the Python boot runs on the page.
OUR_SCRIPTS = ("/assets/js/", "/assets/vendor/", "/assets/py/")

def median(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def site_build_seconds() -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", out],
            cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        return round(time.perf_counter() - start, 2)


def cold_bytes(browser: Browser, server: SiteServer, path: str) -> dict[str, Any]:
    context = browser.new_context(service_workers="block")
    bodies: list[tuple[str, bytes]] = []

    def keep(response: Any) -> None:
        try:
            bodies.append((response.url, response.body()))
        except Exception:  # noqa: BLE001 - a redirect or aborted response has no body
            pass

    context.on("response", keep)
    page = context.new_page()
    page.goto(server.root + path)
    if page.locator(".rtr-calculator").count():
        page.wait_for_selector(".rtr-calculator[data-ready=true]", state="attached", timeout=60_000)
    page.wait_for_load_state("networkidle")
    context.close()
    return {
        "requests": len(bodies),
        "raw": sum(len(b) for _, b in bodies),
        "gzip": sum(len(gzip.compress(b, 6)) for _, b in bodies),
        "python": any("/assets/vendor/pyodide/" in url for url, _ in bodies),
    }


def visit(page: Page, url: str) -> dict[str, float]:
    page.goto(url)
    page.wait_for_selector(".rtr-calculator[data-ready=true]", state="attached", timeout=60_000)
    return page.evaluate(
        """(ours) => {
            const mark = performance.getEntriesByType("mark").find((m) => m.name.endsWith(":ready"));
            const ready = mark ? mark.startTime : NaN;
            const paint = performance.getEntriesByName("first-contentful-paint")[0];
            const nav = performance.getEntriesByType("navigation")[0];
            // Every main-thread long task before ready, whatever its source
            // (the theme's start-up included)...
            const all = (window.__longTasks || []).filter(([at]) => at < ready)
              .reduce((total, [, duration]) => total + duration, 0);
            // ...the time our own scripts ran inside those long frames (the
            // Python boot and the glue)...
            const oursIn = (frame) => frame.scripts
              .filter((s) => s.start < ready && ours.some((part) => s.url.includes(part)))
              .reduce((total, s) => total + s.duration, 0);
            const frames = window.__frames || [];
            const mine = frames.reduce((total, f) => total + oursIn(f), 0);
            // ...and the long tasks our scripts make on their own: frames in
            // which they alone ran for 50 ms or more.
            const blocking = frames.map(oursIn).filter((ms) => ms >= 50).reduce((a, b) => a + b, 0);
            return { fcp: paint ? paint.startTime : NaN, usable: nav.domInteractive, ready,
                     long_tasks: all, our_share: mine, boot_long_tasks: blocking,
                     snapshot: document.querySelector(".rtr-calculator").dataset.boot === "snapshot" ? 1 : 0 };
        }""",
        list(OUR_SCRIPTS),
    )


def boot_times(browser: Browser, server: SiteServer, path: str, query: str = "") -> dict[str, dict[str, float]]:
    cold: list[dict[str, float]] = []
    warm: list[dict[str, float]] = []
    for _ in range(RUNS):
        context = browser.new_context()
        context.add_init_script(LONG_TASKS)
        page = context.new_page()
        cold.append(visit(page, server.root + path + query))
        # Let the service worker keep the runtime, and the worker its
        # snapshot, as a real first visit would.
        page.wait_for_timeout(2500)
        warm.append(visit(page, server.root + path + query))
        context.close()
    summary = lambda runs: {k: median([r[k] for r in runs]) for k in runs[0]}  # noqa: E731
    return {"cold": summary(cold), "warm": summary(warm)}


def submit_to_result(browser: Browser, server: SiteServer, name: str, vector: str) -> float:
    answers = next(v for v in load(name) if v.name == vector).input
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(server.root + f"tools/{name}/")
    page.wait_for_selector(".rtr-calculator[data-ready=true]", state="attached", timeout=60_000)
    times = []
    for _ in range(RUNS):
        fill(page, name, answers)
        page.eval_on_selector(f"#rtr-{name}-result", "(el) => { delete el.dataset.state; }")
        page.click(f"#rtr-{name}-submit")
        page.wait_for_function("(n) => document.querySelector(`#rtr-${n}-result`).dataset.state", arg=name)
        times.append(
            page.evaluate(
                """(n) => {
                    const last = (m) => performance.getEntriesByName(`rtr:${n}:${m}`).at(-1).startTime;
                    return last("result") - last("submit");
                }""",
                name,
            )
        )
    context.close()
    return median(times)


def lighthouse(url: str) -> dict[str, float] | None:
    binary = ROOT / "node_modules/.bin/lighthouse"
    browser = chromium_path()
    if not binary.exists() or browser is None:
        return None
    flags = " ".join(CHROMIUM_ARGS + ["--user-data-dir=" + tempfile.mkdtemp()])
    done = subprocess.run(
        [str(binary), url, "--output=json", "--quiet", f"--chrome-flags={flags}",
         "--only-categories=performance,accessibility,best-practices"],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": browser}, check=False,
    )
    if done.returncode != 0:
        print(f"lighthouse failed for {url}: {done.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    report = json.loads(done.stdout)
    cats = report["categories"]
    return {
        "performance": cats["performance"]["score"],
        "accessibility": cats["accessibility"]["score"],
        "best_practices": cats["best-practices"]["score"],
        "tbt_ms": round(report["audits"]["total-blocking-time"]["numericValue"]),
        "bytes": round(report["audits"]["total-byte-weight"]["numericValue"]),
    }


def before_build(target: Path) -> Path:
    """The same site, but Python boots from Pyodide's own .py standard library."""
    shutil.copytree(ROOT / "site", target)
    runtime = target / "assets/vendor/pyodide"
    shutil.copy(ROOT / "node_modules/pyodide/python_stdlib.zip", runtime / "python_stdlib.pyc.zip")
    return target


def table(title: str, header: list[str], rows: list[list[Any]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True))  # noqa: E731
    return "\n".join([f"\n{title}", line(header), line(["-" * w for w in widths]), *map(line, rows)])


def verdict(ok: bool) -> str:
    return "pass" if ok else "FAIL"


def main() -> int:
    results: dict[str, Any] = {"runs": RUNS, "build_seconds": site_build_seconds()}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        # Served gzip-compressed, as GitHub Pages serves it.
        with SiteServer(ROOT / "site", PREFIX, gzip=True) as after, SiteServer(
            before_build(Path(tmp) / "b"), PREFIX, gzip=True
        ) as before:
            results["bytes"] = {CONTENT_PAGE: cold_bytes(browser, after, CONTENT_PAGE)}
            results["boot"], results["boot_before"], results["submit_ms"] = {}, {}, {}
            for name, vector in CALCULATORS.items():
                path = f"tools/{name}/"
                results["bytes"][path] = cold_bytes(browser, after, path)
                results["boot"][path] = boot_times(browser, after, path)
                results["boot_before"][path] = boot_times(browser, before, path, "?rtr-boot=fresh")
                results["submit_ms"][path] = submit_to_result(browser, after, name, vector)
            results["lighthouse"] = {
                path: lighthouse(after.root + path)
                for path in [CONTENT_PAGE, *(f"tools/{n}/" for n in CALCULATORS)]
            }
        browser.close()

    out = ROOT / "build/bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2))

    print(f"Site build: {results['build_seconds']} s   (medians of {RUNS} runs below; loopback, {os.cpu_count()} cores)")
    print(table("Cold load, bytes (service worker blocked)", ["page", "requests", "raw KB", "gzip KB", "Python?"],
                [[p, b["requests"], round(b["raw"] / 1000), round(b["gzip"] / 1000), "yes" if b["python"] else "no"]
                 for p, b in results["bytes"].items()]))
    for label, key in (
        ("Before: Pyodide's own .py stdlib, no snapshot", "boot_before"),
        ("After: precompiled stdlib; warm visits restore a snapshot", "boot"),
    ):
        rows = []
        for path, runs in results[key].items():
            for visit_kind in ("cold", "warm"):
                r = runs[visit_kind]
                rows.append([path, visit_kind, r["fcp"], r["usable"], r["ready"], r["long_tasks"], r["our_share"], r["boot_long_tasks"], "yes" if r["snapshot"] else "no"])
        print(table(f"{label}: ms from navigation", ["page", "visit", "first paint", "form usable", "Python ready", "long tasks before ready", "our scripts in them", "long tasks of ours", "snapshot"], rows))
    print(table("Submit to result, Python ready (ms)", ["page", "median"], [[p, ms] for p, ms in results["submit_ms"].items()]))
    lh_rows = [[p, s["performance"], s["tbt_ms"], s["accessibility"], s["best_practices"], round(s["bytes"] / 1000)]
               for p, s in results["lighthouse"].items() if s]
    if lh_rows:
        print(table("Lighthouse, mobile preset", ["page", "performance", "TBT ms", "accessibility", "best practices", "KB"], lh_rows))

    content = results["bytes"][CONTENT_PAGE]
    calc_pages = [f"tools/{n}/" for n in CALCULATORS]
    budgets = [
        # Transferred bytes: GitHub Pages serves text gzip-compressed.
        ("content page under 300 KB (gzip), no Python", content["gzip"] < BUDGET_CONTENT_BYTES and not content["python"]),
        ("form usable before Python is ready", all(results["boot"][p][v]["usable"] < results["boot"][p][v]["ready"] for p in calc_pages for v in ("cold", "warm"))),
        ("result within 100 ms of submit", all(ms <= BUDGET_RESULT_MS for ms in results["submit_ms"].values())),
        ("Python ready <= 1.5 s cold", all(results["boot"][p]["cold"]["ready"] <= GOAL_READY_COLD_MS for p in calc_pages)),
        ("Python ready <= 0.7 s warm", all(results["boot"][p]["warm"]["ready"] <= GOAL_READY_WARM_MS for p in calc_pages)),
        ("0 ms of long tasks made by the Python boot and glue", all(results["boot"][p][v]["boot_long_tasks"] == 0 for p in calc_pages for v in ("cold", "warm"))),
        ("0 ms of long tasks before ready, theme's own included", all(results["boot"][p][v]["long_tasks"] == 0 for p in calc_pages for v in ("cold", "warm"))),
        ("calculator page <= 7 MB gzip", all(results["bytes"][p]["gzip"] <= GOAL_CALCULATOR_GZIP_BYTES for p in calc_pages)),
    ]
    if lh_rows:
        scores = [s for s in results["lighthouse"].values() if s]
        budgets += [
            ("Lighthouse performance >= 0.90", all(s["performance"] >= 0.9 for s in scores)),
            ("Lighthouse TBT <= 200 ms", all(s["tbt_ms"] <= 200 for s in scores)),
            ("Lighthouse accessibility 1.0", all(s["accessibility"] == 1 for s in scores)),
            ("Lighthouse best practices 1.0", all(s["best_practices"] == 1 for s in scores)),
        ]
    print(table("Budgets and goals", ["budget", "result"], [[name, verdict(ok)] for name, ok in budgets]))
    print(f"\nWritten: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
