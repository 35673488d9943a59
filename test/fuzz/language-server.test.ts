import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic as LspDiagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol/node";
import { Workspace, type Diagnostic, type FileHost } from "../../packages/core/dist/index.js";
import { exampleNames, examples, fragment, fuzzParameters, fuzzTimeout, repo } from "./support.js";

/**
 * The language server under random edits: the bundled server over stdio, a document opened from an
 * example, then random edits sent as incremental didChange notifications (one per notification or
 * several at once, now and then the whole text). The diagnostics published for the last version
 * equal a fresh check of the final text, and the server stays alive throughout.
 */

const server = join(repo, "packages/language-server/dist/server.cjs");

// The final text is computed with the same library the server applies changes with, so the oracle
// is exactly the text the server holds.
const { TextDocument } = createRequire(join(repo, "packages/language-server/package.json"))("vscode-languageserver-textdocument") as {
  TextDocument: {
    create(
      uri: string,
      languageId: string,
      version: number,
      text: string,
    ): { getText(): string; positionAt(offset: number): { line: number; character: number } };
    update<T>(document: T, changes: TextDocumentContentChangeEvent[], version: number): T;
  };
};

let child: ChildProcess;
let connection: ProtocolConnection;
let project: string;
let stderr = "";
const waiting = new Map<string, (params: PublishDiagnosticsParams) => void>();

beforeAll(async () => {
  if (!existsSync(server)) return;
  project = realpathSync(mkdtempSync(join(tmpdir(), "covenant-lsp-fuzz-")));
  writeFileSync(join(project, "covenant.json"), "{}\n");
  cpSync(join(repo, "examples/library"), join(project, "library"), { recursive: true });
  child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
    waiting.get(`${params.uri}#${params.version}`)?.(params);
  });
  connection.onRequest("client/registerCapability", () => null);
  connection.listen();
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(project).toString(), capabilities: {} });
  await connection.sendNotification("initialized", {});
});

afterAll(() => {
  if (child && child.exitCode === null) child.kill();
  if (project) rmSync(project, { recursive: true, force: true });
});

/** The diagnostics the server publishes for `uri` at `version` (it may skip intermediate versions, never the last). */
function published(uri: string, version: number): Promise<LspDiagnostic[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} of ${uri}; server stderr: ${stderr}`)), 20_000);
    waiting.set(`${uri}#${version}`, (params) => {
      clearTimeout(timer);
      waiting.delete(`${uri}#${version}`);
      resolve(params.diagnostics);
    });
  });
}

/** Reads the project from disk, as the CLI and the server do, with one open document's text. */
function freshCheck(path: string, text: string): readonly Diagnostic[] {
  const host: FileHost = {
    read(file) {
      try {
        if (statSync(file).isDirectory()) return { kind: "directory" };
        return { kind: "file", text: readFileSync(file, "utf8") };
      } catch {
        return { kind: "missing" };
      }
    },
    realPath: (file) => realpathSync(file),
  };
  const workspace = new Workspace(host, { root: project });
  workspace.setText(path, text);
  return workspace.check(path).diagnostics.filter((d) => d.uri === path);
}

const shown = (d: {
  code?: unknown;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}): string =>
  `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

const asLsp = (d: Diagnostic): string =>
  shown({
    code: d.code,
    message: d.message,
    range: {
      start: { line: d.range.start.line - 1, character: d.range.start.column - 1 },
      end: { line: d.range.end.line - 1, character: d.range.end.column - 1 },
    },
  });

/** One edit: where (a fraction of the text), how much to remove, what to insert (a fragment, or a piece of an example as if pasted). */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.nat({ max: 3 }), fc.nat({ max: 200 })),
  insert: fc.oneof(
    fragment,
    fc
      .record({ name: fc.constantFrom(...exampleNames), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 300 }) })
      .map(({ name, at, length }) => {
        const source = examples[name]!;
        const from = Math.floor(at * source.length);
        return source.slice(from, from + length);
      }),
  ),
});

const session = fc.record({
  name: fc.constantFrom(...exampleNames),
  batches: fc.array(fc.record({ edits: fc.array(edit, { minLength: 1, maxLength: 3 }), whole: fc.boolean() }), {
    minLength: 1,
    maxLength: 5,
  }),
});

let sessions = 0;

describe("the language server under random incremental edits", () => {
  it.skipIf(!existsSync(server))(
    "publishes for the last version what a fresh check of the final text finds, and stays alive",
    { timeout: fuzzTimeout },
    async () => {
      await fc.assert(
        fc.asyncProperty(session, async ({ name, batches }) => {
          const path = `${project}/fuzz-${sessions++}.contract`;
          const uri = pathToFileURL(path).toString();
          let version = 1;
          let document = TextDocument.create(uri, "covenant", version, examples[name]!);
          await connection.sendNotification("textDocument/didOpen", {
            textDocument: { uri, languageId: "covenant", version, text: document.getText() },
          });
          for (const batch of batches) {
            const changes: TextDocumentContentChangeEvent[] = [];
            for (const e of batch.edits) {
              const text = document.getText();
              // An offset between \r and \n has no protocol position: step back to the line break.
              const clamp = (offset: number): number => (text[offset - 1] === "\r" && text[offset] === "\n" ? offset - 1 : offset);
              const start = clamp(Math.floor(e.at * text.length));
              const end = clamp(Math.min(text.length, start + e.remove));
              const change = { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: e.insert };
              changes.push(change);
              document = TextDocument.update(document, [change], version);
            }
            // Now and then the client sends the whole text instead of the edits.
            version++;
            const sent = batch.whole ? [{ text: document.getText() }] : changes;
            await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: sent });
          }
          const diagnostics = await published(uri, version);
          const expected = freshCheck(path, document.getText()).map(asLsp).sort();
          expect(diagnostics.map(shown).sort()).toEqual(expected);
          await connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
        }),
        fuzzParameters(40),
      );
      expect(child.exitCode, `the server exited; stderr: ${stderr}`).toBeNull();
      await connection.sendRequest("shutdown");
    },
  );
});
