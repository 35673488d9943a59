import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from "vscode-languageserver-protocol/node";

/**
 * The protocol's edges over stdio (LSP "Lifecycle Messages", JSON-RPC error codes): params that do
 * not fit a request are InvalidParams (-32602), never InternalError (-32603), for every request
 * the server answers; requests before `initialize` are ServerNotInitialized (-32002), after
 * `shutdown` InvalidRequest (-32600); a stream whose framing breaks ends the process with a
 * non-zero exit and a line on stderr, so the client restarts it. No sleeps: each step waits for
 * its answer or for the process to exit, with a generous bound.
 */

const repo = join(import.meta.dirname, "..");
const serverPath = join(repo, "packages/language-server/dist/server.cjs");

interface Server {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

function startServer(): Server {
  const child = spawn(process.execPath, [serverPath, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest("client/registerCapability", () => null);
  connection.onNotification("window/logMessage", () => undefined);
  connection.listen();
  return { child, connection, stderr: () => stderr, exited };
}

/** The error code a request is answered with, or "result" when it succeeds. */
async function outcome(connection: ProtocolConnection, method: string, params: unknown): Promise<number | "result"> {
  try {
    await connection.sendRequest(method, params);
    return "result";
  } catch (error) {
    return (error as { code: number }).code;
  }
}

const initializeParams = (rootUri: string | null) => ({ processId: null, rootUri, capabilities: {} });

/** Resolves with the exit code, or fails after `ms` (the process would otherwise be deaf forever). */
function exitWithin(server: Server, ms: number): Promise<number | null> {
  return Promise.race([
    server.exited,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running after ${ms} ms; stderr: ${server.stderr()}`)), ms)),
  ]);
}

describe("request params at the edge", () => {
  let server: Server;
  let uri: string;
  let unopened: string;

  beforeAll(async () => {
    const project = mkdtempSync(join(tmpdir(), "covenant-lsp-edges-"));
    writeFileSync(join(project, "covenant.json"), "{}\n");
    cpSync(join(repo, "examples/supply-agreement.contract"), join(project, "deal.contract"));
    cpSync(join(repo, "examples/library"), join(project, "library"), { recursive: true });
    uri = pathToFileURL(join(project, "deal.contract")).toString();
    unopened = pathToFileURL(join(project, "never-opened.contract")).toString();
    server = startServer();
    await server.connection.sendRequest("initialize", initializeParams(pathToFileURL(project).toString()));
    await server.connection.sendNotification("initialized", {});
    await server.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "covenant", version: 1, text: readFileSync(join(project, "deal.contract"), "utf8") },
    });
  });

  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill();
  });

  const position = { line: 32, character: 4 };
  const range = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };
  const options = { tabSize: 2, insertSpaces: true };

  /** Every request the server answers, with params that fit. */
  const requests = (): Record<string, Record<string, unknown>> => ({
    "textDocument/hover": { textDocument: { uri }, position },
    "textDocument/completion": { textDocument: { uri }, position },
    "textDocument/definition": { textDocument: { uri }, position },
    "textDocument/references": { textDocument: { uri }, position, context: { includeDeclaration: true } },
    "textDocument/prepareRename": { textDocument: { uri }, position },
    "textDocument/rename": { textDocument: { uri }, position, newName: "other" },
    "textDocument/documentHighlight": { textDocument: { uri }, position },
    "textDocument/codeAction": { textDocument: { uri }, range, context: { diagnostics: [] } },
    "textDocument/inlayHint": { textDocument: { uri }, range },
    "textDocument/documentSymbol": { textDocument: { uri } },
    "textDocument/foldingRange": { textDocument: { uri } },
    "textDocument/selectionRange": { textDocument: { uri }, positions: [position] },
    "textDocument/documentLink": { textDocument: { uri } },
    "textDocument/formatting": { textDocument: { uri }, options },
    "textDocument/rangeFormatting": { textDocument: { uri }, range, options },
    "textDocument/semanticTokens/full": { textDocument: { uri } },
    "textDocument/semanticTokens/range": { textDocument: { uri }, range },
  });

  /** Ways to break a request's params; each applies where the request has the field. */
  const breakages: { name: string; apply: (params: Record<string, unknown>) => Record<string, unknown> | undefined }[] = [
    { name: "no textDocument", apply: ({ textDocument: _, ...rest }) => rest },
    { name: "a numeric uri", apply: (p) => ({ ...p, textDocument: { uri: 42 } }) },
    { name: "the uri of a document never opened", apply: (p) => ({ ...p, textDocument: { uri: unopened } }) },
    ...[
      null,
      { line: -1, character: 0 },
      { line: 1.5, character: 0 },
      { line: 2 ** 31, character: 0 },
      { line: "3", character: 0 },
      {},
    ].map((bad) => ({
      name: `position ${JSON.stringify(bad)}`,
      apply: (p: Record<string, unknown>) =>
        "position" in p ? { ...p, position: bad } : "positions" in p ? { ...p, positions: [bad] } : undefined,
    })),
    ...[
      null,
      { start: { line: 5, character: 0 }, end: { line: 1, character: 0 } },
      { start: { line: 0, character: -3 }, end: { line: 1, character: 0 } },
    ].map((bad) => ({
      name: `range ${JSON.stringify(bad)}`,
      apply: (p: Record<string, unknown>) => ("range" in p ? { ...p, range: bad } : undefined),
    })),
  ];

  it("answers every request kind with params broken every way: InvalidParams, never InternalError", async () => {
    const seen: string[] = [];
    for (const [method, good] of Object.entries(requests())) {
      for (const breakage of breakages) {
        const params = breakage.apply(good);
        if (params === undefined) continue;
        seen.push(`${method} with ${breakage.name}: ${await outcome(server.connection, method, params)}`);
      }
      seen.push(`${method} without params: ${await outcome(server.connection, method, null)}`);
    }
    expect(seen.filter((line) => !line.endsWith(": -32602"))).toEqual([]);
    expect(seen.length).toBeGreaterThan(17 * 5);
  });

  it("answers positions and ranges past the end of the document (valid uintegers) with a result", async () => {
    const far = { line: 2 ** 31 - 1, character: 2 ** 31 - 1 };
    const farRange = { start: { line: 100_000, character: 0 }, end: far };
    const seen: string[] = [];
    for (const [method, good] of Object.entries(requests())) {
      const params = { ...good };
      if ("position" in params) params.position = far;
      if ("positions" in params) params.positions = [far];
      if ("range" in params) params.range = farRange;
      seen.push(`${method}: ${await outcome(server.connection, method, params)}`);
    }
    // A rename where there is no name is refused as a request that failed (-32803).
    expect(seen.filter((line) => !line.endsWith(": result"))).toEqual(["textDocument/rename: -32803"]);
  });

  it("answers workspace requests with broken params: InvalidParams", async () => {
    expect(await outcome(server.connection, "workspace/symbol", { query: 7 })).toBe(-32602);
    expect(await outcome(server.connection, "workspace/symbol", null)).toBe(-32602);
    expect(await outcome(server.connection, "workspace/executeCommand", { command: null })).toBe(-32602);
    expect(await outcome(server.connection, "workspace/executeCommand", { command: "covenant.previewProse", arguments: [unopened] })).toBe(
      -32602,
    );
  });

  it("answers an unknown method with MethodNotFound and still serves", async () => {
    expect(await outcome(server.connection, "covenant/noSuchMethod", {})).toBe(-32601);
    const hover = (await server.connection.sendRequest("textDocument/hover", {
      textDocument: { uri },
      position: { line: 29, character: 10 },
    })) as {
      contents: { value: string };
    } | null;
    expect(hover?.contents.value).toContain("airbag_price");
  });
});

describe("the lifecycle", () => {
  it("refuses requests before initialize (-32002) and after shutdown (-32600), and exits 0 after shutdown and exit", async () => {
    const server = startServer();
    expect(
      await outcome(server.connection, "textDocument/hover", {
        textDocument: { uri: "file:///x.contract" },
        position: { line: 0, character: 0 },
      }),
    ).toBe(-32002);
    expect(await outcome(server.connection, "covenant/noSuchMethod", {})).toBe(-32002);
    expect(await outcome(server.connection, "initialize", initializeParams(null))).toBe("result");
    expect(await outcome(server.connection, "initialize", initializeParams(null))).toBe(-32600);
    expect(await outcome(server.connection, "workspace/symbol", { query: "" })).toBe("result");
    expect(await outcome(server.connection, "shutdown", null)).toBe("result");
    expect(await outcome(server.connection, "workspace/symbol", { query: "" })).toBe(-32600);
    expect(await outcome(server.connection, "shutdown", null)).toBe(-32600);
    await server.connection.sendNotification("exit");
    expect(await exitWithin(server, 20_000)).toBe(0);
  });

  it("answers initialize with params that do not fit InvalidParams, and can still be initialized", async () => {
    const server = startServer();
    expect(await outcome(server.connection, "initialize", null)).toBe(-32602);
    expect(await outcome(server.connection, "initialize", { processId: "me", capabilities: {} })).toBe(-32602);
    expect(await outcome(server.connection, "initialize", { processId: null, capabilities: 5 })).toBe(-32602);
    expect(await outcome(server.connection, "initialize", { processId: null, capabilities: {}, workspaceFolders: [{ uri: 5 }] })).toBe(
      -32602,
    );
    expect(await outcome(server.connection, "initialize", initializeParams(null))).toBe("result");
    server.child.kill();
  });

  it("drops notifications whose params do not fit, and serves on", async () => {
    const server = startServer();
    expect(await outcome(server.connection, "initialize", initializeParams(null))).toBe("result");
    const uri = "file:///tmp/covenant-dropped.contract";
    await server.connection.sendNotification("$/cancelRequest", null);
    await server.connection.sendNotification("$/setTrace", null);
    await server.connection.sendNotification("textDocument/didOpen", { textDocument: null });
    await server.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "covenant", version: 1, text: 'party p "P" { role: buyer }\n' },
    });
    await server.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: null, text: "x" }],
    });
    await server.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 3 }, contentChanges: null });
    // The document is as opened: the broken changes were not half applied.
    const symbols = (await server.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } })) as { name: string }[];
    expect(symbols.map((s) => s.name)).toEqual(["p"]);
    expect(server.stderr()).toBe("");
    server.child.kill();
  });

  it("exits 1 when the client closes the stream without shutdown", async () => {
    const server = startServer();
    expect(await outcome(server.connection, "initialize", initializeParams(null))).toBe("result");
    server.child.stdin!.end();
    expect(await exitWithin(server, 20_000)).toBe(1);
  });
});

describe("a broken stream ends the process", () => {
  const frame = (body: string | Buffer, header?: string): Buffer => {
    const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    return Buffer.concat([Buffer.from(header ?? `Content-Length: ${bytes.length}\r\n\r\n`, "ascii"), bytes]);
  };
  const initialize = JSON.stringify({ jsonrpc: "2.0", id: "raw", method: "initialize", params: initializeParams(null) });
  const cases: { name: string; bytes: Buffer; says: string }[] = [
    {
      name: "a non-numeric Content-Length",
      bytes: frame("{}", "Content-Length: abc\r\n\r\n"),
      says: "Content-Length must be a decimal number",
    },
    {
      name: "a Content-Length with a unit",
      bytes: frame("{}", "Content-Length: 2 bytes\r\n\r\n"),
      says: "Content-Length must be a decimal number",
    },
    {
      name: "a negative Content-Length",
      bytes: frame("{}", "Content-Length: -2\r\n\r\n"),
      says: "Content-Length must be a decimal number",
    },
    {
      name: "a header without Content-Length",
      bytes: frame("{}", "Content-Type: application/vscode-jsonrpc\r\n\r\n"),
      says: "without Content-Length",
    },
    { name: "a header line without a colon", bytes: frame("{}", "Content-Length 2\r\n\r\n"), says: "header line without a name" },
    { name: "a Content-Length beyond the limit", bytes: frame("{}", "Content-Length: 999999999999\r\n\r\n"), says: "larger than" },
    { name: "a header that never ends", bytes: Buffer.from("X".repeat(20_000), "ascii"), says: "without its end" },
    {
      name: "a charset other than UTF-8",
      bytes: frame("{}", "Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\n\r\n"),
      says: "charset must be utf-8",
    },
  ];

  it.each(cases)("$name: exit 1 promptly, with a line on stderr", async ({ bytes, says }) => {
    const server = startServer();
    // A good message first: the server is serving when the broken one arrives.
    server.child.stdin!.write(frame(initialize));
    server.child.stdin!.write(bytes);
    expect(await exitWithin(server, 20_000)).toBe(1);
    expect(server.stderr()).toMatch(
      new RegExp(`^covenant-language-server: malformed message: .*${says.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"),
    );
  });

  it("a message split across many writes is still read", async () => {
    const server = startServer();
    const bytes = frame(JSON.stringify({ jsonrpc: "2.0", id: "raw", method: "initialize", params: initializeParams(null) }));
    for (let i = 0; i < bytes.length; i += 7) server.child.stdin!.write(bytes.subarray(i, i + 7));
    // Served only once the split initialize was read (before it, the answer would be -32002).
    expect(await outcome(server.connection, "workspace/symbol", { query: "" })).toBe("result");
    server.child.kill();
  });
});

describe("a framed body that is no message is answered, and the server goes on (JSON-RPC 2.0)", () => {
  const frame = (body: string | Buffer): Buffer => {
    const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, "ascii"), bytes]);
  };

