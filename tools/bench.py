"""`make bench`: performance figures for the built site. Prints tables and
writes build/bench.json. A measurement, never a test: nothing here fails the
build, it reports each budget as PASS or FAIL.

The machine may be shared and busy, so boot budgets are ratios to two floors
booted in the same run, interleaved with the calculator pages (round-robin,
medians of 5, cold and warm), from a bench-only copy of the site served by
the same gzip-compressing server as the site (never published):
- floor (a): a plain worker booting the same Pyodide with its default
  standard library (python_stdlib.zip as Pyodide ships it);
- floor (b): a blank page running the project's own boot (the same inline
  starter and worker), with no calculator.

Figures:
- full site build time;
- bytes on a cold load of a content page and of each calculator page, by
  file, transferred (gzip where the server compresses) and raw, with the
  service worker blocked so its background caching is not counted;
- per page, cold (fresh profile) and warm (second visit): first paint, form
  usable, Python ready, main-thread long tasks before ready, and the largest
  stall before ready seen by a heartbeat (tools/heartbeat.js: the largest
  gap between 16 ms timer callbacks and between animation frames), which
  sees blocks the long-task observer misses;
- each calculator page cold on emulated phone networks (Lighthouse's slow 4G
  and a 10 Mbit/s 4G), against the time a fast reader takes to fill it in;
- submit to result, once Python is ready;
- Lighthouse (mobile preset), medians of 3 per calculator page.
"""

from __future__ import annotations

import json
import os
import re
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

from calculator_embed.manifest import manifest  # noqa: E402
from sitebuild.chromium import CHROMIUM_ARGS, PREFIX, chromium_path  # noqa: E402
from sitebuild.page_driver import fill  # noqa: E402
from sitebuild.server import SiteServer  # noqa: E402
from sitebuild.vectors import load  # noqa: E402

# Fewer runs for a quick look while working on the bench itself.
RUNS = int(os.environ.get("BENCH_RUNS", 5))
LIGHTHOUSE_RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", 3))
CONTENT_PAGE = "rebuild/strength/"
# Each calculator page, and the vector its submit-to-result run fills in
# (today's page reads a saved plan instead of a form: no vector).
CALCULATORS = {"timeline": "from-weeks-3", "readiness": "ready-all-passed", "planner": "default-gentle-30-minutes", "today": None}
# How fast a quick reader fills each form in (s), to know if Python is ready
# before she could submit: the timeline asks 3 fields, the planner 6, the
# readiness check about 20 yes/no questions; today's page has nothing to
# fill in before its first result, but a reader reads its plan before
# pressing start.
FILL_SECONDS = {"timeline": 5, "planner": 10, "readiness": 30, "today": 5}
FLOOR_DIR = "bench-floor/"
PLAIN, OWN_BOOT = FLOOR_DIR + "plain/", FLOOR_DIR + "boot/"
BUDGET_CONTENT_BYTES = 300_000
BUDGET_RESULT_MS = 100
GOAL_CALCULATOR_GZIP_BYTES = 7_000_000
# Boot budgets, as ratios to the floors measured in the same run.
COLD_TO_PLAIN, WARM_TO_PLAIN, COLD_TO_OWN_BOOT = 0.5, 0.2, 1.1
# GitHub Pages sends this with every file.
PAGES_HEADERS = {"Cache-Control": "max-age=600"}

# Phone networks for Network.emulateNetworkConditions: Lighthouse's slow 4G
# ("mobileSlow4G", 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up) with the
# factors Lighthouse itself applies when it throttles through DevTools
# (latency x3.75, throughput x0.9), and a typical 4G.
SLOW_4G = {"latency": 150 * 3.75, "downloadThroughput": 1.6 * 1024 * 0.9 * 1024 / 8, "uploadThroughput": 750 * 0.9 * 1024 / 8}
FAST_4G = {"latency": 100, "downloadThroughput": 10 * 1000 * 1000 / 8, "uploadThroughput": 5 * 1000 * 1000 / 8}
NETWORKS = {"slow 4G (Lighthouse)": SLOW_4G, "4G 10 Mbit/s": FAST_4G}

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
HEARTBEAT = (ROOT / "tools/heartbeat.js").read_text(encoding="utf-8")
# Our main-thread code: the glue and anything the Python boot runs on the page.
OUR_SCRIPTS = ("/assets/js/", "/assets/vendor/", "/assets/py/")

