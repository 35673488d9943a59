import { Command, CommanderError, Option } from "commander";
import { UsageError } from "./files.js";
import type { Io } from "./io.js";
import { runCheck } from "./commands/check.js";
import type { BuildOptions } from "./commands/build.js";

const commandNames = ["check", "build", "fmt", "diff", "eval"];

/**
 * Runs the covenant command line and returns the exit code: 0 ok, 1 diagnostics of error severity
 * (or, for `fmt --check`, files that would change), 2 usage or I/O problems.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  // The compiler, the review package and Prettier load only for the command that needs them, so
  // `covenant check` starts fast; help and unknown commands see every command.
  const named = argv[0] !== undefined && commandNames.includes(argv[0]) ? argv[0] : undefined;
  const wants = (name: string): boolean => named === undefined || named === name;
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
      "Compile a contract to legal prose (Markdown, plain text, print-ready HTML, a Word document) or canonical JSON (exit 1 and nothing written if it has errors).",
    )
    .argument("<file>", "the contract to compile (a root file with a contract header)")
    .option("-t, --to <formats>", "output formats, comma-separated: markdown, text, html, json, docx", "markdown")
    .option("-o, --out <file>", "write the one format to this file (default: stdout)")
    .option("--out-dir <dir>", "write each format to DIR/NAME.md, .txt, .html, .json, .docx (created if missing)")
    .option("--width <columns>", "line width of plain text", "80")
    .option("--with-locations", "add source file, line and column to each declaration in JSON")
    .addOption(
      new Option("--paper <size>", "paper size of the HTML print CSS and the Word document").choices(["a4", "letter"]).default("a4"),
    )
    .option("--reference-docx <file>", "a .docx whose styles (fonts, sizes, spacing) and page setup the Word document takes")
    .option("--root <dir>", "project root that imports must stay inside (default: as for check)")
    .action(async (file: string, options: BuildOptions) => {
      const { runBuild } = await import("./commands/build.js");
      exitCode = await runBuild(file, options, io);
    });

  if (wants("diff")) (await import("./commands/diff.js")).registerDiffCommand(program, io, (code) => (exitCode = code));
  if (wants("eval")) (await import("./commands/eval.js")).registerEvalCommand(program, io, (code) => (exitCode = code));

  program
    .command("fmt")
    .description("Format contracts in the one canonical layout (Prettier with prettier-plugin-covenant).")
    .argument("<paths...>", "contract files or folders to format")
    .option("--check", "list files that would change; exit 1 if any")
    .option("--write", "rewrite files in place (atomically)")
    .action(async (paths: string[], options: { check?: boolean; write?: boolean }) => {
      const { runFmt } = await import("./commands/fmt.js");
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
