import { readdirSync } from "node:fs";
import { normalizePath, type FileHost } from "@covenant/core";
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type DidChangeTextDocumentParams,
  type DidChangeWatchedFilesParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
  type ExecuteCommandParams,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceSymbolParams,
} from "vscode-languageserver";
import { URI } from "vscode-uri";
import { DocumentStore, nodeFileHost, nodeRootFinder, type CheckedView, type ParsedView } from "./documents.js";
import { guard, guardNotification } from "./guard.js";
import { Lifecycle } from "./lifecycle.js";
import { checkParams, paramsProblem, type NotificationMethod, type RequestMethod } from "./params.js";
import { CheckScheduler } from "./scheduler.js";
import { codeActions } from "./features/code-actions.js";
import { completion } from "./features/completion.js";
import { definition } from "./features/definition.js";
import { DiagnosticsPublisher } from "./features/diagnostics.js";
import { foldingRanges } from "./features/folding.js";
import { formatting, rangeFormatting } from "./features/formatting.js";
import { highlight } from "./features/highlight.js";
import { hover } from "./features/hover.js";
import { inlayHints } from "./features/inlay-hints.js";
import { documentLinks } from "./features/links.js";
import { exportDocx, exportDocxCommand, previewCommand, previewProse, type DocxExport, type ProsePreview } from "./features/preview.js";
import { references } from "./features/references.js";
import { prepareRename, rename } from "./features/rename.js";
import { selectionRanges } from "./features/selection.js";
import { legend, semanticTokens, semanticTokensRange } from "./features/semantic-tokens.js";
import { documentSymbols, workspaceSymbols } from "./features/symbols.js";

export interface ServerOptions {
  /** Reads files that are not open; defaults to node:fs. */
  readonly host?: FileHost;
  /** The project root of a file; defaults to the CLI's rule (nearest covenant.json, package.json or .git). */
  readonly rootOf?: (path: string) => string;
  /** Every .contract file of the workspace, for workspace symbols, references and rename; defaults to a walk of the workspace folders. */
  readonly projectFiles?: (folders: readonly string[]) => string[];
  /** Adds `covenant/testCrash` (throws) and `covenant/testWaitForCancel` (waits to be cancelled), for end-to-end tests. */
  readonly testHooks?: boolean;
}

/** Options a client may pass in `initializationOptions`. */
interface InitializationOptions {
  /** Milliseconds to wait after the last edit before re-checking (default 0: as soon as the edits already received are handled). */
  readonly diagnosticsDelay?: number;
  /**
   * The client registers `covenant.previewProse` itself (the VS Code extension opens a webview with
   * it), so the server must not advertise it: vscode-languageclient would register the same id.
   * The server still answers `workspace/executeCommand` for it.
   */
  readonly clientHandlesPreviewCommand?: boolean;
  /** The same for `covenant.exportDocx` (the VS Code extension asks where to save the document). */
  readonly clientHandlesExportCommand?: boolean;
}

type DocumentParams = { readonly textDocument: { readonly uri: string } };

/** What the process hosting the server needs to know of it. */
export interface ServerState {
  /** True once `shutdown` was answered: the process then exits with 0 when the client goes. */
  readonly shutdownReceived: boolean;
}

/**
 * Wires the Covenant services to a connection. Every request passes one edge first: the lifecycle
 * (ServerNotInitialized before `initialize`, InvalidRequest after `shutdown`) and the shape of its
 * params (InvalidParams naming the field), then the guard (exceptions become InternalError). Each
 * request declares the least build state it needs: `parsed` (outline, folding, selection, semantic
 * tokens, links, formatting) or `checked` (everything that needs names, types or values).
 */
