#!/usr/bin/env node
/**
 * Times one operation in process, in a process of its own so that its peak memory is its own:
 *
 *   node bench/in-process.mjs OP FILE [--revision FILE] [--facts FILE] [--warmup N] [--runs N]
 *
 * OP is parse, check, build:FORMAT (markdown, text, html, json, docx), format, diff or eval. Only the operation is timed: its input is
 * read, checked or built before the clock starts. Prints one JSON object: wall and CPU time of each
 * timed run, and the RSS after loading (baseline) and at its peak.
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { performance } from "node:perf_hooks";
import { Workspace, memoryHost, parse } from "../packages/core/dist/index.js";

const [op, file] = process.argv.slice(2);
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const warmup = Number(option("warmup", "3"));
const runs = Number(option("runs", "10"));
const text = readFileSync(file, "utf8");

/** A host over the disk, for a workspace of many files. */
const diskHost = {
  read(path) {
    try {
      if (statSync(path).isDirectory()) return { kind: "directory" };
      return { kind: "file", text: readFileSync(path, "utf8") };
    } catch {
      return { kind: "missing" };
    }
  },
  realPath: (path) => realpathSync(path),
};

/** Checks a file: alone from memory, or with its imports from disk when `--disk` is given. */
function check(path, source) {
  if (process.argv.includes("--disk")) return new Workspace(diskHost, { root: dirname(path) }).check(path);
  return new Workspace(memoryHost({ "/bench/main.contract": source }), { root: "/bench" }).check("/bench/main.contract");
}

async function operation() {
  if (op === "parse") return () => parse(text, "/bench/main.contract");
  if (op === "check") return () => check(file, text);
  const checked = check(file, text);
  if (!checked.ok) throw new Error(`${file} does not check clean`);
  if (op === "build:docx") {
    // As `covenant build --to docx`: the document model, the Word document, its reproducible zip.
    const { proseDocument } = await import("../packages/compiler/dist/index.js");
    const { renderDocx } = await import("../packages/compiler/dist/render/docx.js");
    return () => renderDocx(proseDocument(checked));
  }
  if (op.startsWith("build:")) {
    const { compile } = await import("../packages/compiler/dist/index.js");
    const to = op.slice("build:".length);
    return () => compile(checked, { to });
  }
  if (op === "format") {
    const { formatDocument } = await import("../packages/prettier-plugin/dist/index.js");
    return () => formatDocument(text);
  }
  const review = await import("../packages/review/dist/index.js");
  if (op === "diff") {
    const revised = check(option("revision"), readFileSync(option("revision"), "utf8"));
    return () => review.diffDocuments(checked, revised, { old: "v1", new: "v2" });
  }
  if (op === "eval") {
    const read = review.readFactsFor(checked, readFileSync(option("facts"), "utf8"));
    if (read.problems) throw new Error(`facts do not fit: ${JSON.stringify(read.problems.slice(0, 3))}`);
    return () => review.evaluate(checked, read.facts);
  }
  throw new Error(`unknown operation '${op}'`);
}

const run = await operation();
const rssBaselineMb = Math.round(process.memoryUsage().rss / 1024 ** 2);
const wall = [];
const cpu = [];
for (let i = 0; i < warmup + runs; i++) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await run();
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpuStart);
  if (i < warmup) continue;
  wall.push(elapsed);
  cpu.push((used.user + used.system) / 1000);
}
process.stdout.write(
  JSON.stringify({ op, wall, cpu, rssBaselineMb, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }) + "\n",
);
