import { Command, CommanderError, Option } from "commander";
import { UsageError } from "./files.js";
import type { Io } from "./io.js";
import { runCheck } from "./commands/check.js";

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
