#!/usr/bin/env node
import { main } from "./main.js";
import { version } from "./version.js";

// A reader that stops early (`covenant check | head`) closes the pipe; that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const color = process.stdout.isTTY === true && !("NO_COLOR" in process.env);

main(process.argv.slice(2), {
  cwd: process.cwd(),
  color,
  version,
  stdoutIsTerminal: process.stdout.isTTY === true,
  stdout: (text) => process.stdout.write(text),
  stdoutBytes: (bytes) => process.stdout.write(bytes),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not bad input: say so plainly, without a stack trace unless asked for.
    process.stderr.write(`covenant: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env["COVENANT_DEBUG"]) process.stderr.write(`${error instanceof Error ? error.stack : ""}\n`);
    process.exitCode = 2;
  },
);
