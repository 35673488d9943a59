/**
 * `covenant-language-server --stdio`: the Covenant language server for any LSP client.
 * (`--node-ipc` and `--socket=PORT` work too: vscode-languageserver picks the transport from the arguments.)
 */
import { format } from "node:util";
import { createConnection, ProposedFeatures, StreamMessageWriter } from "vscode-languageserver/node";
import { startServer } from "./server.js";
import { LibraryParamsGate, StrictMessageReader } from "./transport.js";

if (process.argv.includes("--version")) {
  process.stdout.write("covenant-language-server 0.1.0\n");
  process.exit(0);
}
if (!process.argv.some((arg) => /^--(stdio|node-ipc|socket=|pipe=)/.test(arg))) {
  process.stderr.write("usage: covenant-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n");
  process.exit(2);
}

const stdio = process.argv.includes("--stdio");
// Over stdio the strict reader reads the framing: a broken stream ends the process (exit 1, a line
// on stderr) so the client restarts the server, instead of leaving it running but deaf.
// A body framed correctly that is no message is answered (Parse error, Invalid Request) and reading goes on.
const writer = stdio ? new StreamMessageWriter(process.stdout) : undefined;
const reader = writer ? new StrictMessageReader(process.stdin, (answer) => void writer.write(answer)) : undefined;
const connection =
  reader && writer
    ? createConnection(ProposedFeatures.all, new LibraryParamsGate(reader, writer), writer)
    : createConnection(ProposedFeatures.all);
if (stdio) {
  // Anything a dependency prints must not corrupt the protocol on stdout.
  console.log = console.info = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
}
// The server never dies of a handler: an error that escapes every handler is logged, and serving goes on.
process.on("uncaughtException", (error) => connection.console.error(`Covenant: uncaught ${error.stack ?? error.message}`));
process.on("unhandledRejection", (reason) => connection.console.error(`Covenant: unhandled rejection ${String(reason)}`));
const server = startServer(connection, { testHooks: process.env.COVENANT_LANGUAGE_SERVER_TEST_HOOKS === "1" });
reader?.onError((error) => {
  process.stderr.write(`covenant-language-server: ${error.message}; exiting so the client can restart the server\n`);
  process.exit(1);
});
// The client went away: exit 0 after shutdown, 1 otherwise (as the protocol's exit notification).
reader?.onClose(() => process.exit(server.shutdownReceived ? 0 : 1));
connection.listen();