export function startServer(connection: Connection, options: ServerOptions = {}): ServerState {
  const log = (message: string): void => connection.console.error(message);
  const lifecycle = new Lifecycle();
  let folders: string[] = [];
  const store = new DocumentStore({ host: options.host ?? nodeFileHost(), rootOf: options.rootOf ?? nodeRootFinder(() => folders) });
  const publisher = new DiagnosticsPublisher(store, (params) => void connection.sendDiagnostics(params));
  let scheduler = createScheduler(0);
  let snippets = false;
  let hierarchicalSymbols = false;
  let watchDynamically = false;
  let projectFiles: string[] | undefined;

  function createScheduler(delay: number): CheckScheduler {
    return new CheckScheduler(
      (uri) => {
        if (store.isOpen(uri)) publisher.publish(uri, store.checked(uri).checked);
      },
      delay,
      (uri, error) => log(`Covenant: checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    );
  }

  /** The edge every request passes: lifecycle, then params against the method's shape, inside the guard. */
  const request =
    <P, R>(method: RequestMethod, run: (params: P, token: CancellationToken) => R | Promise<R>) =>
    (params: P, token: CancellationToken) =>
      guard(log, method, (p: P, t) => {
        lifecycle.admit(method);
        checkParams(method, p);
        return run(p, t);
      })(params, token);
  const parsed = <P extends DocumentParams, R>(
    method: RequestMethod,
    run: (view: ParsedView, params: P, token: CancellationToken) => R | Promise<R>,
  ) => request<P, R>(method, (p, t) => run(store.parsed(p.textDocument.uri), p, t));
  const checked = <P extends DocumentParams, R>(
    method: RequestMethod,
    run: (view: CheckedView, params: P, token: CancellationToken) => R | Promise<R>,
  ) => request<P, R>(method, (p, t) => run(store.checked(p.textDocument.uri), p, t));
  /**
   * Notifications are dropped outside the lifecycle's running state, and when their params do not
   * fit (there is no answer to give: the problem is logged); the rest run guarded.
   */
  const notification =
    <P>(method: NotificationMethod, handle: (params: P) => void) =>
    (params: P): void => {
      if (!lifecycle.admitsNotifications) return;
      const problem = paramsProblem(method, params);
      if (problem !== undefined) return log(`${problem}; notification dropped`);
      guardNotification(log, method, handle)(params);
    };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    checkParams("initialize", params);
    lifecycle.initialize();
    const capabilities = params.capabilities;
    snippets = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    hierarchicalSymbols = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    watchDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: "root" }] : []))
      .map((f) => URI.parse(f.uri))
      .filter((u) => u.scheme === "file")
      .map((u) => normalizePath(u.path));
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof init.diagnosticsDelay === "number" && init.diagnosticsDelay >= 0) scheduler = createScheduler(init.diagnosticsDelay);
    const commands = [
      ...(init.clientHandlesPreviewCommand === true ? [] : [previewCommand]),
      ...(init.clientHandlesExportCommand === true ? [] : [exportDocxCommand]),
    ];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [":", "[", ","], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        semanticTokensProvider: { legend, full: true, range: true },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentLinkProvider: { resolveProvider: false },
        inlayHintProvider: true,
        executeCommandProvider: { commands },
      },
      serverInfo: { name: "covenant-language-server", version: "0.1.0" },
    };
  });

  connection.onInitialized(() => {
    if (watchDynamically) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*.contract" }] })
        .catch((error: unknown) => log(`Covenant: cannot watch files: ${String(error)}`));
    }
  });

  // Text synchronisation: every change re-checks the open documents whose import closure holds the file.
  connection.onDidOpenTextDocument(
    notification("textDocument/didOpen", (params: DidOpenTextDocumentParams) => {
      const { uri, languageId, version, text } = params.textDocument;
      const path = store.openDocument(uri, languageId, version, text);
      scheduler.schedule(store.dependentsOf(path));
    }),
  );
  connection.onDidChangeTextDocument(
    notification("textDocument/didChange", (params: DidChangeTextDocumentParams) => {
      const path = store.changeDocument(params.textDocument.uri, params.textDocument.version, params.contentChanges);
      scheduler.schedule(store.dependentsOf(path));
    }),
  );
  connection.onDidCloseTextDocument(
    notification("textDocument/didClose", (params: DidCloseTextDocumentParams) => {
      const uri = params.textDocument.uri;
      const path = store.closeDocument(uri);
      scheduler.drop(uri);
      publisher.forget(uri);
      scheduler.schedule(store.dependentsOf(path));
    }),
  );
  connection.onDidChangeWatchedFiles(
    notification("workspace/didChangeWatchedFiles", (params: DidChangeWatchedFilesParams) => {
      const affected = new Set<string>();
      for (const change of params.changes) {
        if (change.type !== FileChangeType.Changed) projectFiles = undefined;
        if (store.isOpen(change.uri)) continue;
        const path = store.fileChanged(change.uri);
        for (const uri of store.dependentsOf(path)) affected.add(uri);
      }
      scheduler.schedule(affected);
    }),
  );

  connection.onHover(checked("textDocument/hover", (view, params) => hover(view, params)));
  connection.onCompletion(checked("textDocument/completion", (view, params) => completion(view, params, { snippets })));
  connection.onDefinition(checked("textDocument/definition", (view, params) => definition(view, store, params)));
  // The workspace's .contract files, open or not: what references and rename cover, as workspace symbols do.
  const project = (): string[] => (projectFiles ??= (options.projectFiles ?? walkContractFiles)(folders));
  connection.onReferences(checked("textDocument/references", (view, params, token) => references(view, store, params, token, project())));
  connection.onPrepareRename(checked("textDocument/prepareRename", (view, params) => prepareRename(view, params)));
  connection.onRenameRequest(checked("textDocument/rename", (view, params, token) => rename(view, store, params, token, project())));
  connection.onDocumentHighlight(checked("textDocument/documentHighlight", (view, params) => highlight(view, params)));
  connection.onCodeAction(checked("textDocument/codeAction", (view, params) => codeActions(view, store, params)));
  connection.languages.inlayHint.on(checked("textDocument/inlayHint", (view, params) => inlayHints(view, params)));

  connection.onDocumentSymbol(parsed("textDocument/documentSymbol", (view, params) => documentSymbols(view, params, hierarchicalSymbols)));
  connection.onFoldingRanges(parsed("textDocument/foldingRange", (view, params) => foldingRanges(view, params)));
  connection.onSelectionRanges(parsed("textDocument/selectionRange", (view, params) => selectionRanges(view, params)));
  connection.onDocumentLinks(parsed("textDocument/documentLink", (view, params) => documentLinks(view, store, params)));
  connection.onDocumentFormatting(parsed("textDocument/formatting", (view, params) => formatting(view, params)));
  connection.onDocumentRangeFormatting(parsed("textDocument/rangeFormatting", (view, params) => rangeFormatting(view, params)));
  connection.languages.semanticTokens.on(parsed("textDocument/semanticTokens/full", (view, params) => semanticTokens(view, params)));
  connection.languages.semanticTokens.onRange(
    parsed("textDocument/semanticTokens/range", (view, params) => semanticTokensRange(view, params)),
  );

  connection.onWorkspaceSymbol(
    request("workspace/symbol", (params: WorkspaceSymbolParams, token) => {
      return workspaceSymbols(store, project(), params, token);
    }),
  );

  connection.onExecuteCommand(
    request("workspace/executeCommand", (params: ExecuteCommandParams): ProsePreview | Promise<DocxExport> => {
      if (params.command === exportDocxCommand) {
        const [uri, options] = params.arguments ?? [];
        if (typeof uri !== "string")
          throw new ResponseError(ErrorCodes.InvalidParams, `${exportDocxCommand} takes the URI of an open document`);
        const paper =
          typeof options === "object" && options !== null && (options as { paper?: unknown }).paper === "letter" ? "letter" : "a4";
        return exportDocx(store.checked(uri), paper);
      }
      if (params.command !== previewCommand) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command '${params.command}'`);
      const [uri, format] = params.arguments ?? [];
      if (typeof uri !== "string") throw new ResponseError(ErrorCodes.InvalidParams, `${previewCommand} takes the URI of an open document`);
      const to = format === "markdown" || format === "text" ? format : "html";
      return previewProse(store.checked(uri), to);
    }),
  );

  if (options.testHooks) {
    connection.onRequest("covenant/testCrash", (params: unknown, token: CancellationToken) =>
      guard(log, "covenant/testCrash", () => {
        lifecycle.admit("covenant/testCrash");
        throw new Error("a deliberate failure, to test that the server survives it");
      })(params, token),
    );
    // Runs until the client cancels it (or 10 s pass): proves that $/cancelRequest reaches a running handler.
    connection.onRequest("covenant/testWaitForCancel", (params: unknown, token: CancellationToken) =>
      guard(
        log,
        "covenant/testWaitForCancel",
        () =>
          new Promise<string>((resolve) => {
            const timer = setTimeout(() => resolve("not cancelled"), 10_000);
            token.onCancellationRequested(() => {
              clearTimeout(timer);
              resolve("cancelled");
            });
          }),
      )(params, token),
    );
  }

  // Any other method: refused by the lifecycle, or not found (-32601).
  connection.onRequest((method: string, params: unknown, token: CancellationToken) =>
    guard(log, method, () => {
      lifecycle.admit(method);
      throw new ResponseError(ErrorCodes.MethodNotFound, `Covenant: unhandled method ${method}`);
    })(params, token),
  );

  connection.onShutdown(() => {
    lifecycle.shutDown();
    return scheduler.idle();
  });
  return lifecycle;
}

/** The .contract files under the workspace folders (hidden folders and node_modules skipped), at most 10,000. */
function walkContractFiles(folders: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (directory: string): void => {
    if (found.length >= 10_000) return;
    let entries;
    try {
      entries = readdirSync(URI.from({ scheme: "file", path: directory }).fsPath, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = `${directory === "/" ? "" : directory}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith(".contract")) found.push(path);
    }
  };
  for (const folder of folders) walk(folder);
  return found;
}