  /** The messages the server writes, read from its stdout frame by frame; `next` waits for the next one. */
  function rawServer(): { child: ChildProcess; next: () => Promise<Record<string, unknown>>; exited: Promise<number | null> } {
    const child = spawn(process.execPath, [serverPath, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const queue: Record<string, unknown>[] = [];
    const waiting: ((message: Record<string, unknown>) => void)[] = [];
    let buffer = Buffer.alloc(0);
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString("ascii"))![1]);
        if (buffer.length < end + 4 + length) return;
        const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString("utf8")) as Record<string, unknown>;
        buffer = buffer.subarray(end + 4 + length);
        // Log messages and registrations are not answers.
        if (typeof message.method === "string") continue;
        const waiter = waiting.shift();
        if (waiter) waiter(message);
        else queue.push(message);
      }
    });
    const next = (): Promise<Record<string, unknown>> => {
      const ready = queue.shift();
      if (ready) return Promise.resolve(ready);
      return Promise.race([
        new Promise<Record<string, unknown>>((resolve) => waiting.push(resolve)),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer within 20 s")), 20_000)),
      ]);
    };
    return { child, next, exited };
  }

  const initialize = JSON.stringify({ jsonrpc: "2.0", id: "init", method: "initialize", params: initializeParams(null) });
  const cases: { name: string; body: string | Buffer; code: number; id: string | number | null }[] = [
    { name: "a body that is not JSON ({bad json)", body: "{bad json", code: -32700, id: null },
    { name: "a truncated JSON body", body: '{"jsonrpc": "2.0", "id": 1,', code: -32700, id: null },
    { name: "a body that is not UTF-8", body: Buffer.from([0x7b, 0xff, 0x7d]), code: -32700, id: null },
    { name: "an empty batch", body: "[]", code: -32600, id: null },
    { name: "a batch (LSP has none)", body: JSON.stringify([{ jsonrpc: "2.0", id: 3, method: "shutdown" }]), code: -32600, id: null },
    { name: "a number", body: "42", code: -32600, id: null },
    { name: "null", body: "null", code: -32600, id: null },
    {
      name: "an object id",
      body: JSON.stringify({ jsonrpc: "2.0", id: { a: 1 }, method: "workspace/symbol", params: { query: "" } }),
      code: -32600,
      id: null,
    },
    {
      name: "an array id",
      body: JSON.stringify({ jsonrpc: "2.0", id: [1], method: "workspace/symbol", params: { query: "" } }),
      code: -32600,
      id: null,
    },
    {
      name: "a boolean id",
      body: JSON.stringify({ jsonrpc: "2.0", id: true, method: "workspace/symbol", params: { query: "" } }),
      code: -32600,
      id: null,
    },
    {
      name: "a null id on a request",
      body: JSON.stringify({ jsonrpc: "2.0", id: null, method: "workspace/symbol", params: { query: "" } }),
      code: -32600,
      id: null,
    },
    { name: "no method", body: JSON.stringify({ jsonrpc: "2.0", id: 7 }), code: -32600, id: 7 },
    { name: "a method that is not a string", body: JSON.stringify({ jsonrpc: "2.0", id: "m", method: 5 }), code: -32600, id: "m" },
    {
      name: "a notification whose method is not a string",
      body: JSON.stringify({ jsonrpc: "2.0", method: ["exit"] }),
      code: -32600,
      id: null,
    },
    { name: "no jsonrpc member", body: JSON.stringify({ id: 8, method: "workspace/symbol", params: { query: "" } }), code: -32600, id: 8 },
    {
      name: "jsonrpc 1.0",
      body: JSON.stringify({ jsonrpc: "1.0", id: 9, method: "workspace/symbol", params: { query: "" } }),
      code: -32600,
      id: 9,
    },
  ];

  it.each(cases)("$name: answered $code with id $id, then the next request is served", async ({ body, code, id }) => {
    const server = rawServer();
    server.child.stdin!.write(frame(initialize));
    expect((await server.next()).id).toBe("init");
    server.child.stdin!.write(frame(body));
    const answer = await server.next();
    expect(answer).toMatchObject({ jsonrpc: "2.0", id, error: { code } });
    expect(answer).not.toHaveProperty("result");
    server.child.stdin!.write(frame(JSON.stringify({ jsonrpc: "2.0", id: "after", method: "workspace/symbol", params: { query: "" } })));
    expect(await server.next()).toMatchObject({ id: "after", result: [] });
    server.child.kill();
    await server.exited;
  });

  it("a body shorter than its Content-Length still breaks the framing: the process ends", async () => {
    const server = rawServer();
    server.child.stdin!.write(frame(initialize));
    expect((await server.next()).id).toBe("init");
    server.child.stdin!.write(Buffer.from('Content-Length: 5\r\n\r\n{"a":1}\r\n\r\n', "ascii"));
    const code = await Promise.race([server.exited, new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 20_000))]);
    expect(code).toBe(1);
  });
});

