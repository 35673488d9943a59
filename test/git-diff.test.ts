import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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

/**
 * Every form git calls an external diff driver in (GIT_EXTERNAL_DIFF in git(1)): 7 arguments for a
 * change, a new file, a deleted file and a mode change; 9 for a rename or copy (new path and git's
 * similarity header). A history holding each of them, plus binary and non-contract files marked
 * diff=covenant, must show every commit through `git log -p --ext-diff`.
 */
describe("the git driver over every kind of change git reports", () => {
  let history: string;
  const deal = readFileSync(join(repo, "examples/supply-agreement.contract"), "utf8");
  const run = (...args: string[]): string =>
    execFileSync("git", args, { cwd: history, encoding: "utf8", env: { ...process.env, GIT_PAGER: "cat", NO_COLOR: "1" } });
  const commit = (message: string): void => {
    run("add", "-A");
    run("commit", "-q", "-m", message);
  };

  beforeAll(() => {
    history = mkdtempSync(join(tmpdir(), "covenant-git-kinds-"));
    run("init", "-q", "-b", "main");
    run("config", "user.name", "Covenant Test");
    run("config", "user.email", "test@example.com");
    run("config", "commit.gpgsign", "false");
    run("config", "diff.covenant.command", `"${process.execPath}" "${bin}" diff --git-driver`);
    writeFileSync(join(history, ".gitattributes"), "*.contract diff=covenant\n*.bin diff=covenant\n");
    mkdirSync(join(history, "library"));
    copyFileSync(join(repo, "examples/library/standard-terms.contract"), join(history, "library/standard-terms.contract"));
    writeFileSync(join(history, "deal.contract"), deal);
    commit("c1 new files");
    run("mv", "deal.contract", "renamed.contract");
    commit("c2 pure rename");
    run("mv", "renamed.contract", "moved.contract");
    writeFileSync(join(history, "moved.contract"), deal.replace("USD 171.50", "USD 170.00"));
    commit("c3 rename with an edit");
    chmodSync(join(history, "moved.contract"), 0o755);
    commit("c4 mode change");
    copyFileSync(join(history, "moved.contract"), join(history, "copy.contract"));
    commit("c5 copy");
    run("rm", "-q", "copy.contract");
    commit("c6 delete");
    writeFileSync(join(history, "blob.bin"), Buffer.from([0x43, 0x00, 0xff, 0x10, 0x00]));
    commit("c7 binary file");
    writeFileSync(join(history, "notes.contract"), "Meeting notes: the buyer wants a lower price.\n");
    commit("c8 a file that is not a contract");
    writeFileSync(join(history, "notes.contract"), "Meeting notes: the buyer wants a lower price.\nThe supplier agrees.\n");
    commit("c9 edit of a file that is not a contract");
    writeFileSync(join(history, "latin1.contract"), Buffer.from("// caf\xe9\n", "latin1"));
    commit("c10 a file that is not UTF-8");
    writeFileSync(join(history, "empty.contract"), "");
    commit("c11 an empty file");
  });

  /** The driver's output for one commit (`git show --ext-diff`), with git's exit code checked. */
  const show = (revision: string, ...extra: string[]): string => run("show", "--ext-diff", "--format=%s", ...extra, revision);

  it("git log -p --ext-diff shows every commit (no driver dies)", () => {
    const result = spawnSync("git", ["log", "-p", "--ext-diff", "--format=commit %s"], {
      cwd: history,
      encoding: "utf8",
      env: { ...process.env, GIT_PAGER: "cat", NO_COLOR: "1" },
    });
    expect(result.stderr).not.toContain("external diff died");
    expect(result.status).toBe(0);
    const subjects = [...result.stdout.matchAll(/^commit (c\d+) /gm)].map((m) => m[1]);
    expect(subjects).toEqual(["c11", "c10", "c9", "c8", "c7", "c6", "c5", "c4", "c3", "c2", "c1"]);
  });

  it("new files: git's new-file header and every term added", () => {
    const out = show("HEAD~10");
    expect(out).toContain("diff --covenant a/deal.contract b/deal.contract\nnew file mode 100644\nindex 0000000..");
    expect(out).toContain("+ pricing airbag_price");
  });

  it("a pure rename: the rename header and nothing else", () => {
    const out = show("HEAD~9");
    expect(out).toBe(
      "c2 pure rename\n\ndiff --covenant a/deal.contract b/renamed.contract\nsimilarity index 100%\nrename from deal.contract\nrename to renamed.contract\n",
    );
  });

  it("a rename with an edit: the rename header and the term change", () => {
    const out = show("HEAD~8");
    expect(out).toMatch(
      /diff --covenant a\/renamed.contract b\/moved.contract\nsimilarity index \d+%\nrename from renamed.contract\nrename to moved.contract\nindex [0-9a-f]+\.\.[0-9a-f]+ 100644\n/,
    );
    expect(out).toContain("~ tier 10,000–49,999 modules: USD 171.50 → USD 170.00   material · favours buyer");
  });

  it("a mode change: old and new mode, no term change", () => {
    const out = show("HEAD~7");
    expect(out).toBe("c4 mode change\n\ndiff --covenant a/moved.contract b/moved.contract\nold mode 100644\nnew mode 100755\n");
  });

  it("a copy (git diff -C --find-copies-harder): the copy header", () => {
    const out = run("diff", "-C", "--find-copies-harder", "--ext-diff", "HEAD~7", "HEAD~6");
    expect(out).toBe(
      "diff --covenant a/moved.contract b/copy.contract\nsimilarity index 100%\ncopy from moved.contract\ncopy to copy.contract\n",
    );
  });

  it("a deleted file: git's deleted-file header and every term removed", () => {
    const out = show("HEAD~5");
    expect(out).toContain("diff --covenant a/copy.contract b/copy.contract\ndeleted file mode 100755\nindex ");
    expect(out).toContain("- pricing airbag_price");
  });

  it("a binary file marked diff=covenant: git's binary line", () => {
    expect(show("HEAD~4")).toContain("diff --covenant a/blob.bin b/blob.bin\nnew file mode 100644\nindex 0000000..");
    expect(show("HEAD~4")).toContain("Binary files /dev/null and b/blob.bin differ\n");
  });

  it("a file that is not a contract: a note and a line diff", () => {
    const added = show("HEAD~3");
    expect(added).toContain("covenant: b/notes.contract cannot be read as terms (line 1:1 CV");
    expect(added).toContain("--- /dev/null\n+++ b/notes.contract\n@@ -0,0 +1 @@\n+Meeting notes: the buyer wants a lower price.\n");
    const edited = show("HEAD~2");
    expect(edited).toContain("covenant: a/notes.contract cannot be read as terms (line 1:1 CV");
    expect(edited).toContain("covenant: b/notes.contract cannot be read as terms (line 1:1 CV");
    expect(edited).toContain(
      "--- a/notes.contract\n+++ b/notes.contract\n@@ -1 +1,2 @@\n Meeting notes: the buyer wants a lower price.\n+The supplier agrees.\n",
    );
  });

  it("a file that is not UTF-8: a note saying so and its text", () => {
    const out = show("HEAD~1");
    expect(out).toContain("covenant: b/latin1.contract cannot be read as terms (it is not UTF-8 text); showing a line diff\n");
    expect(out).toContain("+// caf\uFFFD\n");
  });

  it("an empty file: no terms added", () => {
    expect(show("HEAD")).toContain("diff --covenant a/empty.contract b/empty.contract\nnew file mode 100644\n");
    expect(show("HEAD")).toContain("no term changes");
  });

  it("names with quotes, tabs, line breaks and non-ASCII letters: quoted as git quotes them", () => {
    const names = ["tab\there.contract", 'quote"d.contract', "café.contract", "new\nline.contract", "back\\slash.contract"];
    for (const name of names) writeFileSync(join(history, name), "");
    run("add", "-A");
    run("commit", "-q", "-m", "c12 odd names");
    const headers = (text: string): string[] => text.split("\n").filter((line) => line.startsWith("diff --"));
    const ours = headers(show("HEAD")).map((line) => line.replace("diff --covenant ", "diff --git "));
    expect(ours).toHaveLength(names.length);
    expect(ours).toEqual(headers(run("show", "--no-ext-diff", "--format=%s", "HEAD")));
    expect(ours).toContain('diff --git "a/caf\\303\\251.contract" "b/caf\\303\\251.contract"');
    run("reset", "-q", "--hard", "HEAD~1");
  });

  it("an unmerged path: git's one-argument form", () => {
    const result = spawnSync(process.execPath, [bin, "diff", "--git-driver", "deal.contract"], { cwd: history, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("* Unmerged path deal.contract\n");
  });
});

/**
 * A version that does not read as a contract still shows its edit, through the driver (a note and
 * a line diff) and through textconv (a note and the text as it is); git never fails.
 */
describe("git integration with versions that do not parse", () => {
  let history: string;
  const deal = readFileSync(join(repo, "examples/supply-agreement.contract"), "utf8");
  const broken = (text: string): string => text.replace("  territory: [CN, JP]", "  territory: [CN, JP");
  const run = (...args: string[]): { code: number; stdout: string; stderr: string } => {
    const result = spawnSync("git", args, { cwd: history, encoding: "utf8", env: { ...process.env, GIT_PAGER: "cat", NO_COLOR: "1" } });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };
  const commit = (text: string, message: string): void => {
    writeFileSync(join(history, "deal.contract"), text);
    run("add", "-A");
    run("commit", "-q", "-m", message);
    run("tag", message);
  };

  beforeAll(() => {
    history = mkdtempSync(join(tmpdir(), "covenant-git-broken-"));
    run("init", "-q", "-b", "main");
    run("config", "user.name", "Covenant Test");
    run("config", "user.email", "test@example.com");
    run("config", "commit.gpgsign", "false");
    writeFileSync(join(history, ".gitattributes"), "*.contract diff=covenant\n");
    mkdirSync(join(history, "library"));
    copyFileSync(join(repo, "examples/library/standard-terms.contract"), join(history, "library/standard-terms.contract"));
    commit(deal, "readable");
    commit(broken(deal.replace("USD 171.50", "USD 170.00")), "broken-new");
    commit(broken(deal.replace("USD 171.50", "USD 169.00")), "both-broken");
    commit(deal.replace("USD 171.50", "USD 168.00"), "broken-old");
    commit("", "empty");
  });

  const note = (side: "a" | "b"): string =>
    `covenant: ${side}/deal.contract cannot be read as terms (line 79:3 CV100 Expected a closing bracket ']', but found 'exclusive'); showing a line diff\n`;
  const tier = (price: string): string => `  tier 10_000 .. 49_999: USD ${price}\n`;

  describe("through the driver", () => {
    const driver = (from: string, to: string): string => {
      run("config", "--unset-all", "diff.covenant.textconv");
      run("config", "diff.covenant.command", `"${process.execPath}" "${bin}" diff --git-driver`);
      const result = run("diff", "--ext-diff", from, to);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      return result.stdout;
    };

    it("a broken new version: a note naming it and its first error, then the line diff with the edit", () => {
      const out = driver("readable", "broken-new");
      expect(out).toContain(note("b"));
      expect(out).not.toContain(note("a"));
      expect(out).toContain(`-${tier("171.50")}+${tier("170.00")}`);
      expect(out).toContain("-  territory: [CN, JP]\n+  territory: [CN, JP\n");
    });

    it("a broken old version", () => {
      const out = driver("both-broken", "broken-old");
      expect(out).toContain(note("a"));
      expect(out).not.toContain(note("b"));
      expect(out).toContain(`-${tier("169.00")}+${tier("168.00")}`);
    });

    it("both versions broken: both named, the edit shown", () => {
      const out = driver("broken-new", "both-broken");
      expect(out).toContain(note("a") + note("b"));
      expect(out).toContain(`-${tier("170.00")}+${tier("169.00")}`);
    });

    it("an emptied file: every term removed", () => {
      const out = driver("broken-old", "empty");
      expect(out).toContain("- pricing airbag_price");
      expect(out).not.toContain("cannot be read");
    });
  });

  describe("through textconv", () => {
    const textconv = (from: string, to: string): string => {
      run("config", "--unset-all", "diff.covenant.command");
      run("config", "diff.covenant.textconv", `"${process.execPath}" "${bin}" diff --terms`);
      const result = run("diff", from, to);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      return result.stdout;
    };
    const textNote =
      "// covenant: this version cannot be read as terms (line 79:3 CV100 Expected a closing bracket ']', but found 'exclusive'); its text follows\n";

    it("a broken new version: the note and its text, with the edit", () => {
      const out = textconv("readable", "broken-new");
      expect(out).toContain(`-pricing airbag_price  tier 10,000–49,999 modules: USD 171.50\n`);
      expect(out).toContain(`+${textNote}`);
      expect(out).toContain(`+${tier("170.00")}`);
    });

    it("a broken old version", () => {
      const out = textconv("both-broken", "broken-old");
      expect(out).toContain(`-${textNote}`);
      expect(out).toContain(`-${tier("169.00")}`);
      expect(out).toContain("+pricing airbag_price  tier 10,000–49,999 modules: USD 168.00\n");
    });

    it("both versions broken: git's line diff of the two texts", () => {
      const out = textconv("broken-new", "both-broken");
      expect(out).toContain(`-${tier("170.00")}+${tier("169.00")}`);
      expect(out).not.toContain(`+${textNote}`);
    });

    it("an emptied file: every term line removed, none added", () => {
      const out = textconv("broken-old", "empty");
      expect(out).toContain("-pricing airbag_price  tier 10,000–49,999 modules: USD 168.00\n");
      expect(out).not.toMatch(/^\+[^+]/m);
    });
  });
});

describe("covenant diff --terms on files that are not contracts", () => {
  const cases: { name: string; bytes: Buffer; why: string }[] = [
    { name: "binary", bytes: Buffer.from([0x70, 0x00, 0x01]), why: "it holds NUL bytes" },
    { name: "latin-1", bytes: Buffer.from('party x "caf\xe9" {}\n', "latin1"), why: "it is not UTF-8 text" },
    { name: "prose", bytes: Buffer.from("Dear supplier,\nplease sign.\n"), why: "line 1:1 CV209 'Dear' is not a kind of declaration" },
  ];
  it.each(cases)("$name: exit 0, a note saying why, then the text", ({ name, bytes, why }) => {
    const dir = mkdtempSync(join(tmpdir(), "covenant-textconv-"));
    const file = join(dir, `${name}.contract`);
    writeFileSync(file, bytes);
    const result = spawnSync(process.execPath, [bin, "diff", "--terms", file], { cwd: dir, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith(`// covenant: this version cannot be read as terms (${why}`)).toBe(true);
    expect(result.stdout.split("\n").slice(1).join("\n")).toBe(new TextDecoder().decode(bytes));
  });
});
