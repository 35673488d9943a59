#!/usr/bin/env node
/**
 * The Covenant benchmark suite. Generates realistic contracts of about 1,000, 10,000 and 100,000
 * lines and a workspace of 200 files, then times, with warm-up and repetitions:
 *   - parse, check, build (each format), format, diff and eval in process (each in a process of
 *     its own, so that its peak memory is its own);
 *   - `covenant check` and `covenant build` as whole processes (Node start-up included);
 *   - the language server over stdio: didChange → publishDiagnostics, completion, hover, rename and
 *     document symbols, on the 10,000-line file and in the 200-file workspace.
 * Each section prints as it goes. At the end the figures are compared with the targets and written
 * to docs/benchmarks.md and docs/benchmarks.json. Nothing is asserted: these machines are shared
 * and noisy, so the report gives medians, the load average and CPU time next to wall time.
 *
 *   pnpm bench                      (builds first)
 *   node bench/run.mjs [--quick]    (--quick: fewer repetitions, for trying the suite out)
 */
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeInputs } from "./inputs.mjs";
import { load, machine, median, max, ms, repo, runNode, say, summary } from "./lib.mjs";
import { benchDocument, serverBuilt } from "./lsp.mjs";
import { profileCheck } from "./profile.mjs";

const quick = process.argv.includes("--quick");
const cli = join(repo, "packages/cli/dist/covenant.mjs");
const formats = ["markdown", "text", "html", "json"];
/**
 * The Word document, measured on its own (it is a command of its own in practice, and loads its own
 * library) at 1k and 10k lines: at 100k its repeated in-process runs take minutes and gigabytes.
 */
const documentFormats = ["docx"];
const documentSizes = ["1k", "10k"];
const started = new Date();
const loadAtStart = load();

/** Repetitions by input size: fewer for the large inputs, fewer still with --quick. */
const repetitions = (size) => {
  const table = { "1k": { warmup: 5, runs: 20 }, "10k": { warmup: 5, runs: 20 }, "100k": { warmup: 2, runs: 8 }, workspace: { warmup: 2, runs: 7 } };
  const chosen = table[size];
  return quick ? { warmup: 1, runs: Math.max(2, Math.ceil(chosen.runs / 4)) } : chosen;
};

const packages = {
  compiler: existsSync(join(repo, "packages/compiler/dist/index.js")),
  review: existsSync(join(repo, "packages/review/dist/index.js")),
  "prettier-plugin": existsSync(join(repo, "packages/prettier-plugin/dist/index.js")),
  "language-server": serverBuilt(),
  cli: existsSync(cli),
};
const skipped = (name) => say(`  skipped: ${name} not built`);

say(`Covenant benchmarks — ${started.toISOString()}`);
const host = machine();
say(`${host.cores} × ${host.cpu}, ${host.memoryGb} GB, ${host.os}, Node ${host.node}; load average ${loadAtStart.join(" ")}`);
const inputs = writeInputs();
for (const c of inputs.contracts) say(`input ${c.name}: ${c.lines.toLocaleString("en")} lines, ${c.kib.toLocaleString("en")} KiB`);
say(`input workspace: ${inputs.workspace.files} files, ${inputs.workspace.lines.toLocaleString("en")} lines (main.contract imports 199 clause libraries)`);

const results = { started: started.toISOString(), machine: host, command: "pnpm bench", quick, inputs: {}, inProcess: {}, process: {}, languageServer: {} };
for (const c of inputs.contracts) results.inputs[c.name] = { lines: c.lines, kib: c.kib };
results.inputs.workspace = { files: inputs.workspace.files, lines: inputs.workspace.lines };

