/**
 * Where a whole `covenant check` spends its time, from a V8 CPU profile (`node --cpu-prof`): the
 * time under a few functions of the pipeline (inclusive), and the garbage collector's. Used by the
 * suite when the 100,000-line target is missed, so the report says where the time goes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runNode } from "./lib.mjs";


export async function profileCheck(cli, file, cwd) {
  const dir = mkdtempSync(join(tmpdir(), "covenant-profile-"));
  try {
    const run = await runNode(["--cpu-prof", "--cpu-prof-dir", dir, cli, "check", file], { cwd });
    if (run.code !== 0) throw new Error(`covenant check failed under the profiler:\n${run.stdout}${run.stderr}`);
    const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), "utf8"));
    return summarise(profile, Math.round(run.wallMs));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function summarise(profile, wallMs) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const inclusive = new Map();
  let total = 0;
  let collector = 0;
  const stacks = new Map();
  const namesOnStack = (id) => {
    let names = stacks.get(id);
    if (!names) {
      names = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) names.add(nodes.get(at).callFrame.functionName);
      stacks.set(id, names);
    }
    return names;
  };
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    if (nodes.get(id).callFrame.functionName === "(garbage collector)") collector += ms;
    for (const name of namesOnStack(id)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  });
  // Stages by the function that runs them (names survive bundling); each includes what it calls.
  const under = (name) => inclusive.get(name) ?? 0;
  const parse = under("parseInBlocks");
  const check = under("checkDocument");
  const rows = [
    { label: "lexing (chevrotain lexer, in blocks)", ms: under("lex") },
    { label: "parsing (chevrotain, concrete syntax tree)", ms: under("rootRule") },
    { label: "building the syntax tree, segmenting, nesting scan", ms: parse - under("lex") - under("rootRule") },
    { label: "checking (binder, typed values, rules)", ms: check },
    { label: "garbage collection (main thread, every stage)", ms: collector },
    { label: "start-up, reading the file, reporting", ms: total - parse - check - collector },
  ].map((row) => ({ ...row, ms: Math.round(row.ms) }));
  return { wallMs, profiledMs: Math.round(total), rows };
}
