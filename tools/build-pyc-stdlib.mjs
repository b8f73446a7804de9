// Build the browser's standard-library zip as precompiled bytecode.
//
// Why: most of a cold Pyodide start is compiling the stdlib from .py. The
// bytecode must come from the very same Pyodide build, so we compile inside
// it (here in Node, with the pinned npm package) rather than with the host
// CPython. Only bytecode ships (sources would double the download), and members named
// in tools/stdlib-exclude.txt are left out.
//
// Usage: node tools/build-pyc-stdlib.mjs OUT.zip

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const out = process.argv[2];
if (!out) {
  console.error("usage: node tools/build-pyc-stdlib.mjs OUT.zip");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const pyodideDir = dirname(require.resolve("pyodide/package.json"));
const { loadPyodide } = await import(join(pyodideDir, "pyodide.mjs"));

const exclude = readFileSync(new URL("./stdlib-exclude.txt", import.meta.url), "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));

const pyodide = await loadPyodide({ indexURL: pyodideDir + "/" });
pyodide.FS.writeFile("/tmp/stdlib.zip", readFileSync(join(pyodideDir, "python_stdlib.zip")));
pyodide.globals.set("EXCLUDE", pyodide.toPy(exclude));
const summary = pyodide.runPython(`
import time, zipfile
from importlib._bootstrap_external import _code_to_timestamp_pyc

KEEP = {e[1:] for e in EXCLUDE if e.startswith("!")}
DROP = [e for e in EXCLUDE if not e.startswith("!")]

def excluded(name):
    top = name.split("/")[0]
    return name not in KEEP and any(top == e or name.startswith(e) for e in DROP)

compiled = skipped = dropped = 0
with zipfile.ZipFile("/tmp/stdlib.zip") as src, zipfile.ZipFile(
    "/tmp/stdlib.pyc.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9
) as dst:
    for info in src.infolist():
        if excluded(info.filename):
            dropped += 1
            continue
        data = src.read(info)
        if not info.filename.endswith(".py"):
            dst.writestr(info, data)
            continue
        try:
            code = compile(data, info.filename, "exec", dont_inherit=True)
        except SyntaxError:
            skipped += 1  # keep the source: it fails the same way at import
            dst.writestr(info, data)
            continue
        # With no source beside it, zipimport trusts the pyc as it is.
        mtime = int(time.mktime(info.date_time + (0, 0, -1)))
        entry = zipfile.ZipInfo(info.filename + "c", date_time=info.date_time)
        entry.compress_type = zipfile.ZIP_DEFLATED
        dst.writestr(entry, bytes(_code_to_timestamp_pyc(code, mtime, info.file_size)))
        compiled += 1
f"{compiled} modules compiled, {skipped} kept as source, {dropped} files left out"
`);
writeFileSync(out, pyodide.FS.readFile("/tmp/stdlib.pyc.zip"));
console.log(`${out}: ${summary}`);
