import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const repo = join(import.meta.dirname, "..");
const bin = join(repo, "packages/cli/dist/covenant.mjs");
let work: string;

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: work, encoding: "utf8", env: { ...process.env, GIT_PAGER: "cat", NO_COLOR: "1" } });
}

/** A real repository: the supply agreement and its clause library, committed twice, then edited in the work tree. */
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "covenant-git-"));
  git("init", "-q", "-b", "main");
  git("config", "user.name", "Covenant Test");
  git("config", "user.email", "test@example.com");
  git("config", "commit.gpgsign", "false");
  mkdirSync(join(work, "library"));
  copyFileSync(join(repo, "examples/library/standard-terms.contract"), join(work, "library/standard-terms.contract"));
  const first = readFileSync(join(repo, "examples/supply-agreement.contract"), "utf8");
  writeFileSync(join(work, "deal.contract"), first);
  git("add", ".");
  git("commit", "-q", "-m", "first draft");
  writeFileSync(
    join(work, "deal.contract"),
    first.replace("USD 171.50", "USD 170.00").replace("// A strategic", "// Buyer's turn.\n// A strategic"),
  );
  git("commit", "-q", "-a", "-m", "buyer's turn");
  writeFileSync(
    join(work, "deal.contract"),
    readFileSync(join(work, "deal.contract"), "utf8").replace("territory: [CN, JP]", "territory: [CN, JP, KR]"),
  );
});

function covenant(args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe("covenant diff --git", () => {
  it("compares two revisions", () => {
    const { code, stdout } = covenant(["diff", "--git", "HEAD~1", "HEAD", "--", "deal.contract"]);
    expect(code).toBe(0);
    expect(stdout).toContain("covenant diff deal.contract@HEAD~1 → deal.contract@HEAD");
    expect(stdout).toContain("tier 10,000–49,999 modules: USD 171.50 → USD 170.00");
    expect(stdout).not.toContain("territory");
  });

  it("compares a revision with the work tree, exiting 1 with --exit-code", () => {
    const { code, stdout } = covenant(["diff", "--exit-code", "--git", "HEAD", "--", "deal.contract"]);
    expect(stdout).toContain("territory: + KR");
    expect(code).toBe(1);
  });

  it("exits 2 for a missing revision or path", () => {
    const missing = covenant(["diff", "--git", "no-such-branch", "--", "deal.contract"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("unknown revision 'no-such-branch'");
    const absent = covenant(["diff", "--git", "HEAD~1", "--", "other.contract"]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain("'other.contract' does not exist in HEAD~1");
  });
});

describe("git diff through the covenant driver", () => {
  it("shows term-level changes in git diff and git log -p", () => {
    writeFileSync(join(work, ".gitattributes"), "*.contract diff=covenant\n");
    git("config", "diff.covenant.command", `"${process.execPath}" "${bin}" diff --git-driver`);
    const diff = git("diff");
    expect(diff).toContain("diff --covenant a/deal.contract b/deal.contract");
    expect(diff).toContain("licence bms\n  ~ territory: + KR   material · favours licensee");
    const log = git("log", "-p", "--ext-diff", "-1");
    expect(log).toContain("~ tier 10,000–49,999 modules: USD 171.50 → USD 170.00   material · favours buyer");
    // The comment added in that commit is not a term change.
    expect(log).not.toContain("Buyer's turn");
  });

  it("shows term lines through textconv", () => {
    git("config", "--unset", "diff.covenant.command");
    git("config", "diff.covenant.textconv", `"${process.execPath}" "${bin}" diff --terms`);
    const diff = git("diff");
    expect(diff).toContain("-licence bms  territory: [CN, JP]\n+licence bms  territory: [CN, JP, KR]");
  });
});
