import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CancellationTokenSource,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

/**
 * The language server end to end: the bundled `covenant-language-server --stdio` in its own
 * process, spoken to in JSON-RPC over its standard streams as an editor would. No sleeps: every
 * step waits for the notification or response it expects, with a timeout.
 */

const repo = join(import.meta.dirname, "..");
const server = join(repo, "packages/language-server/dist/server.cjs");
const examples = join(repo, "examples");

let child: ChildProcess;
let connection: ProtocolConnection;
let project: string;
const published: PublishDiagnosticsParams[] = [];
const logs: string[] = [];
const listeners = new Set<() => void>();
let stderr = "";

/** Resolves with the first value `find` returns from what has arrived (now or later), or fails after `ms`. */
function waitFor<T>(what: string, find: () => T | undefined, ms = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const found = find();
      if (found === undefined) return false;
      listeners.delete(listener);
      clearTimeout(timer);
      resolve(found);
      return true;
    };
    const listener = (): void => void check();
    const timer = setTimeout(() => {
      listeners.delete(listener);
      reject(new Error(`timed out waiting for ${what}; server stderr: ${stderr}`));
    }, ms);
    if (!check()) listeners.add(listener);
  });
}

const notify = (): void => listeners.forEach((l) => l());

/** The next diagnostics published for `uri` after `after` earlier publications, matching `test`. */
function diagnosticsFor(uri: string, after: number, test: (d: Diagnostic[]) => boolean = () => true): Promise<PublishDiagnosticsParams> {
  return waitFor(`diagnostics for ${uri}`, () => published.slice(after).find((p) => p.uri === uri && test(p.diagnostics)));
}

const uriOf = (name: string): string => pathToFileURL(join(project, name)).toString();
const mainUri = (): string => uriOf("supply-agreement.contract");
const libUri = (): string => uriOf("library/standard-terms.contract");

/** Line and character of the first occurrence of `needle` in `text` (plus `shift` characters). */
function positionOf(text: string, needle: string, shift = 0): { line: number; character: number } {
  const at = text.indexOf(needle) + shift;
  const before = text.slice(0, at).split("\n");
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

let mainText: string;

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), "covenant-lsp-"));
  writeFileSync(join(project, "covenant.json"), "{}\n");
  cpSync(join(examples, "supply-agreement.contract"), join(project, "supply-agreement.contract"));
  cpSync(join(examples, "library"), join(project, "library"), { recursive: true });
  mainText = readFileSync(join(project, "supply-agreement.contract"), "utf8");

  child = spawn(process.execPath, [server, "--stdio"], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, COVENANT_LANGUAGE_SERVER_TEST_HOOKS: "1" },
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
    published.push(params);
    notify();
  });
  connection.onNotification("window/logMessage", (params: { message: string }) => {
    logs.push(params.message);
    notify();
  });
  connection.onRequest("client/registerCapability", () => null);
  connection.listen();
});

afterAll(() => {
  if (child.exitCode === null) child.kill();
});

