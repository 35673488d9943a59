#!/usr/bin/env node
/**
 * Measures the language server as an editor sees it: the bundled server in its own process, spoken
 * to in JSON-RPC over stdio, on the generated 10,000-line contract. For each operation: at least 100
 * requests after a warm-up, median and p95 of the time from sending to the answer (for an edit: from
 * didChange to the publishDiagnostics of that version). Prints figures; asserts nothing (these
 * machines are shared and noisy).
 *
 *   pnpm bench:lsp            (builds first)
 *   node packages/language-server/bench/lsp.bench.mjs [--lines 10000] [--runs 120]
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";
import { generateContract } from "../../../test/tools/generate-contract.mjs";

const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const lines = argument("--lines", 10_000);
const runs = argument("--runs", 120);
const warmup = 10;

const server = fileURLToPath(new URL("../dist/server.cjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "covenant-lsp-bench-"));
writeFileSync(join(dir, "covenant.json"), "{}\n");
const text = generateContract({ lines, seed: 1 });
const file = join(dir, "generated.contract");
writeFileSync(file, text);
const uri = pathToFileURL(file).toString();

const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean), server, "--stdio"], {
  stdio: ["pipe", "pipe", "inherit"],
});
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
connection.onNotification("textDocument/publishDiagnostics", (params) => {
  if (params.uri !== uri) return;
  const resolve = waiting.get(params.version);
  if (resolve) {
    waiting.delete(params.version);
    resolve(params);
  }
});
connection.onNotification("window/logMessage", (params) => process.stderr.write(`server: ${params.message}\n`));
connection.listen();

const diagnosticsOf = (version) => new Promise((resolve) => waiting.set(version, resolve));
const now = () => performance.now();
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** Positions of every occurrence of `needle` (plus `shift`), spread over the whole document. */
function positionsOf(needle, shift = 0) {
  const found = [];
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const offset = at + shift;
    let line = 0;
    let high = starts.length - 1;
    while (line < high) {
      const mid = (line + high + 1) >> 1;
      if (starts[mid] <= offset) line = mid;
      else high = mid - 1;
    }
    found.push({ line, character: offset - starts[line] });
  }
  if (found.length === 0) throw new Error(`'${needle}' is not in the generated contract`);
  return found;
}

/**
 * The server's CPU time so far in ms (Linux: /proc), or undefined elsewhere. On a shared machine the
 * wall-clock figures include waiting for a core; the CPU time per operation does not.
 */
function serverCpuMs() {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Runs `once(i)` warmup + runs times in sequence and returns the timings after the warm-up. */
async function measure(once) {
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = now();
    await once(i);
    if (i >= warmup) times.push(now() - start);
  }
  return times;
}

// Capabilities as VS Code states them where they change the answers measured.
await connection.sendRequest("initialize", {
  processId: process.pid,
  rootUri: pathToFileURL(dir).toString(),
  capabilities: {
    textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, completion: { completionItem: { snippetSupport: true } } },
  },
});
await connection.sendNotification("initialized", {});
let version = 1;
const opened = now();
const first = diagnosticsOf(version);
await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "covenant", version, text } });
const initial = await first;
const openMs = now() - opened;
if (initial.diagnostics.length > 0)
  throw new Error(`the generated contract has diagnostics: ${JSON.stringify(initial.diagnostics.slice(0, 3))}`);

const cpuBefore = serverCpuMs();
// Edits: retype one digit of a KPI target, at places spread over the document (the text stays valid).
const targets = positionsOf("target: >= 9", "target: >= 9".length);
const digits = new Map();
const edit = await measure(async (i) => {
  const at = targets[(i * 37) % targets.length];
  const key = `${at.line}`;
  const digit = digits.get(key) === "7" ? "6" : "7";
  digits.set(key, digit);
  version++;
  const published = diagnosticsOf(version);
  await connection.sendNotification("textDocument/didChange", {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: digit }],
  });
  await published;
});

const cpuAfter = serverCpuMs();
const doc = { textDocument: { uri } };
const references = positionsOf("supplied_by: supplier", "supplied_by: sup".length);
const completions = positionsOf("supplied_by: ", "supplied_by: ".length);
const subjects = positionsOf('" for part_', 8);

const completion = await measure((i) =>
  connection.sendRequest("textDocument/completion", { ...doc, position: completions[(i * 13) % completions.length] }),
);
const hover = await measure((i) =>
  connection.sendRequest("textDocument/hover", { ...doc, position: subjects[(i * 13) % subjects.length] }),
);
const hoverReference = await measure((i) =>
  connection.sendRequest("textDocument/hover", { ...doc, position: references[(i * 13) % references.length] }),
);
const rename = await measure((i) =>
  connection.sendRequest("textDocument/rename", { ...doc, position: subjects[(i * 13) % subjects.length], newName: `renamed_${i}` }),
);
const symbols = await measure(() => connection.sendRequest("textDocument/documentSymbol", doc));
const tokens = await measure(() => connection.sendRequest("textDocument/semanticTokens/full", doc));
const folding = await measure(() => connection.sendRequest("textDocument/foldingRange", doc));

await connection.sendRequest("shutdown");
await connection.sendNotification("exit");

const actualLines = text.split("\n").length;
console.log(`Covenant language server over stdio — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`);
console.log(
  `Generated contract: ${actualLines.toLocaleString("en")} lines, ${(text.length / 1024).toFixed(0)} KiB; didOpen → first diagnostics ${openMs.toFixed(0)} ms`,
);
console.log(`${runs} timed requests each, after ${warmup} warm-up requests`);
if (cpuBefore !== undefined && cpuAfter !== undefined)
  console.log(
    `Server CPU time per edit (parse, check, publish; no waiting for a core): ${((cpuAfter - cpuBefore) / (warmup + runs)).toFixed(1)} ms`,
  );
console.log("");
const rows = [
  ["didChange → publishDiagnostics", edit],
  ["completion (field value)", completion],
  ["hover (reference to a product)", hover],
  ["hover (reference to a party)", hoverReference],
  ["rename (symbol, across the file)", rename],
  ["document symbols", symbols],
  ["semantic tokens (full)", tokens],
  ["folding ranges", folding],
];
console.log("| operation | median ms | p95 ms |");
console.log("|---|---:|---:|");
for (const [name, times] of rows) console.log(`| ${name} | ${median(times).toFixed(1)} | ${p95(times).toFixed(1)} |`);