# Floor (a): a plain worker, Pyodide's own loader and standard library.
PLAIN_PAGE = """<!doctype html><html lang="en"><title>Floor: plain Pyodide worker</title>
<div class="rtr-calculator" data-ready="false">Booting a plain Pyodide worker</div>
<script type="module">
const worker = new Worker("worker.mjs", { type: "module" });
worker.onmessage = () => {
  performance.mark("rtr:floor-plain:ready");
  document.querySelector(".rtr-calculator").dataset.ready = "true";
};
</script>"""
PLAIN_WORKER = """import { loadPyodide } from "../../assets/vendor/pyodide/pyodide.mjs";
await loadPyodide({
  indexURL: new URL("../../assets/vendor/pyodide/", import.meta.url).href,
  stdLibURL: new URL("python_stdlib.zip", import.meta.url).href,
});
postMessage("ready");
"""
# Floor (b): the project's starter, verbatim from a built calculator page,
# asking for no calculator; the page only waits for the worker's "ready".
OWN_BOOT_PAGE = """<!doctype html><html lang="en"><title>Floor: the project's boot</title>
{starter}
<div class="rtr-calculator" data-ready="false">Booting the project's worker</div>
<script>
const worker = window.rtr.python.worker;
worker.addEventListener("message", ({ data }) => {
  if (data.type !== MESSAGES.ready) return;
  performance.mark("rtr:floor-boot:ready", { detail: data.phases });
  const block = document.querySelector(".rtr-calculator");
  block.dataset.boot = data.mode; // "snapshot" on a warm visit, as on a calculator page
  block.dataset.ready = "true";
});
// The worker holds what it says until the page connects (python.js does this).
worker.postMessage({ type: MESSAGES.connect });
</script>"""


def progress(message: str, started: float = time.perf_counter()) -> None:
    print(f"[{time.perf_counter() - started:5.0f} s] {message}", file=sys.stderr, flush=True)


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


def bench_site(target: Path) -> Path:
    """A copy of the built site plus the two floor pages: bench-only, never
    in the published site."""
    shutil.copytree(ROOT / "site", target)
    plain = target / PLAIN
    plain.mkdir(parents=True)
    (plain / "index.html").write_text(PLAIN_PAGE)
    (plain / "worker.mjs").write_text(PLAIN_WORKER)
    shutil.copy(ROOT / "node_modules/pyodide/python_stdlib.zip", plain / "python_stdlib.zip")
    built = (target / "tools/timeline/index.html").read_text(encoding="utf-8")
    starter = re.search(r'<meta name="rtr-calculators".*?</script>', built, re.S)
    assert starter, "no inline starter on the timeline page"
    # Same depth as tools/<name>/, so the starter's relative worker URL holds.
    own = re.sub(r'content="[^"]*"', 'content=""', starter.group(0), count=1)
    (target / OWN_BOOT).mkdir(parents=True)
    page = OWN_BOOT_PAGE.replace("{starter}", own).replace(
        "<script>\nconst worker", f"<script>\nconst MESSAGES = {json.dumps(manifest()['messages'])};\nconst worker"
    )
    (target / OWN_BOOT / "index.html").write_text(page)
    return target


def cold_bytes(browser: Browser, server: SiteServer, path: str) -> dict[str, Any]:
    """Every file a cold visit asks for, until Python is ready and the
    network is quiet: bytes on the wire (gzip where the server compresses,
    as GitHub Pages does) and the file's own size."""
    context = browser.new_context(service_workers="block")
    files: dict[str, dict[str, int]] = {}

    def keep(request: Any) -> None:
        name = request.url.split("?")[0].removeprefix(server.root)
        on_disk = server.directory / (name if name and not name.endswith("/") else name + "index.html")
        if not on_disk.is_file():
            return
        try:
            sent = request.sizes()["responseBodySize"]
        except Exception:  # noqa: BLE001 - an aborted request has no sizes
            return
        files[name or "/"] = {"transferred": sent, "raw": on_disk.stat().st_size}

    context.on("requestfinished", keep)
    page = context.new_page()
    page.goto(server.root + path)
    if page.locator(".rtr-calculator").count():
        page.wait_for_selector(".rtr-calculator[data-ready=true]", state="attached", timeout=60_000)
    page.wait_for_load_state("networkidle")
    context.close()
    return {
        "requests": len(files),
        "raw": sum(f["raw"] for f in files.values()),
        "transferred": sum(f["transferred"] for f in files.values()),
        "python": any("assets/vendor/pyodide/" in url for url in files),
        "files": dict(sorted(files.items(), key=lambda item: -item[1]["transferred"])),
    }


