import { Command, CommanderError, Option } from "commander";
import { UsageError } from "./files.js";
import type { Io } from "./io.js";
import { runCheck } from "./commands/check.js";
import { runFmt } from "./commands/fmt.js";
import { registerDiffCommand } from "./commands/diff.js";
import { registerEvalCommand } from "./commands/eval.js";
import { runBuild, type BuildOptions } from "./commands/build.js";

/**
 * Runs the covenant command line and returns the exit code: 0 ok, 1 diagnostics of error severity
 * (or, for `fmt --check`, files that would change), 2 usage or I/O problems.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name("covenant")
    .description("Check, compile, format, diff and evaluate Covenant contracts (.contract files).")
    .version(io.version, "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError("(run 'covenant --help' for usage)");

  program
    .command("check")
    .description("Check contracts and print diagnostics (exit 1 if any error).")
    .argument("<paths...>", "contract files or folders to check")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json", "sarif"]).default("text"))
    .option("--root <dir>", "project root that imports must stay inside (default: nearest folder with covenant.json, package.json or .git)")
    .action((paths: string[], options: { format: "text" | "json" | "sarif"; root?: string }) => {
      exitCode = runCheck(paths, options, io);
    });

  program
    .command("build")
    .description(
      "Compile a contract to legal prose (Markdown, plain text, print-ready HTML) or canonical JSON (exit 1 and nothing written if it has errors).",
    )
    .argument("<file>", "the contract to compile (a root file with a contract header)")
    .option("-t, --to <formats>", "output formats, comma-separated: markdown, text, html, json", "markdown")
    .option("-o, --out <file>", "write the one format to this file (default: stdout)")
    .option("--out-dir <dir>", "write each format to DIR/NAME.md, .txt, .html, .json (created if missing)")
    .option("--width <columns>", "line width of plain text", "80")
    .option("--with-locations", "add source file, line and column to each declaration in JSON")
    .addOption(new Option("--paper <size>", "paper size of the HTML print CSS").choices(["a4", "letter"]).default("a4"))
    .option("--root <dir>", "project root that imports must stay inside (default: as for check)")
    .action((file: string, options: BuildOptions) => {
      exitCode = runBuild(file, options, io);
    });

  registerDiffCommand(program, io, (code) => (exitCode = code));
  registerEvalCommand(program, io, (code) => (exitCode = code));

  program
    .command("fmt")
    .description("Format contracts in the one canonical layout (Prettier with prettier-plugin-covenant).")
    .argument("<paths...>", "contract files or folders to format")
    .option("--check", "list files that would change; exit 1 if any")
    .option("--write", "rewrite files in place (atomically)")
    .action(async (paths: string[], options: { check?: boolean; write?: boolean }) => {
      exitCode = await runFmt(paths, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      io.stderr(`covenant: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