/** Runs one in-process measurement in its own process and prints it. */
async function inProcess(label, op, file, size, extra = []) {
  const { warmup, runs } = repetitions(size);
  const run = await runNode([join(repo, "bench/in-process.mjs"), op, file, "--warmup", String(warmup), "--runs", String(runs), ...extra]);
  if (run.code !== 0) throw new Error(`${op} on ${file} failed:\n${run.stdout}${run.stderr}`);
  const measured = JSON.parse(run.stdout);
  const result = { ...summary(measured.wall), cpuMedian: Math.round(median(measured.cpu) * 10) / 10, rssBaselineMb: measured.rssBaselineMb, peakRssMb: measured.maxRssMb };
  say(`  ${label.padEnd(22)} ${size.padStart(9)}  median ${ms(result.median).padStart(6)} ms  p95 ${ms(result.p95).padStart(6)} ms  CPU ${ms(result.cpuMedian).padStart(6)} ms  peak RSS ${result.peakRssMb} MB`);
  return result;
}

/** Runs a CLI command `runs` times as a whole process and prints the medians. */
async function wholeProcess(label, args, size, expectCode = 0) {
  const { runs } = repetitions(size);
  const times = [];
  for (let i = 0; i < Math.max(3, Math.min(runs, 7)); i++) {
    const run = await runNode([cli, ...args], { cwd: inputs.dir });
    if (run.code !== expectCode) throw new Error(`covenant ${args.join(" ")} exited ${run.code}:\n${run.stdout}${run.stderr}`);
    times.push(run);
  }
  const wall = summary(times.map((t) => t.wallMs));
  const result = { ...wall, cpuMedian: Math.round(median(times.map((t) => t.cpuMs))), peakRssMb: max(times.map((t) => t.maxRssMb)) };
  say(`  ${label.padEnd(22)} ${size.padStart(9)}  median ${ms(result.median).padStart(6)} ms  (min ${ms(result.min)}, max ${ms(result.max)})  CPU ${ms(result.cpuMedian)} ms  peak RSS ${result.peakRssMb} MB`);
  return result;
}

say("\n== parse and check, in process (one process per measurement; CPU counts every thread, the collector's too)");
for (const c of inputs.contracts) {
  results.inProcess[c.name] = {
    parse: await inProcess("parse", "parse", c.file, c.name),
    check: await inProcess("check (parse + check)", "check", c.file, c.name),
  };
  const perSecond = Math.round(c.lines / (results.inProcess[c.name].check.median / 1000));
  results.inProcess[c.name].check.linesPerSecond = perSecond;
  say(`  ${"".padEnd(22)} ${"".padStart(9)}  ${perSecond.toLocaleString("en")} lines/s`);
}
results.inProcess.workspace = { check: await inProcess("check, files from disk", "check", inputs.workspace.main, "workspace", ["--disk"]) };

say("\n== covenant check, whole process (Node start-up included)");
if (!packages.cli) skipped("cli");
else {
  for (const c of inputs.contracts) results.process[c.name] = { check: await wholeProcess("covenant check", ["check", c.file], c.name) };
  results.process.workspace = { check: await wholeProcess("covenant check", ["check", inputs.workspace.main], "workspace") };
  if (results.process["100k"].check.median >= 1500) {
    const large = inputs.contracts.find((c) => c.name === "100k");
    results.profile = await profileCheck(cli, large.file, inputs.dir);
    say(`  over the 1.5 s target; one run under the profiler (node --cpu-prof), ${results.profile.profiledMs} ms profiled:`);
    for (const row of results.profile.rows) say(`    ${row.label.padEnd(58)} ${String(row.ms).padStart(6)} ms`);
  }
}

say("\n== build, in process (checked first; each format on its own, prose formats include the document model)");
if (!packages.compiler) skipped("compiler");
else {
  for (const c of inputs.contracts) {
    for (const format of [...formats, ...(documentSizes.includes(c.name) ? documentFormats : [])])
      results.inProcess[c.name][`build:${format}`] = await inProcess(`build --to ${format}`, `build:${format}`, c.file, c.name);
  }
}
if (packages.compiler && packages.cli) {
  say("\n== covenant build --to markdown,text,html,json, whole process");
  for (const c of inputs.contracts) {
    results.process[c.name].build = await wholeProcess("covenant build (all 4)", ["build", c.file, "--to", formats.join(","), "--out-dir", join(inputs.dir, "out")], c.name);
  }
  say("\n== covenant build --to docx, whole process (1k and 10k lines)");
  for (const c of inputs.contracts.filter((c) => documentSizes.includes(c.name))) {
    results.process[c.name].buildDocx = await wholeProcess("covenant build --to docx", ["build", c.file, "--to", "docx", "--out-dir", join(inputs.dir, "out")], c.name);
  }
}

