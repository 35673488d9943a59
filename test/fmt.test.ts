import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const repo = join(import.meta.dirname, "..");
const bin = join(repo, "packages/cli/dist/covenant.mjs");

function covenant(args: string[], cwd = repo): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const messy = 'party   supplier "Supplier Co." { role: supplier\n      jurisdiction: JP }\n';
const tidy = 'party supplier "Supplier Co." {\n  role: supplier\n  jurisdiction: JP\n}\n';

function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "covenant-fmt-"));
  writeFileSync(join(dir, "package.json"), "{}");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("covenant fmt", () => {
  it("finds every example already in canonical form", () => {
    const { code, stdout } = covenant(["fmt", "--check", "examples"]);
    expect(stdout).toMatch(/files? already formatted/);
    expect(code).toBe(0);
  });

  it("--check lists files that would change and exits 1; --write fixes them", () => {
    const dir = workdir({ "messy.contract": messy, "tidy.contract": tidy });
    const check = covenant(["fmt", "--check", "."], dir);
    expect(check.code).toBe(1);
    expect(check.stdout.trim()).toBe("would reformat messy.contract");
    const write = covenant(["fmt", "--write", "."], dir);
    expect(write.code).toBe(0);
    expect(write.stdout.trim()).toBe("formatted messy.contract");
    expect(readFileSync(join(dir, "messy.contract"), "utf8")).toBe(tidy);
    expect(covenant(["fmt", "--check", "."], dir).code).toBe(0);
  });

  it("prints one file's formatted text without flags", () => {
    const dir = workdir({ "messy.contract": messy });
    const { code, stdout } = covenant(["fmt", "messy.contract"], dir);
    expect(code).toBe(0);
    expect(stdout).toBe(tidy);
  });

  it("leaves a file with syntax errors untouched, reports it and exits 1", () => {
    const broken = 'party supplier "Supplier Co." {\n  role: supplier\n  jurisdiction: "JP\n}\n';
    const dir = workdir({ "broken.contract": broken });
    const { code, stderr } = covenant(["fmt", "--write", "broken.contract"], dir);
    expect(code).toBe(1);
    expect(stderr).toContain("broken.contract:3:17 error CV101");
    expect(stderr).toContain("broken.contract: not formatted, it has syntax errors");
    expect(readFileSync(join(dir, "broken.contract"), "utf8")).toBe(broken);
  });

  it("refuses --check with --write, and several files without a mode (exit 2)", () => {
    expect(covenant(["fmt", "--check", "--write", "examples"]).code).toBe(2);
    expect(covenant(["fmt", "examples"]).code).toBe(2);
  });
});
