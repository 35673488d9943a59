// Formatter figures: formatting a generated ~10,000-line contract in-process (target: under 1 s),
// and the `prettier --check` command over examples/. Run with `pnpm bench:format` (builds first).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { performance } from "node:perf_hooks";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "@covenant/core";
import { formatDocument } from "../dist/index.js";
import { generatedContract, misformatted } from "./generated-contract.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, "..", "..", "..");
const runs = 10;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timeFormat(label, text) {
  for (let i = 0; i < 3; i++) await formatDocument(text);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await formatDocument(text);
    times.push(performance.now() - start);
  }
  const lines = text.split("\n").length;
  console.log(
    `${label.padEnd(34)} ${String(lines).padStart(6)} lines  median ${median(times).toFixed(1).padStart(7)} ms  (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}, ${runs} runs)`,
  );
}

function timeParse(text) {
  for (let i = 0; i < 3; i++) parse(text, "bench.contract");
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    parse(text, "bench.contract");
    times.push(performance.now() - start);
  }
  console.log(`${"  of which the core's parse".padEnd(34)} ${" ".repeat(12)}  median ${median(times).toFixed(1).padStart(7)} ms`);
}

const canonical = generatedContract(10_000);
const messy = misformatted(canonical);
if ((await formatDocument(messy)) !== (await formatDocument(canonical)))
  throw new Error("the misformatted copy does not format to the same text");

console.log("In-process formatting (formatDocument, printWidth 80):");
await timeFormat("  already formatted", canonical);
timeParse(canonical);
await timeFormat("  misformatted", messy);

// The command as a user runs it. The repository's .prettierignore and .prettierrc.json are for its
// TypeScript; an empty ignore file and --no-config make the run see every example with the defaults.
const scratch = mkdtempSync(join(tmpdir(), "covenant-bench-"));
const emptyIgnore = join(scratch, "ignore");
writeFileSync(emptyIgnore, "");
const prettierBin = join(repoRoot, "node_modules", ".bin", "prettier");
const args = ["--no-config", "--ignore-path", emptyIgnore, "--plugin", "prettier-plugin-covenant", "--check", "examples/**/*.contract"];
const times = [];
let last;
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  last = spawnSync(prettierBin, args, { cwd: repoRoot, encoding: "utf8" });
  times.push(performance.now() - start);
}
rmSync(scratch, { recursive: true, force: true });
const checked = (last.stdout + last.stderr).match(/\.contract/g)?.length ?? 0;
console.log('\nprettier --plugin prettier-plugin-covenant --check "examples/**/*.contract" (whole process):');
console.log(
  `  median ${median(times).toFixed(0)} ms over 3 runs, exit ${last.status}${checked ? `, ${checked} file(s) named in its output` : ""}`,
);
if (last.status !== 0) console.log(last.stdout + last.stderr);