def visit(page: Page, url: str) -> dict[str, float]:
    page.goto(url)
    page.wait_for_selector(".rtr-calculator[data-ready=true]", state="attached", timeout=120_000)
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
            // The longest the page could not respond, before ready: a gap
            // between timer beats, and between animation frames.
            const beat = window.__heartbeat;
            // The worker's own phases (ms since it started): Python up, then
            // the page's calculators imported (none on floor (b)).
            const phases = (mark && mark.detail) || {};
            return { fcp: paint ? paint.startTime : NaN, usable: nav.domInteractive, ready,
                     worker_python: phases.python - phases.start, worker_calculators: phases.calculators - phases.python,
                     long_tasks: all, our_share: mine, boot_long_tasks: blocking,
                     stall_timer: beat ? beat.largest("timer", ready) : NaN,
                     stall_frame: beat ? beat.largest("frame", ready) : NaN,
                     snapshot: document.querySelector(".rtr-calculator").dataset.boot === "snapshot" ? 1 : 0 };
        }""",
        list(OUR_SCRIPTS),
    )


def settled(page: Page, timeout_ms: int = 10_000) -> None:
    """Wait until the worker has kept its Python snapshot (or gave up), then
    a moment for the service worker, instead of a fixed pause."""
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        if page.evaluate("caches.open('rtr-python-snapshots').then((c) => c.keys()).then((k) => k.length)"):
            break
        page.wait_for_timeout(100)
    page.wait_for_timeout(300)


def boot_times(browser: Browser, server: SiteServer, paths: list[str]) -> dict[str, dict[str, dict[str, float]]]:
    """Cold then warm, for every page, the pages interleaved (round-robin,
    starting one further each round) so a busy spell on a shared machine
    falls on all of them alike."""
    runs: dict[str, dict[str, list[dict[str, float]]]] = {p: {"cold": [], "warm": []} for p in paths}
    for round_ in range(RUNS):
        for path in paths[round_ % len(paths):] + paths[: round_ % len(paths)]:
            context = browser.new_context()
            context.add_init_script(LONG_TASKS + HEARTBEAT)
            page = context.new_page()
            runs[path]["cold"].append(visit(page, server.root + path))
            # Let the worker keep its snapshot, and the service worker the
            # runtime, as a real first visit would (the plain floor keeps
            # neither: the HTTP cache is its warm start).
            if path != PLAIN:
                settled(page)
            runs[path]["warm"].append(visit(page, server.root + path))
            context.close()
    summary = lambda runs: {k: median([r[k] for r in runs]) for k in runs[0]}  # noqa: E731
    return {p: {kind: summary(r) for kind, r in by_kind.items()} for p, by_kind in runs.items()}


def phone_networks(browser: Browser, server: SiteServer, paths: list[str], conditions: dict[str, float],
                   stagger_ms: int = 6000) -> dict[str, float]:
    """Time to Python ready on a cold visit over an emulated network (ms),
    for each page. Each page has its own emulated line, so the pages run
    side by side, started a few seconds apart: downloads dominate, and each
    page's CPU-bound start then falls while the next is still downloading.
    The service worker is blocked: its fetches would escape the emulation
    (and it is only registered once Python is up)."""
    opened = []
    for path in paths:
        context = browser.new_context(service_workers="block")
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, **conditions})
        page.goto(server.root + path, wait_until="commit")
        opened.append((path, context, page))
        page.wait_for_timeout(stagger_ms)
    ready = {}
    for path, context, page in opened:
        page.wait_for_selector(".rtr-calculator[data-ready=true]", state="attached", timeout=180_000)
        ready[path] = round(page.evaluate(
            "performance.getEntriesByType('mark').find((m) => m.name.endsWith(':ready')).startTime"))
        context.close()
    return ready


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


def lighthouse(url: str) -> dict[str, Any] | None:
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
    # What cost points: every scored audit below 1, for the closing note.
    lost = sorted(
        audit_id for cat in cats.values() for ref in cat["auditRefs"]
        if ref["weight"] and (report["audits"][(audit_id := ref["id"])].get("score") or 0) < 1
        and report["audits"][audit_id].get("scoreDisplayMode") in ("binary", "numeric")
    )
    return {
        "performance": cats["performance"]["score"],
        "accessibility": cats["accessibility"]["score"],
        "best_practices": cats["best-practices"]["score"],
        "tbt_ms": round(report["audits"]["total-blocking-time"]["numericValue"]),
        "bytes": round(report["audits"]["total-byte-weight"]["numericValue"]),
        "lost": lost,
    }


def lighthouse_median(url: str, runs: int) -> dict[str, Any] | None:
    reports = [r for r in (lighthouse(url) for _ in range(runs)) if r]
    if not reports:
        return None
    # Scores are 0-1 in steps of 0.01: not rounded to one decimal like times.
    scores = {k: round(statistics.median([r[k] for r in reports]), 2)
              for k in ("performance", "accessibility", "best_practices", "tbt_ms", "bytes")}
    return {**scores, "runs": len(reports), "each": [{k: r[k] for k in ("performance", "tbt_ms")} for r in reports],
            "lost": sorted({a for r in reports for a in r["lost"]})}


def table(title: str, header: list[str], rows: list[list[Any]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True))  # noqa: E731
    return "\n".join([f"\n{title}", line(header), line(["-" * w for w in widths]), *map(line, rows)])


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def measure() -> dict[str, Any]:
    progress("site build")
    results: dict[str, Any] = {"runs": RUNS, "build_seconds": site_build_seconds()}
    calc_pages = [f"tools/{n}/" for n in CALCULATORS]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        # Served gzip-compressed, with GitHub Pages' caching header.
        with SiteServer(bench_site(Path(tmp) / "site"), PREFIX, gzip=True, headers=PAGES_HEADERS) as server:
            clock = time.perf_counter()
            progress("cold bytes")
            results["bytes"] = {p: cold_bytes(browser, server, p) for p in [CONTENT_PAGE, *calc_pages]}
            progress("boot times, interleaved")
            results["boot"] = boot_times(browser, server, [PLAIN, OWN_BOOT, *calc_pages])
            progress("phone networks")
            by_network = {net: phone_networks(browser, server, calc_pages, c) for net, c in NETWORKS.items()}
            results["phone"] = {p: {net: by_network[net][p] for net in NETWORKS} for p in calc_pages}
            progress("submit to result")
            results["submit_ms"] = {
                f"tools/{n}/": submit_to_result(browser, server, n, v) for n, v in CALCULATORS.items() if v
            }
            results["browser_seconds"] = round(time.perf_counter() - clock)
            clock = time.perf_counter()
            progress("Lighthouse")
            results["lighthouse"] = {CONTENT_PAGE: lighthouse_median(server.root + CONTENT_PAGE, 1)} | {
                p: lighthouse_median(server.root + p, LIGHTHOUSE_RUNS) for p in calc_pages
            }
            results["lighthouse_seconds"] = round(time.perf_counter() - clock)
        browser.close()
    return results


def report(results: dict[str, Any]) -> None:
    calc_pages = [f"tools/{n}/" for n in CALCULATORS]
    boot = results["boot"]
    print(f"Site build: {results['build_seconds']} s   (medians of {RUNS}; loopback, {os.cpu_count()} cores;"
          f" browser {results['browser_seconds']} s, Lighthouse {results['lighthouse_seconds']} s)")
    print(table("Cold load, bytes (service worker blocked)", ["page", "requests", "transferred KB", "raw KB", "Python?"],
                [[p, b["requests"], round(b["transferred"] / 1000), round(b["raw"] / 1000), "yes" if b["python"] else "no"]
                 for p, b in results["bytes"].items()]))
    files = results["bytes"][calc_pages[0]]["files"]
    print(table(f"Cold load of {calc_pages[0]}, by file (KB)", ["file", "transferred", "raw"],
                [[f, round(s["transferred"] / 1000), round(s["raw"] / 1000)] for f, s in files.items() if s["raw"] >= 5000]
                + [["(smaller files)", round(sum(s["transferred"] for s in files.values() if s["raw"] < 5000) / 1000),
                    round(sum(s["raw"] for s in files.values() if s["raw"] < 5000) / 1000)]]))
    rows = []
    for path, runs in boot.items():
        for kind in ("cold", "warm"):
            r = runs[kind]
            rows.append([path, kind, r["fcp"], r["usable"], r["ready"], r.get("worker_python"), r.get("worker_calculators"),
                         r["long_tasks"], r["boot_long_tasks"], r["stall_timer"], r["stall_frame"], "yes" if r["snapshot"] else "no"])
    print(table("Boot, ms from navigation (floors first; (a) plain Pyodide worker, (b) the project's boot on a blank page)",
                ["page", "visit", "first paint", "form usable", "Python ready", "worker: Python up", "worker: imports",
                 "long tasks", "long tasks of ours",
                 "largest stall: timer", "largest stall: frames", "snapshot"], rows))
    ratio = lambda p, kind, floor: round(boot[p][kind]["ready"] / boot[floor][kind]["ready"], 2)  # noqa: E731
    print(table("Python ready as a ratio to the floors, same run", ["page", "cold / (a)", "warm / (a)", "cold / (b)", "warm / (b)"],
                [[p, ratio(p, "cold", PLAIN), ratio(p, "warm", PLAIN), ratio(p, "cold", OWN_BOOT), ratio(p, "warm", OWN_BOOT)]
                 for p in calc_pages]))
    nets = list(NETWORKS)
    print(table("Phone network, cold visit: Python ready (s) against a quick reader's fill time",
                ["page", *nets, "fill time", "ready first?"],
                [[p, *(results["phone"][p][n] / 1000 for n in nets), FILL_SECONDS[p.split("/")[1]],
                  " / ".join("yes" if results["phone"][p][n] / 1000 <= FILL_SECONDS[p.split("/")[1]] else "no" for n in nets)]
                 for p in calc_pages]))
    print(table("Submit to result, Python ready (ms)", ["page", "median"], [[p, ms] for p, ms in results["submit_ms"].items()]))
    lh = {p: s for p, s in results["lighthouse"].items() if s}
    if lh:
        print(table("Lighthouse, mobile preset (medians)", ["page", "runs", "performance", "each run", "TBT ms",
                                                            "accessibility", "best practices", "KB", "audits below 1"],
                    [[p, s["runs"], s["performance"], " ".join(str(r["performance"]) for r in s.get("each", [])),
                      s["tbt_ms"], s["accessibility"], s["best_practices"],
                      round(s["bytes"] / 1000), " ".join(s["lost"]) or "-"] for p, s in lh.items()]))

    content = results["bytes"][CONTENT_PAGE]
    budgets = [
        (f"cold <= {COLD_TO_PLAIN} x (a)", all(ratio(p, "cold", PLAIN) <= COLD_TO_PLAIN for p in calc_pages)),
        (f"warm <= {WARM_TO_PLAIN} x (a)", all(ratio(p, "warm", PLAIN) <= WARM_TO_PLAIN for p in calc_pages)),
        (f"each calculator page cold <= {COLD_TO_OWN_BOOT} x (b)", all(ratio(p, "cold", OWN_BOOT) <= COLD_TO_OWN_BOOT for p in calc_pages)),
        ("0 ms of long tasks made by the Python boot and glue", all(boot[p][k]["boot_long_tasks"] == 0 for p in calc_pages for k in ("cold", "warm"))),
        ("form usable before Python is ready", all(boot[p][k]["usable"] < boot[p][k]["ready"] for p in calc_pages for k in ("cold", "warm"))),
        ("ready before a quick reader could submit, 4G 10 Mbit/s",
         all(results["phone"][p]["4G 10 Mbit/s"] / 1000 <= FILL_SECONDS[p.split("/")[1]] for p in calc_pages)),
        ("result within 100 ms of submit", all(ms <= BUDGET_RESULT_MS for ms in results["submit_ms"].values())),
        ("content page under 300 KB transferred, no Python", content["transferred"] < BUDGET_CONTENT_BYTES and not content["python"]),
        ("calculator page <= 7 MB transferred", all(results["bytes"][p]["transferred"] <= GOAL_CALCULATOR_GZIP_BYTES for p in calc_pages)),
    ]
    scores = [s for p, s in lh.items() if p in calc_pages]
    if scores:
        budgets += [
            ("Lighthouse performance >= 0.95", all(s["performance"] >= 0.95 for s in scores)),
            ("Lighthouse accessibility 1.0", all(s["accessibility"] == 1 for s in scores)),
            ("Lighthouse best practices 1.0", all(s["best_practices"] == 1 for s in scores)),
        ]
    results["budgets"] = {name: ok for name, ok in budgets}
    print(table("Budgets", ["budget", "result"], [[name, verdict(ok)] for name, ok in budgets]))


def main() -> int:
    results = measure()
    report(results)
    out = ROOT / "build/bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(f"\nWritten: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
