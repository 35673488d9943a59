#!/usr/bin/env node
/**
 * Measures `covenant build` on the generated 10,000-line contract, all four formats at once and
 * the Word document on its own: the whole command as a process (wall time including Node
 * start-up, median of 5, with `covenant check` alone for comparison, and peak RSS), and in process
 * after warm-up (check, document model, each renderer, the Word document). Prints figures; the target is under 1 s wall for the process. Asserts nothing:
 * these machines are shared and noisy, so the load average is printed with the figures.
 *
 *   pnpm bench:build            (builds first)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { performance } from "node:perf_hooks";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Workspace, memoryHost } from "@covenant/core";
import { buildDocument, en, renderHtml, renderJson, renderMarkdown, renderText } from "../dist/index.js";
import { renderDocx } from "../dist/render/docx.js";
import { generateContract } from "../../../test/tools/generate-contract.mjs";

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const cli = join(repo, "packages/cli/dist/covenant.mjs");
const dir = mkdtempSync(join(tmpdir(), "covenant-build-bench-"));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0).padStart(5)} ms`;

const text = generateContract({ lines: 10_000, seed: 1 });
const file = join(dir, "gen10k.contract");
writeFileSync(file, text);

// The child reports its own CPU time: on a shared machine it varies far less than wall time.
const reportCpu = "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('CPU '+(u.userCPUTime+u.systemCPUTime)/1000+' RSS '+u.maxRSS+'\\n')})";

function run(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--import", reportCpu, cli, ...args], { encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`covenant ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return { wall, cpu: Number(/CPU ([\d.]+)/.exec(result.stderr)?.[1] ?? 0), rssMb: Math.round(Number(/RSS (\d+)/.exec(result.stderr)?.[1] ?? 0) / 1024) };
}

console.log(`Covenant build benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
console.log(`Input: generated contract, ${text.split("\n").length} lines, ${(text.length / 1024).toFixed(0)} KiB\n`);

const builds = [];
const docxBuilds = [];
const checks = [];
for (let i = 0; i < 5; i++) {
  builds.push(run(["build", file, "--to", "markdown,text,html,json", "--out-dir", join(dir, "out")]));
  docxBuilds.push(run(["build", file, "--to", "docx", "--out-dir", join(dir, "out")]));
  checks.push(run(["check", file]));
}
const walls = (runs) => runs.map((r) => r.wall);
const cpus_ = (runs) => runs.map((r) => r.cpu);
console.log("Whole process, including Node start-up (median of 5):");
const peak = (runs) => `${Math.max(...runs.map((r) => r.rssMb))} MB`;
console.log(`                                               wall       CPU (user+sys)   peak RSS`);
console.log(`  covenant build --to markdown,text,html,json  ${ms(median(walls(builds)))}   ${ms(median(cpus_(builds)))}   ${peak(builds)}   (wall min ${ms(Math.min(...walls(builds))).trim()}, max ${ms(Math.max(...walls(builds))).trim()})`);
console.log(`  covenant build --to docx                     ${ms(median(walls(docxBuilds)))}   ${ms(median(cpus_(docxBuilds)))}   ${peak(docxBuilds)}   (wall min ${ms(Math.min(...walls(docxBuilds))).trim()}, max ${ms(Math.max(...walls(docxBuilds))).trim()})`);
console.log(`  covenant check (for comparison)              ${ms(median(walls(checks)))}   ${ms(median(cpus_(checks)))}   ${peak(checks)}`);

const stages = { check: [], document: [], markdown: [], text: [], html: [], json: [], docx: [] };
for (let i = 0; i < 8; i++) {
  const t = [performance.now()];
  const checked = new Workspace(memoryHost({ "/bench/main.contract": text }), { root: "/bench" }).check("/bench/main.contract");
  t.push(performance.now());
  const document = buildDocument(checked, en);
  t.push(performance.now());
  renderMarkdown(document);
  t.push(performance.now());
  renderText(document, { width: 80 });
  t.push(performance.now());
  renderHtml(document);
  t.push(performance.now());
  renderJson(checked);
  t.push(performance.now());
  await renderDocx(document);
  t.push(performance.now());
  if (i < 3) continue; // warm-up
  Object.keys(stages).forEach((stage, k) => stages[stage].push(t[k + 1] - t[k]));
}
console.log("\nIn process, after warm-up (median of 5):");
for (const [stage, times] of Object.entries(stages)) console.log(`  ${stage.padEnd(9)} ${ms(median(times))}`);
const compileTotal = ["document", "markdown", "text", "html", "json"].reduce((sum, s) => sum + median(stages[s]), 0);
console.log(`  compile, all four formats ${ms(compileTotal).trim()}`);
console.log(`  Word document (document model + docx) ${ms(median(stages.document) + median(stages.docx)).trim()}`);
rmSync(dir, { recursive: true, force: true });