say("\n== format, in process (formatDocument: Prettier with the Covenant plugin)");
if (!packages["prettier-plugin"]) skipped("prettier-plugin");
else for (const c of inputs.contracts) results.inProcess[c.name].format = await inProcess("format", "format", c.file, c.name);

say("\n== diff and eval, in process (diff: the same contract with other figures, every group changed; eval: facts for every group)");
if (!packages.review) skipped("review");
else {
  for (const c of inputs.contracts) {
    results.inProcess[c.name].diff = await inProcess("diff", "diff", c.file, c.name, ["--revision", c.revision]);
    results.inProcess[c.name].eval = await inProcess("eval", "eval", c.file, c.name, ["--facts", c.facts]);
  }
}

say("\n== language server over stdio");
if (!packages["language-server"]) skipped("language-server");
else {
  const runs = quick ? 20 : 100;
  const ten = inputs.contracts.find((c) => c.name === "10k");
  say(`  the ${ten.lines.toLocaleString("en")}-line contract, ${runs} timed requests per operation after 10 warm-up ones:`);
  results.languageServer["10k"] = await benchDocument({ root: inputs.dir, path: ten.file, runs, log: say });
  say(`  the 200-file workspace: main.contract opened, then a clause library (${inputs.workspace.clause.split("/").slice(-2).join("/")}) edited, ${runs} requests each:`);
  results.languageServer.workspace = await benchDocument({ root: inputs.workspace.dir, path: inputs.workspace.clause, also: inputs.workspace.main, runs, log: say });
}

results.finished = new Date().toISOString();
results.minutes = Math.round((Date.parse(results.finished) - started.getTime()) / 6_000) / 10;
results.loadAverage = { start: loadAtStart, end: load() };
results.targets = targets(results);
say("\n== targets");
for (const t of results.targets) say(`  ${t.met === undefined ? "–" : t.met ? "met   " : "MISSED"}  ${t.target}: ${t.measured}`);

writeFileSync(join(repo, "docs/benchmarks.json"), JSON.stringify(results, null, 2) + "\n");
writeFileSync(join(repo, "docs/benchmarks.md"), report(results));
say(`\nwrote docs/benchmarks.md and docs/benchmarks.json (load average at the end ${results.loadAverage.end.join(" ")})`);
rmSync(inputs.dir, { recursive: true, force: true });

/** The targets of the hardening issue, each against its figure. */
function targets(r) {
  const list = [];
  const add = (target, value, limit, unit, note) =>
    list.push({ target, limit, unit, value, met: value === undefined ? undefined : value < limit, measured: value === undefined ? "not measured" : `${value} ${unit}${note ? ` (${note})` : ""}` });
  const p100 = r.process["100k"]?.check;
  add("covenant check of 100k lines under 1.5 s (whole process)", p100?.median, 1500, "ms", "median wall time");
  add("covenant check of 100k lines under 400 MB", p100?.peakRssMb, 400, "MB", "peak RSS");
  const growth = r.inProcess["100k"].check.median / r.inProcess["10k"].check.median;
  list.push({
    target: "growth from 10k to 100k lines at most 12× (in-process parse + check)",
    limit: 12,
    value: Math.round(growth * 10) / 10,
    met: growth <= 12,
    measured: `${Math.round(growth * 10) / 10}× (${r.inProcess["10k"].check.median} → ${r.inProcess["100k"].check.median} ms for ${Math.round(r.inputs["100k"].lines / r.inputs["10k"].lines)}× the lines)`,
  });
  const lsp = r.languageServer["10k"];
  add("LSP edit → diagnostics median under 50 ms at 10k lines", lsp?.edit.median, 50, "ms");
  add("LSP completion median under 20 ms at 10k lines", lsp?.completion.median, 20, "ms");
  add("LSP hover median under 20 ms at 10k lines", lsp?.hover.median, 20, "ms");
  add("workspace of 200 files opened and fully checked under 2 s: covenant check main.contract", r.process.workspace?.check.median, 2000, "ms", "median wall time");
  add("workspace of 200 files opened and fully checked under 2 s: language server didOpen → diagnostics", r.languageServer.workspace?.openRoot, 2000, "ms");
  return list;
}

