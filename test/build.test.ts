import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const repo = join(import.meta.dirname, "..");
const bin = join(repo, "packages/cli/dist/covenant.mjs");
const examples = ["supply-agreement", "preferred-supplier", "licence-tech-transfer", "joint-development"];
const goldenExtensions = [".md", ".txt", ".html", ".json"];

/** Runs the built covenant command as a user would, without a TTY. */
function covenant(args: string[], cwd = repo): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const scratch = (): string => mkdtempSync(join(tmpdir(), "covenant-build-"));

describe("covenant build", () => {
  it("builds every example in every format, equal to the golden files beside it", () => {
    const out = scratch();
    for (const name of examples) {
      const { code, stdout, stderr } = covenant([
        "build",
        `examples/${name}.contract`,
        "--to",
        "markdown,text,html,json",
        "--out-dir",
        out,
      ]);
      expect(stderr).toBe("");
      expect(stdout).toBe("");
      expect(code).toBe(0);
      for (const ext of goldenExtensions) {
        expect(readFileSync(join(out, name + ext), "utf8"), `${name}${ext}`).toBe(readFileSync(join(repo, "examples", name + ext), "utf8"));
      }
    }
  });

  it("gives byte-identical output on two runs", () => {
    const [a, b] = [scratch(), scratch()];
    for (const dir of [a, b])
      expect(covenant(["build", "examples/joint-development.contract", "--to", "markdown,text,html,json", "--out-dir", dir]).code).toBe(0);
    for (const ext of goldenExtensions)
      expect(readFileSync(join(a, `joint-development${ext}`)).equals(readFileSync(join(b, `joint-development${ext}`)))).toBe(true);
  });

  it("writes several formats with --to markdown,json --out-dir, creating the folder", () => {
    const out = join(scratch(), "dist");
    const { code } = covenant(["build", "examples/supply-agreement.contract", "--to", "markdown,json", "--out-dir", out]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["supply-agreement.json", "supply-agreement.md"]);
  });

  it("writes one format to stdout, or to -o", () => {
    const stdout = covenant(["build", "examples/supply-agreement.contract", "--to", "text", "--width", "60"]);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toContain("1.    PARTIES");
    expect(Math.max(...stdout.stdout.split("\n").map((l) => l.length))).toBeLessThanOrEqual(60);
    const file = join(scratch(), "terms.json");
    expect(covenant(["build", "examples/supply-agreement.contract", "--to", "json", "-o", file, "--with-locations"]).code).toBe(0);
    const terms = JSON.parse(readFileSync(file, "utf8"));
    expect(terms.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(terms.terms.party[0].location).toEqual({ file: "supply-agreement.contract", line: 15, column: 1 });
  });

  it("writes nothing and exits 1 with the diagnostics as check prints them when the source has errors", () => {
    const out = join(scratch(), "dist");
    const { code, stdout, stderr } = covenant(["build", "test/fixtures/cli/broken.contract", "--to", "markdown,json", "--out-dir", out]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const check = covenant(["check", "test/fixtures/cli/broken.contract"]);
    expect(stderr).toBe(check.stdout);
    expect(stderr).toContain("test/fixtures/cli/broken.contract:4:9 error CV303");
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 with one line, and leaves nothing half-written, when the output cannot be written", () => {
    const dir = scratch();
    writeFileSync(join(dir, "a-file"), "");
    const underFile = covenant(["build", "examples/supply-agreement.contract", "--to", "markdown", "-o", join(dir, "a-file", "out.md")]);
    expect(underFile.code).toBe(2);
    expect(underFile.stderr.trim().split("\n")).toHaveLength(1);
    expect(underFile.stderr).toMatch(/^covenant: cannot write '.*out\.md': a parent is not a directory\n$/);

    // The second file cannot be written (a folder is in its place): the first is not written either.
    mkdirSync(join(dir, "supply-agreement.json"));
    const blocked = covenant(["build", "examples/supply-agreement.contract", "--to", "markdown,json", "--out-dir", dir]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/^covenant: cannot write '.*supply-agreement\.json': it is a directory\n$/);
    expect(readdirSync(dir).sort()).toEqual(["a-file", "supply-agreement.json"]);
  });

  it("exits 1 with one line for a clause library, which has no contract header", () => {
    const { code, stderr } = covenant(["build", "examples/library/standard-terms.contract", "--to", "markdown"]);
    expect(code).toBe(1);
    expect(stderr).toContain("has no contract header");
  });

  it("exits 2 on usage errors", () => {
    const cases = [
      ["build", "examples/supply-agreement.contract", "--to", "rtf"],
      ["build", "examples/supply-agreement.contract", "--to", "markdown,json"],
      ["build", "examples/supply-agreement.contract", "--to", "markdown,json", "-o", "x.md"],
      ["build", "examples/supply-agreement.contract", "--width", "10", "--to", "text"],
      ["build", "examples", "--to", "text"],
      ["build", "no-such-file.contract"],
    ];
    for (const args of cases) {
      const { code, stderr } = covenant(args);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr.trim().split("\n")[0], args.join(" ")).toMatch(/^covenant: |^error: /);
    }
  });
});
