import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDocument } from "../src/index.js";
import { pluginRoot, repoRoot } from "./support.js";

/**
 * The plugin as a user runs it: the real `prettier` binary, from the repository root, loading
 * `--plugin prettier-plugin-covenant` by package name (the built dist/, so `pnpm build` first).
 * The files live in a temporary folder with `--no-config` and an empty ignore file, so that the
 * repository's own Prettier settings for TypeScript do not take part.
 */

const prettierBin = join(repoRoot, "node_modules", ".bin", "prettier");
const messy =
  'party   supplier "S" { role: supplier\n    jurisdiction: JP }\npricing p for x {\n  tier 1 .. 9: USD 1\n  tier 10 ..: USD 2\n}\n';
let dir: string;

function prettier(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(
    prettierBin,
    ["--no-config", "--ignore-path", join(dir, "none"), "--plugin", "prettier-plugin-covenant", ...args],
    {
      cwd: repoRoot,
      encoding: "utf8",
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the prettier command", () => {
  beforeAll(async () => {
    expect(existsSync(join(pluginRoot, "dist", "index.js")), "the plugin is built (pnpm build)").toBe(true);
    dir = mkdtempSync(join(tmpdir(), "covenant-prettier-"));
    writeFileSync(join(dir, "formatted.contract"), await formatDocument(messy));
    writeFileSync(join(dir, "messy.contract"), messy);
    writeFileSync(join(dir, "broken.contract"), "party x {\n  role: \n}\n");
    writeFileSync(join(dir, "none"), "");
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("passes --check on a formatted file", () => {
    const result = prettier("--check", join(dir, "formatted.contract"));
    expect(result.output).toContain("All matched files use Prettier code style");
    expect(result.status).toBe(0);
  });

  it("fails --check on a misformatted file", () => {
    const result = prettier("--check", join(dir, "messy.contract"));
    expect(result.output).toContain("messy.contract");
    expect(result.status).toBe(1);
  });

  it("prints what the in-process formatter prints", async () => {
    const result = prettier(join(dir, "messy.contract"));
    expect(result.status).toBe(0);
    expect(result.output).toBe(await formatDocument(messy));
  });

  it("reports a syntax error with its line and column", () => {
    const result = prettier("--check", join(dir, "broken.contract"));
    expect(result.output).toMatch(/SyntaxError: .*\(2:8\)/);
    expect(result.status).toBe(2);
  });
});