describe("rename and references over the workspace root, files the editor has not opened included", () => {
  it("the tester's case: renaming `earthquake` in preferred-supplier edits the library and joint-development (unopened); both then check clean", async () => {
    const project = mkdtempSync(join(tmpdir(), "covenant-lsp-rename-"));
    writeFileSync(join(project, "covenant.json"), "{}\n");
    for (const name of ["preferred-supplier.contract", "joint-development.contract"])
      cpSync(join(repo, "examples", name), join(project, name));
    cpSync(join(repo, "examples/library"), join(project, "library"), { recursive: true });
    const uriOf = (name: string): string => pathToFileURL(join(project, name)).toString();
    const server = startServer();
    await server.connection.sendRequest("initialize", initializeParams(pathToFileURL(project).toString()));
    await server.connection.sendNotification("initialized", {});
    const text = readFileSync(join(project, "preferred-supplier.contract"), "utf8");
    await server.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri: uriOf("preferred-supplier.contract"), languageId: "covenant", version: 1, text },
    });
    const before = text.slice(0, text.indexOf("earthquake", text.indexOf("trigger"))).split("\n");
    const position = { line: before.length - 1, character: before[before.length - 1]!.length };
    const textDocument = { uri: uriOf("preferred-supplier.contract") };

    const found = (await server.connection.sendRequest("textDocument/references", {
      textDocument,
      position,
      context: { includeDeclaration: true },
    })) as { uri: string }[];
    expect(new Set(found.map((l) => l.uri))).toEqual(
      new Set(["preferred-supplier.contract", "joint-development.contract", "library/standard-terms.contract"].map(uriOf)),
    );

    const edit = (await server.connection.sendRequest("textDocument/rename", { textDocument, position, newName: "quake" })) as {
      changes: Record<
        string,
        { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]
      >;
    };
    expect(Object.keys(edit.changes).sort()).toEqual(
      ["joint-development.contract", "library/standard-terms.contract", "preferred-supplier.contract"].map(uriOf).sort(),
    );
    server.child.kill();
    await server.exited;

    // Apply the edit on disk, as the editor would, and check both contracts with the CLI.
    for (const [uri, edits] of Object.entries(edit.changes)) {
      const path = new URL(uri).pathname;
      const lines = readFileSync(path, "utf8").split("\n");
      for (const e of [...edits].sort(
        (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
      )) {
        const line = lines[e.range.start.line]!;
        lines[e.range.start.line] = line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character);
      }
      writeFileSync(path, lines.join("\n"));
    }
    const check = spawnSync(
      process.execPath,
      [join(repo, "packages/cli/dist/covenant.mjs"), "check", "preferred-supplier.contract", "joint-development.contract"],
      {
        cwd: project,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    expect(check.stdout).toMatch(/no problems/);
    expect(check.status).toBe(0);
  });
});