function report(r) {
  const lines = [];
  const out = (line = "") => lines.push(line);
  const cell = (m) => (m === undefined ? "—" : ms(m));
  const sizes = ["1k", "10k", "100k"];
  out("# Benchmarks");
  out();
  out(`Measured by \`pnpm bench\` (\`node bench/run.mjs\` after \`pnpm build\`${r.quick ? ", with --quick" : ""}) on ${r.started.slice(0, 10)}.`);
  out(`Machine: ${r.machine.cores} × ${r.machine.cpu}, ${r.machine.memoryGb} GB, ${r.machine.os}; Node ${r.machine.node}.`);
  out(`Load average ${r.loadAverage.start.join(" ")} at the start, ${r.loadAverage.end.join(" ")} at the end.`);
  out();
  out("These machines are shared and busy: other work runs beside the benchmark, so single figures vary by tens of");
  out("percent from run to run. The tables give medians over repetitions after a warm-up, with p95 or the range, and");
  out("CPU time (user + system, every thread, the garbage collector's included) next to wall time. The raw figures are");
  out("in [benchmarks.json](benchmarks.json).");
  out();
  out("Inputs (generated by `test/tools/generate-contract.mjs`, seed 1): realistic supply agreements of");
  out(sizes.map((s) => `${r.inputs[s].lines.toLocaleString("en")} lines (${r.inputs[s].kib.toLocaleString("en")} KiB)`).join(", ") + ";");
  out(`and a workspace of ${r.inputs.workspace.files} files (${r.inputs.workspace.lines.toLocaleString("en")} lines), a root contract importing 199 clause libraries.`);
  out();
  out("## Targets");
  out();
  out("| target | measured | |");
  out("|---|---|---|");
  for (const t of r.targets) out(`| ${t.target} | ${t.measured} | ${t.met === undefined ? "–" : t.met ? "met" : "**missed**"} |`);
  out();
  if (r.profile) {
    out(`Where the time of \`covenant check\` on ${r.inputs["100k"].lines.toLocaleString("en")} lines goes, from one run under \`node --cpu-prof\``);
    out(`(${r.profile.profiledMs} ms profiled, ${r.profile.wallMs} ms wall with the profiler's overhead):`);
    out();
    out("| stage | ms |");
    out("|---|---:|");
    for (const row of r.profile.rows) out(`| ${row.label} | ${row.ms} |`);
    out();
  }
  out("## Check");
  out();
  out("In process: `parse` alone, and `check` = a new `Workspace` parsing and checking the file (what the CLI does");
  out("after reading it). Whole process: `covenant check FILE`, Node start-up and reading included; a fresh process");
  out("also runs the parser before the JIT has optimised it, which the in-process figures (after warm-up) do not.");
  out();
  out("| input | parse median (p95) | check median (p95) | check CPU | lines/s | peak RSS in process | `covenant check` median (min–max) | its CPU | its peak RSS |");
  out("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const s of [...sizes, "workspace"]) {
    const i = r.inProcess[s];
    const p = r.process[s]?.check;
    const parse = i.parse ? `${cell(i.parse.median)} ms (${cell(i.parse.p95)})` : "—";
    out(
      `| ${s} | ${parse} | ${cell(i.check.median)} ms (${cell(i.check.p95)}) | ${cell(i.check.cpuMedian)} ms | ${i.check.linesPerSecond?.toLocaleString("en") ?? "—"} | ${i.check.peakRssMb} MB | ${p ? `${cell(p.median)} ms (${cell(p.min)}–${cell(p.max)})` : "—"} | ${p ? `${cell(p.cpuMedian)} ms` : "—"} | ${p ? `${p.peakRssMb} MB` : "—"} |`,
    );
  }
  out();
  out("Peak RSS in process is that of a process that loaded the core, read the input and ran the warm-up and timed");
  out(`repetitions (baseline after loading: ${sizes.map((s) => `${r.inProcess[s].check.rssBaselineMb} MB`).join(", ")}).`);
  out();
  const row = (label, key) => {
    if (!r.inProcess["1k"][key]) return;
    out(`| ${label} | ${sizes.map((s) => { const m = r.inProcess[s][key]; return m ? `${cell(m.median)} ms (${cell(m.p95)}), ${m.peakRssMb} MB` : "—"; }).join(" | ")} |`);
  };
  out("## Build, format, diff, eval (in process)");
  out();
  out("Median (p95) wall time and the peak RSS of the measuring process. The input is checked before the clock starts.");
  out("Prose formats include building the document model; `diff` compares the contract with a revision of the same shape");
  out("whose figures all differ; `eval` applies facts for every product, index, KPI, event and milestone.");
  out();
  out(`| operation | ${sizes.map((s) => `${s} (${r.inputs[s].lines.toLocaleString("en")} lines)`).join(" | ")} |`);
  out(`|---|${sizes.map(() => "---:").join("|")}|`);
  for (const f of [...formats, ...documentFormats]) row(`build --to ${f}`, `build:${f}`);
  row("format", "format");
  row("diff", "diff");
  row("eval", "eval");
  if (r.process["1k"]?.build) {
    out(`| \`covenant build\`, all four formats, whole process | ${sizes.map((s) => { const b = r.process[s].build; return `${cell(b.median)} ms, ${b.peakRssMb} MB`; }).join(" | ")} |`);
  }
  if (r.process["1k"]?.buildDocx) {
    out(`| \`covenant build --to docx\`, whole process | ${sizes.map((s) => { const b = r.process[s].buildDocx; return b ? `${cell(b.median)} ms, ${b.peakRssMb} MB` : "—"; }).join(" | ")} |`);
  }
  out();
  out("## Language server over stdio");
  out();
  const l10 = r.languageServer["10k"];
  const lw = r.languageServer.workspace;
  if (!l10) out("Skipped: the language server was not built.");
  else {
    out("The bundled server (`packages/language-server/dist/server.cjs --stdio`) in its own process, one request at a");
    out("time after 10 warm-up requests. An edit retypes one digit of a KPI target (the text stays valid) and is timed");
    out("from didChange to the publishDiagnostics of that version. In the workspace, `main.contract` is opened first");
    out("(every import read and checked), then a clause library is opened and edited.");
    out();
    out(`| operation | 10k-line contract, median (p95) | 200-file workspace, median (p95) |`);
    out("|---|---:|---:|");
    out(`| didOpen → diagnostics | ${l10.open} ms | ${lw.openRoot} ms (main.contract), ${lw.open} ms (the clause library) |`);
    for (const [label, key] of [
      ["didChange → publishDiagnostics", "edit"],
      ["completion (a field value)", "completion"],
      ["hover (a product reference)", "hover"],
      ["hover (a party reference)", "hoverParty"],
      ["rename (a product, every use)", "rename"],
      ["document symbols", "symbols"],
    ])
      out(`| ${label} | ${cell(l10[key].median)} ms (${cell(l10[key].p95)}) | ${cell(lw[key].median)} ms (${cell(lw[key].p95)}) |`);
    out(`| server peak RSS | ${l10.peakRssMb} MB | ${lw.peakRssMb} MB |`);
  }
  out();
  out("## How to read and rerun");
  out();
  out(`\`pnpm bench\` builds, runs every section (${r.minutes} minutes for this run) and rewrites this file and \`benchmarks.json\`.`);
  out("`node bench/run.mjs --quick` runs the same sections with fewer repetitions. Peak memory of a whole process is");
  out("its maximum resident set size as the process itself reports it on exit (`process.resourceUsage().maxRSS`).");
  out();
  return lines.join("\n");
}
