/**
 * The language server as an editor sees it: the bundled server in its own process, spoken to in
 * JSON-RPC over stdio. Each operation runs after a warm-up, one request at a time; an edit is timed
 * from its didChange to the publishDiagnostics of that version.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";
import { nodeWithUsage, repo, summary, usageOf } from "./lib.mjs";

export const serverBundle = join(repo, "packages/language-server/dist/server.cjs");
export const serverBuilt = () => existsSync(serverBundle);

/** Line and character of every occurrence of `needle` in `text`, moved `shift` characters on. */
function positionsOf(text, needle, shift = 0) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const found = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const offset = at + shift;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    found.push({ line: low, character: offset - starts[low] });
  }
  if (found.length === 0) throw new Error(`'${needle}' is not in the text`);
  return found;
}

/** Starts a server for the project at `root`; resolves when it is initialized. */
async function startServer(root) {
  const [command, args] = nodeWithUsage([serverBundle, "--stdio"]);
  const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification("textDocument/publishDiagnostics", (params) => {
    const key = `${params.uri}#${params.version}`;
    const resolve = waiting.get(key);
    if (resolve) {
      waiting.delete(key);
      resolve(params);
    }
  });
  connection.onRequest("client/registerCapability", () => null);
  connection.listen();
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(root).toString(), capabilities: {} });
  await connection.sendNotification("initialized", {});
  const exited = new Promise((resolve) => child.on("close", resolve));
  return {
    connection,
    /** The diagnostics of `uri` at `version`, once published. */
    diagnostics: (uri, version) => new Promise((resolve) => waiting.set(`${uri}#${version}`, resolve)),
    /** Shuts the server down; resolves with its peak RSS in MB. */
    async stop() {
      await connection.sendRequest("shutdown");
      await connection.sendNotification("exit");
      await exited;
      connection.dispose();
      return usageOf(stderr).maxRssMb;
    },
  };
}

async function measure(warmup, runs, once) {
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now();
    await once(i);
    if (i >= warmup) times.push(performance.now() - start);
  }
  return summary(times);
}

/**
 * Opens `path` (a document of the project at `root`), then times edits, completion, hover, rename
 * and document symbols in it. `also` is opened first, when given (the root of a workspace, so that
 * the document is checked as part of it too).
 */
export async function benchDocument({ root, path, also, runs, warmup = 10, log }) {
  const server = await startServer(root);
  const { connection } = server;
  const results = {};
  const open = async (file) => {
    const text = readFileSync(file, "utf8");
    const uri = pathToFileURL(file).toString();
    const start = performance.now();
    const published = server.diagnostics(uri, 1);
    await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "covenant", version: 1, text } });
    const { diagnostics } = await published;
    if (diagnostics.some((d) => d.severity === 1)) throw new Error(`${file} has errors: ${JSON.stringify(diagnostics.slice(0, 2))}`);
    return { text, uri, ms: performance.now() - start };
  };
  if (also) {
    const opened = await open(also);
    results.openRoot = Math.round(opened.ms);
    log(`  didOpen ${also.split("/").pop()} → its diagnostics (every import read and checked): ${results.openRoot} ms`);
  }
  const { text, uri, ms: openMs } = await open(path);
  results.open = Math.round(openMs);
  log(`  didOpen ${path.split("/").pop()} → diagnostics: ${results.open} ms`);

  // Edits retype one digit of a KPI target, at places spread over the document; the text stays valid.
  const targets = positionsOf(text, "target: >= 9", "target: >= 9".length);
  const digits = new Map();
  let version = 1;
  results.edit = await measure(warmup, runs, async (i) => {
    const at = targets[(i * 37) % targets.length];
    const digit = digits.get(at.line) === "7" ? "6" : "7";
    digits.set(at.line, digit);
    version++;
    const published = server.diagnostics(uri, version);
    await connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: digit }],
    });
    await published;
  });
  log(`  didChange → publishDiagnostics: median ${results.edit.median} ms, p95 ${results.edit.p95} ms`);
  const doc = { textDocument: { uri } };
  const completions = positionsOf(text, "supplied_by: ", "supplied_by: ".length);
  const subjects = positionsOf(text, '" for part_', '" for part_'.length - 2);
  const parties = positionsOf(text, "supplied_by: supplier", "supplied_by: sup".length);
  const pick = (list, i) => list[(i * 13) % list.length];
  results.completion = await measure(warmup, runs, (i) => connection.sendRequest("textDocument/completion", { ...doc, position: pick(completions, i) }));
  log(`  completion (a field value): median ${results.completion.median} ms, p95 ${results.completion.p95} ms`);
  results.hover = await measure(warmup, runs, (i) => connection.sendRequest("textDocument/hover", { ...doc, position: pick(subjects, i) }));
  log(`  hover (a product reference): median ${results.hover.median} ms, p95 ${results.hover.p95} ms`);
  results.hoverParty = await measure(warmup, runs, (i) => connection.sendRequest("textDocument/hover", { ...doc, position: pick(parties, i) }));
  log(`  hover (a party reference): median ${results.hoverParty.median} ms, p95 ${results.hoverParty.p95} ms`);
  results.rename = await measure(warmup, runs, (i) =>
    connection.sendRequest("textDocument/rename", { ...doc, position: pick(subjects, i), newName: `renamed_${i}` }),
  );
  log(`  rename (a product, every use): median ${results.rename.median} ms, p95 ${results.rename.p95} ms`);
  results.symbols = await measure(warmup, runs, () => connection.sendRequest("textDocument/documentSymbol", doc));
  log(`  document symbols: median ${results.symbols.median} ms, p95 ${results.symbols.p95} ms`);
  results.peakRssMb = await server.stop();
  log(`  server peak RSS: ${results.peakRssMb} MB`);
  return results;
}
