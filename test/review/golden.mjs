#!/usr/bin/env node
/**
 * Rewrites the golden outputs of test/review/cases.mjs from the built CLI (run `pnpm build` first;
 * `pnpm golden:review` does both). Prints each file whose content changed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cases } from "./cases.mjs";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(repo, "packages/cli/dist/covenant.mjs");
const dir = join(repo, "test/review/golden");
mkdirSync(dir, { recursive: true });

/** Runs the CLI as the golden test does: from the repository root, without colour. */
export function runCase(c) {
  const result = spawnSync(process.execPath, [bin, ...c.args], { cwd: repo, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, output: c.stream === "stderr" ? result.stderr : result.stdout };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const c of cases) {
    const { code, output } = runCase(c);
    if (code !== c.exit) console.error(`${c.golden}: exit ${code}, expected ${c.exit}`);
    const path = join(dir, c.golden);
    const before = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    if (before !== output) {
      writeFileSync(path, output);
      console.log(`${before === undefined ? "wrote" : "updated"} test/review/golden/${c.golden}`);
    }
  }
}
