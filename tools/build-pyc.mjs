// Precompile a zip of Python modules to bytecode, inside Pyodide itself.
//
// Why: most of a cold Pyodide start is compiling .py files. Bytecode must
// come from the very same Pyodide build, so we compile inside it (here in
// Node, with the pinned npm package) rather than with the host CPython.
//
// Usage:
//   node tools/build-pyc.mjs --stdlib OUT.zip
//       Pyodide's standard library, bytecode only, minus the members named
//       in tools/stdlib-exclude.txt (sources would double the download).
//   node tools/build-pyc.mjs IN.zip OUT.zip
//       Our own package: sources kept beside unchecked hash-based .pyc
//       (PEP 552), which zipimport trusts without comparing timestamps, so
//       the browser's time zone cannot invalidate them.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const args = process.argv.slice(2);
const stdlib = args[0] === "--stdlib";
const [input, out] = stdlib ? [null, args[1]] : args;
if (!out) {
  console.error("usage: node tools/build-pyc.mjs --stdlib OUT.zip | IN.zip OUT.zip");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const pyodideDir = dirname(require.resolve("pyodide/package.json"));
const { loadPyodide } = await import(join(pyodideDir, "pyodide.mjs"));

const exclude = stdlib
  ? readFileSync(new URL("./stdlib-exclude.txt", import.meta.url), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"))
  : [];

const pyodide = await loadPyodide({ indexURL: pyodideDir + "/" });
pyodide.FS.writeFile("/tmp/in.zip", readFileSync(stdlib ? join(pyodideDir, "python_stdlib.zip") : input));
pyodide.globals.set("EXCLUDE", pyodide.toPy(exclude));
pyodide.globals.set("KEEP_SOURCE", !stdlib);
const summary = pyodide.runPython(`
import importlib.util, time, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc, _code_to_timestamp_pyc

KEEP = {e[1:] for e in EXCLUDE if e.startswith("!")}
DROP = [e for e in EXCLUDE if not e.startswith("!")]

def excluded(name):
    top = name.split("/")[0]
    return name not in KEEP and any(top == e or name.startswith(e) for e in DROP)

compiled = dropped = 0
with zipfile.ZipFile("/tmp/in.zip") as src, zipfile.ZipFile(
    "/tmp/out.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9
) as dst:
    for info in src.infolist():
        if excluded(info.filename):
            dropped += 1
            continue
        data = src.read(info)
        if not info.filename.endswith(".py"):
            dst.writestr(info, data)
            continue
        code = compile(data, info.filename, "exec", dont_inherit=True)
        if KEEP_SOURCE:
            dst.writestr(info, data)
            pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
        else:
            # With no source beside it, zipimport trusts the pyc as it is.
            mtime = int(time.mktime(info.date_time + (0, 0, -1)))
            pyc = _code_to_timestamp_pyc(code, mtime, info.file_size)
        entry = zipfile.ZipInfo(info.filename + "c", date_time=info.date_time)
        entry.compress_type = zipfile.ZIP_DEFLATED
        dst.writestr(entry, bytes(pyc))
        compiled += 1
f"{compiled} modules compiled, {dropped} files left out"
`);
writeFileSync(out, pyodide.FS.readFile("/tmp/out.zip"));
console.log(`${out}: ${summary}`);
