/**
 * `covenant-language-server --stdio`: the Covenant language server for any LSP client.
 * (`--node-ipc` and `--socket=PORT` work too: vscode-languageserver picks the transport from the arguments.)
 */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server.js";

if (process.argv.includes("--version")) {
  process.stdout.write("covenant-language-server 0.1.0\n");
  process.exit(0);
}
if (!process.argv.some((arg) => /^--(stdio|node-ipc|socket=|pipe=)/.test(arg))) {
  process.stderr.write("usage: covenant-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n");
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all);
// The server never dies: an error that escapes every handler is logged, and serving goes on.
process.on("uncaughtException", (error) => connection.console.error(`Covenant: uncaught ${error.stack ?? error.message}`));
process.on("unhandledRejection", (reason) => connection.console.error(`Covenant: unhandled rejection ${String(reason)}`));
startServer(connection, { testHooks: process.env.COVENANT_LANGUAGE_SERVER_TEST_HOOKS === "1" });
connection.listen();
