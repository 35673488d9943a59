#!/usr/bin/env node
/**
 * Measures `covenant check` on generated contracts: the whole command as a process (wall time
 * including Node start-up, and its peak memory), and in-process parse+check throughput after
 * warm-up. Prints figures; asserts nothing (these machines are shared and noisy).
 *
 *   pnpm bench            (builds first)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateContract } from "../tools/generate-contract.mjs";
import { Workspace, memoryHost } from "../../packages/core/dist/index.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(repo, "packages/cli/dist/covenant.mjs");
const dir = mkdtempSync(join(tmpdir(), "covenant-bench-"));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const reportRss = "data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))";

function processRun(file) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--import", reportRss, cli, "check", file], { encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`covenant check failed on ${file}:\n${result.stdout}${result.stderr}`);
  const rss = Number(/MAXRSS (\d+)/.exec(result.stderr)?.[1] ?? 0) / 1024;
  return { ms, rss };
}

function inProcess(text, repetitions) {
  const times = [];
  for (let i = 0; i < repetitions; i++) {
    const workspace = new Workspace(memoryHost({ "/bench/main.contract": text }), { root: "/bench" });
    const start = process.hrtime.bigint();
    const result = workspace.check("/bench/main.contract");
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (!result.ok) throw new Error("generated contract does not check clean");
  }
  return times;
}

console.log(`Covenant check benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}\n`);
const rows = [];
for (const lines of [1_000, 10_000, 100_000]) {
  const text = generateContract({ lines, seed: 1 });
  const actualLines = text.split("\n").length;
  const file = join(dir, `generated-${lines}.contract`);
  writeFileSync(file, text);
  const runs = Array.from({ length: lines >= 100_000 ? 3 : 7 }, () => processRun(file));
  inProcess(text, lines >= 100_000 ? 2 : 5);
  const times = inProcess(text, lines >= 100_000 ? 5 : 20);
  const med = median(times);
  rows.push({
    lines: actualLines,
    processMedianMs: median(runs.map((r) => r.ms)).toFixed(0),
    processPeakMb: Math.max(...runs.map((r) => r.rss)).toFixed(0),
    inProcessMedianMs: med.toFixed(1),
    inProcessP95Ms: p95(times).toFixed(1),
    linesPerSecond: Math.round(actualLines / (med / 1000)).toLocaleString("en-US"),
  });
}
console.table(rows);
console.log(`in-process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log("targets (issue 2): `covenant check` of 10,000 lines < 300 ms wall; parse+check >= 500,000 lines/s in-process");
