import * as path from "node:path";
import { commands, window, type ExtensionContext } from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { exportToWord } from "./export";
import { ProsePreviewPanel } from "./preview";

/**
 * The Covenant extension: starts the bundled language server (dist/server.cjs) and adds the
 * "Covenant: Preview Prose" and "Covenant: Export to Word" commands. Everything the language knows lives in the server; this file
 * only connects VS Code to it.
 */

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join("dist", "server.cjs"));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The server registers its own watcher for **/*.contract: imported files change on disk too.
    documentSelector: [{ language: "covenant" }],
    initializationOptions: { clientHandlesPreviewCommand: true, clientHandlesExportCommand: true },
  };
  client = new LanguageClient("covenant", "Covenant", serverOptions, clientOptions);
  await client.start();
  const started = client;
  context.subscriptions.push(
    commands.registerCommand("covenant.previewProse", () => ProsePreviewPanel.show(context, started)),
    commands.registerCommand("covenant.exportDocx", () =>
      exportToWord(started).catch((error: unknown) =>
        window.showErrorMessage(`The export failed: ${error instanceof Error ? error.message : String(error)}`),
      ),
    ),
  );
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
