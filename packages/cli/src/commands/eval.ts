import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { Option, type Command } from "commander";
import { Workspace } from "@covenant/core";
import {
  evaluate,
  factsSchema,
  maxFactsBytes,
  maxFactsProblems,
  readFactsFor,
  renderEvalJson,
  renderEvalText,
  type FactsProblem,
} from "@covenant/review";
import { createColors } from "picocolors";
import { findProjectRoot, requireReadableRoot, UsageError } from "../files.js";
import { readRegularFileBytes, whyNotRead } from "@covenant/node-files";
import type { Io } from "../io.js";
import { nodeHost } from "../node-host.js";
import { hasSyntaxErrors, reportDocumentErrors } from "../report/document-errors.js";

export interface EvalOptions {
  readonly facts?: string;
  readonly factsSchema?: boolean;
  readonly format: "text" | "json";
  readonly root?: string;
}

/** Adds `covenant eval` to the program; `done` receives the exit code. */
export function registerEvalCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("eval")
    .description(
      "Apply a contract to facts: tier prices, indexed prices, KPI penalties and bonuses, shortfalls, force majeure, escalation, termination rights.",
    )
    .argument("<file>", "the contract")
    .option("--facts <file>", "the facts, as JSON (see --facts-schema)")
    .option("--facts-schema", "print the JSON Schema of the facts this contract accepts")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--root <dir>", "project root that imports must stay inside (default: as for check)")
    .action((file: string, options: EvalOptions) => {
      done(runEval(file, options, io));
    });
}

/**
 * `covenant eval`: 0 with results, 1 when the contract has errors, 2 on usage and I/O problems,
 * a contract that does not parse, or facts that do not fit the contract.
 */
export function runEval(file: string, options: EvalOptions, io: Io): number {
  const path = resolve(io.cwd, file);
  if (!existsSync(path)) throw new UsageError(`cannot read '${file}': no such file or directory`);
  const workspace = new Workspace(nodeHost(), { root: options.root ?? findProjectRoot(path) });
  requireReadableRoot(workspace, path, file);
  const document = workspace.check(path);
  if (!document.ok) {
    reportDocumentErrors(document, workspace, io, file);
    return hasSyntaxErrors(document) ? 2 : 1;
  }
  if (options.factsSchema) {
    io.stdout(JSON.stringify(factsSchema(document), null, 2) + "\n");
    return 0;
  }
  if (!options.facts)
    throw new UsageError(
      "eval needs facts: covenant eval FILE --facts FACTS.json (covenant eval --facts-schema FILE shows what they may hold)",
    );
  const factsPath = resolve(io.cwd, options.facts);
  const bytes = readRegularFileBytes(factsPath, maxFactsBytes);
  if (bytes.kind !== "bytes") throw new UsageError(`cannot read '${options.facts}': ${whyNotRead(bytes)}`);
  const read = readFactsFor(document, bytes.bytes.toString("utf8"));
  if ("problems" in read) {
    io.stderr(factsProblems(read.problems, relative(io.cwd, factsPath) || factsPath, io.color));
    return 2;
  }
  const result = evaluate(document, read.facts);
  io.stdout(options.format === "json" ? renderEvalJson(result) : renderEvalText(result, { color: io.color }));
  return 0;
}

/** `facts.json:4:17 error 'seatbelt' is not a product of this contract; ...`, one line each. */
function factsProblems(problems: readonly FactsProblem[], shown: string, color: boolean): string {
  const c = createColors(color);
  const lines = problems.map((p) => `${c.bold(`${shown}:${p.line}:${p.column}`)} ${c.red(c.bold("error"))} ${p.message}`);
  const count =
    problems.length > maxFactsProblems
      ? `more than ${maxFactsProblems} problems`
      : `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  return `${lines.join("\n")}\n${c.red(`${count} in the facts`)}\n`;
}