describe("covenant-language-server over stdio", () => {
  it("initializes with every capability", async () => {
    const result = await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(project).toString(),
      workspaceFolders: [{ uri: pathToFileURL(project).toString(), name: "project" }],
      capabilities: {
        textDocument: {
          completion: { completionItem: { snippetSupport: true } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
      },
    });
    const capabilities = (result as { capabilities: Record<string, unknown> }).capabilities;
    expect(capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    for (const provider of [
      "hoverProvider",
      "completionProvider",
      "definitionProvider",
      "referencesProvider",
      "renameProvider",
      "documentHighlightProvider",
      "documentSymbolProvider",
      "workspaceSymbolProvider",
      "documentFormattingProvider",
      "documentRangeFormattingProvider",
      "semanticTokensProvider",
      "foldingRangeProvider",
      "selectionRangeProvider",
      "codeActionProvider",
      "documentLinkProvider",
      "inlayHintProvider",
      "executeCommandProvider",
    ])
      expect(capabilities[provider], provider).toBeTruthy();
    expect((capabilities["executeCommandProvider"] as { commands: string[] }).commands).toEqual([
      "covenant.previewProse",
      "covenant.exportDocx",
    ]);
    await connection.sendNotification("initialized", {});
  });

  it("publishes diagnostics for an opened document and the file it imports", async () => {
    const before = published.length;
    await connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri: mainUri(), languageId: "covenant", version: 1, text: mainText },
    });
    expect((await diagnosticsFor(mainUri(), before)).diagnostics).toEqual([]);
    expect((await diagnosticsFor(libUri(), before)).diagnostics).toEqual([]);
  });

  it("re-checks after an incremental change, with codes and a quick fix", async () => {
    const before = published.length;
    const at = positionOf(mainText, "supplied_by: supplier", "supplied_by: ".length);
    await connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: mainUri(), version: 2 },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + "supplier".length } }, text: "suplier" }],
    });
    const result = await diagnosticsFor(mainUri(), before, (d) => d.length > 0);
    expect(result.version).toBe(2);
    const unknown = result.diagnostics.find((d) => d.code === "CV200")!;
    expect(unknown.message).toBe("No party is called 'suplier'; did you mean 'supplier'?");
    expect(unknown.range.start).toEqual(at);

    const actions = (await connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: mainUri() },
      range: unknown.range,
      context: { diagnostics: [unknown] },
    })) as { title: string; edit: { changes: Record<string, unknown[]> } }[];
    expect(actions.map((a) => a.title)).toEqual(["Change to 'supplier'"]);

    const fixed = published.length;
    await connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: mainUri(), version: 3 },
      contentChanges: [{ range: unknown.range, text: "supplier" }],
    });
    expect((await diagnosticsFor(mainUri(), fixed)).diagnostics).toEqual([]);
  });

  it("answers every feature request", async () => {
    const doc = { textDocument: { uri: mainUri() } };
    const on = (needle: string, shift = 0): typeof doc & { position: { line: number; character: number } } => ({
      ...doc,
      position: positionOf(mainText, needle, shift),
    });

    const hover = (await connection.sendRequest("textDocument/hover", on("on_miss: ladder", 10))) as { contents: { value: string } };
    expect(hover.contents.value).toContain("**escalation** `ladder`");

    const completion = (await connection.sendRequest("textDocument/completion", on("currency: USD", "currency: ".length))) as {
      items: { label: string }[];
    };
    expect(completion.items.map((i) => i.label)).toContain("EUR");

    const definition = (await connection.sendRequest("textDocument/definition", on("on_miss: ladder", 10))) as {
      uri: string;
      range: { start: { line: number } };
    }[];
    expect(definition[0]!.uri).toBe(mainUri());
    expect(definition[0]!.range.start.line).toBe(positionOf(mainText, "escalation ladder").line);
    const intoImport = (await connection.sendRequest("textDocument/definition", on('import "', 9))) as { uri: string }[];
    expect(intoImport[0]!.uri).toBe(libUri());

    const references = (await connection.sendRequest("textDocument/references", {
      ...on("kpi defects", 5),
      context: { includeDeclaration: true },
    })) as unknown[];
    expect(references).toHaveLength(2);

    const prepared = (await connection.sendRequest("textDocument/prepareRename", on("on_miss: ladder", 10))) as { placeholder: string };
    expect(prepared.placeholder).toBe("ladder");
    const rename = (await connection.sendRequest("textDocument/rename", {
      ...on("on_miss: ladder", 10),
      newName: "missed_milestone_ladder",
    })) as { changes: Record<string, unknown[]> };
    expect(rename.changes[mainUri()]).toHaveLength(2);
    const refused = await connection
      .sendRequest("textDocument/rename", { ...on("on_miss: ladder", 10), newName: "fm" })
      .catch((error: { message: string }) => error.message);
    expect(refused).toMatch(/'fm' is already declared/);

    const highlights = (await connection.sendRequest("textDocument/documentHighlight", on("kpi defects", 5))) as { kind: number }[];
    expect(highlights.map((h) => h.kind)).toEqual([3, 2]);

    const symbols = (await connection.sendRequest("textDocument/documentSymbol", doc)) as { name: string }[];
    expect(symbols.map((s) => s.name)).toContain("airbag_price");
    const workspace = (await connection.sendRequest("workspace/symbol", { query: "typhoon" })) as { name: string }[];
    expect(workspace.map((s) => s.name).sort()).toEqual(["typhoon_alert", "typhoon_warning"]);

    expect(await connection.sendRequest("textDocument/formatting", { ...doc, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    expect(
      await connection.sendRequest("textDocument/rangeFormatting", {
        ...doc,
        range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
        options: { tabSize: 2, insertSpaces: true },
      }),
    ).toEqual([]);

    const tokens = (await connection.sendRequest("textDocument/semanticTokens/full", doc)) as { data: number[] };
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length).toBeGreaterThan(500);
    const rangeTokens = (await connection.sendRequest("textDocument/semanticTokens/range", {
      ...doc,
      range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } },
    })) as { data: number[] };
    expect(rangeTokens.data.length).toBeLessThan(tokens.data.length);

    const folding = (await connection.sendRequest("textDocument/foldingRange", doc)) as unknown[];
    expect(folding.length).toBeGreaterThan(10);
    const selection = (await connection.sendRequest("textDocument/selectionRange", {
      ...doc,
      positions: [positionOf(mainText, "USD 182.00", 5)],
    })) as { parent?: unknown }[];
    expect(selection[0]!.parent).toBeDefined();
    const links = (await connection.sendRequest("textDocument/documentLink", doc)) as { target: string }[];
    expect(links.map((l) => l.target)).toEqual([libUri()]);
    const hints = (await connection.sendRequest("textDocument/inlayHint", {
      ...doc,
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
    })) as { label: string }[];
    expect(hints.map((h) => h.label)).toContain("= 1,826 days");

    const preview = (await connection.sendRequest("workspace/executeCommand", {
      command: "covenant.previewProse",
      arguments: [mainUri(), "markdown"],
    })) as { ok: boolean; text: string };
    expect(preview.ok).toBe(true);
    expect(preview.text).toMatch(/^# Interior Safety Systems Supply Agreement/);

    // Export to Word: the same bytes as `covenant build --to docx` of the file, from the bundled server.
    const exported = (await connection.sendRequest("workspace/executeCommand", {
      command: "covenant.exportDocx",
      arguments: [mainUri()],
    })) as { ok: boolean; data: string; fileName: string };
    expect(exported.ok).toBe(true);
    expect(exported.fileName).toBe("supply-agreement.docx");
    const built = spawnSync(process.execPath, [
      join(repo, "packages/cli/dist/covenant.mjs"),
      "build",
      join(project, "supply-agreement.contract"),
      "--to",
      "docx",
    ]);
    expect(built.status).toBe(0);
    expect(Buffer.from(exported.data, "base64").equals(built.stdout)).toBe(true);
  });

  it("re-publishes the importer's diagnostics when an imported file changes on disk", async () => {
    const before = published.length;
    const library = join(project, "library/standard-terms.contract");
    // The main contract's libraries are not referred to by name; renaming a library event that main's
    // ladder does not use changes nothing, so break the library itself: a duplicate name shows in both.
    writeFileSync(library, `${readFileSync(library, "utf8")}\nevent earthquake "Again" {\n  unit: level\n}\n`);
    await connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: libUri(), type: 2 }] });
    const main = await diagnosticsFor(mainUri(), before);
    const lib = await diagnosticsFor(libUri(), before, (d) => d.length > 0);
    expect(lib.diagnostics.map((d) => d.code)).toContain("CV202");
    expect(main.version).toBe(3);
  });

  it("answers a malformed request with an error and keeps serving", async () => {
    await expect(connection.sendRequest("covenant/noSuchMethod", {})).rejects.toMatchObject({ code: -32601 });
    await expect(connection.sendRequest("textDocument/hover", { position: { line: 0, character: 0 } })).rejects.toMatchObject({
      code: -32602,
    });
    await expect(
      connection.sendRequest("textDocument/hover", {
        textDocument: { uri: uriOf("never-opened.contract") },
        position: { line: 0, character: 0 },
      }),
    ).rejects.toMatchObject({ code: -32602 });
    const symbols = (await connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri: mainUri() } })) as unknown[];
    expect(symbols.length).toBeGreaterThan(5);
  });

  it("survives an exception in a handler: logs it, answers InternalError, serves the next request", async () => {
    await expect(connection.sendRequest("covenant/testCrash", {})).rejects.toMatchObject({ code: -32603 });
    expect(
      await waitFor("the logged stack", () => logs.find((l) => l.includes("covenant/testCrash failed: Error: a deliberate failure"))),
    ).toMatch(/\n\s+at /);
    const hover = (await connection.sendRequest("textDocument/hover", {
      textDocument: { uri: mainUri() },
      position: positionOf(mainText, "kpi defects", 5),
    })) as { contents: { value: string } };
    expect(hover.contents.value).toContain("defects");
  });

  it("honours cancellation: a cancelled request is answered RequestCancelled", async () => {
    const source = new CancellationTokenSource();
    const pending = connection.sendRequest("covenant/testWaitForCancel", {}, source.token);
    // The server has the request once it answers a later one (requests are handled in order).
    await connection.sendRequest("textDocument/foldingRange", { textDocument: { uri: mainUri() } });
    source.cancel();
    await expect(pending).rejects.toMatchObject({ code: -32800 });
  });

  it("shuts down and exits with code 0", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    expect(await connection.sendRequest("shutdown")).toBeNull();
    await connection.sendNotification("exit");
    expect(await exited).toBe(0);
  });
});
