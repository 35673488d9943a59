import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `covenant build --to pdf` as a user runs it: the bundled CLI in a process of its own. A PDF goes
 * to a file or a pipe, never to a terminal; a contract with errors writes nothing; a path that
 * cannot be written is one line and exit 2; the typesetter loads only for a PDF.
 */

const repo = join(import.meta.dirname, "..");
const bin = join(repo, "packages/cli/dist/covenant.mjs");
const example = "examples/supply-agreement.contract";

/** Logs every native module the process loads, so a test can see whether the typesetter was loaded. */
const logNativeModules =
  "data:text/javascript,const open=process.dlopen;process.dlopen=function(m,f,...r){process.stderr.write('native module: '+f+'\\n');return open.call(this,m,f,...r)}";

function covenant(args: string[], options: { native?: boolean } = {}): { code: number; stdout: Buffer; stderr: string } {
  const node = options.native ? ["--import", logNativeModules] : [];
  const result = spawnSync(process.execPath, [...node, bin, ...args], { cwd: repo, env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

const scratch = (): string => mkdtempSync(join(tmpdir(), "covenant-build-pdf-"));
const isPdf = (bytes: Buffer): boolean => bytes.subarray(0, 5).toString("latin1") === "%PDF-" && bytes.includes("%%EOF");

describe("covenant build --to pdf", () => {
  it("writes the PDF to -o, to a pipe, and as NAME.pdf beside the other formats with --out-dir; the same bytes each time", () => {
    const dir = scratch();
    const toFile = covenant(["build", example, "--to", "pdf", "-o", join(dir, "one.pdf")]);
    expect(toFile.stderr).toBe("");
    expect(toFile.code).toBe(0);
    const written = readFileSync(join(dir, "one.pdf"));
    expect(isPdf(written)).toBe(true);

    const piped = covenant(["build", example, "--to", "pdf"]);
    expect(piped.code).toBe(0);
    expect(piped.stdout.equals(written)).toBe(true);

    const out = join(dir, "dist");
    const several = covenant(["build", example, "--to", "markdown,pdf", "--out-dir", out]);
    expect(several.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["supply-agreement.md", "supply-agreement.pdf"]);
    expect(readFileSync(join(out, "supply-agreement.pdf")).equals(written)).toBe(true);
    expect(readFileSync(join(out, "supply-agreement.md"), "utf8")).toBe(readFileSync(join(repo, "examples/supply-agreement.md"), "utf8"));
  });

  it("refuses to print a PDF on a terminal (exit 2, with the way out), and writes it with -o there", () => {
    const dir = scratch();
    // `script` gives the command a pseudo-terminal as its standard output.
    const onTerminal = (args: string): { code: number; output: string } => {
      const result = spawnSync("script", ["-qec", `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} ${args}`, "/dev/null"], {
        cwd: repo,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      return { code: result.status ?? -1, output: result.stdout };
    };
    const refused = onTerminal(`build ${example} --to pdf`);
    expect(refused.code).toBe(2);
    expect(refused.output.trim()).toBe(
      "covenant: --to pdf writes a binary file, not text for a terminal; give -o FILE.pdf or --out-dir DIR, or pipe it",
    );
    const written = onTerminal(`build ${example} --to pdf -o ${join(dir, "x.pdf")}`);
    expect(written.code).toBe(0);
    expect(isPdf(readFileSync(join(dir, "x.pdf")))).toBe(true);
  });

  it("writes nothing and exits 1 when the contract has errors", () => {
    const dir = scratch();
    const result = covenant(["build", "test/fixtures/cli/broken.contract", "--to", "pdf", "-o", join(dir, "broken.pdf")]);
    expect(result.code).toBe(1);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr).toContain("error CV303");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("exits 2 with one line when the PDF cannot be written, and never writes over the contract", () => {
    const dir = scratch();
    writeFileSync(join(dir, "a-file"), "");
    const underFile = covenant(["build", example, "--to", "pdf", "-o", join(dir, "a-file", "out.pdf")]);
    expect(underFile.code).toBe(2);
    expect(underFile.stderr).toMatch(/^covenant: cannot write '.*out\.pdf': a parent is not a directory\n$/);

    writeFileSync(join(dir, "locked.pdf"), "old");
    chmodSync(join(dir, "locked.pdf"), 0o444);
    const readOnly = covenant(["build", example, "--to", "pdf", "-o", join(dir, "locked.pdf")]);
    expect(readOnly.code).toBe(2);
    expect(readOnly.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(join(dir, "locked.pdf"), "utf8")).toBe("old");
    expect(readdirSync(dir).sort()).toEqual(["a-file", "locked.pdf"]);

    const before = readFileSync(join(repo, example));
    const overInput = covenant(["build", example, "--to", "pdf", "-o", example]);
    expect(overInput.code).toBe(2);
    expect(overInput.stderr).toContain("an input of this command");
    expect(readFileSync(join(repo, example)).equals(before)).toBe(true);
  });

  it("loads the typesetter only when a PDF is asked for", () => {
    const markdown = covenant(["build", example, "--to", "markdown"], { native: true });
    expect(markdown.code).toBe(0);
    expect(markdown.stderr).not.toContain("typst");
    const pdf = covenant(["build", example, "--to", "pdf"], { native: true });
    expect(pdf.code).toBe(0);
    expect(pdf.stderr).toMatch(/native module: .*typst-ts-node-compiler/);
  });

  it("says in one line, exit 2, when the typesetter cannot be loaded, and still builds the other formats", () => {
    // The bundle alone, away from node_modules: as on a platform the typesetter has no build for.
    const dir = scratch();
    cpSync(join(repo, "packages/cli/dist"), join(dir, "dist"), { recursive: true });
    const alone = (args: string[]): { code: number; stdout: string; stderr: string } => {
      const result = spawnSync(process.execPath, [join(dir, "dist/covenant.mjs"), ...args], {
        cwd: dir,
        encoding: "utf8",
        // Without the module paths pnpm's runner adds (NODE_PATH holds every package of the store).
        env: { ...process.env, NODE_PATH: "" },
      });
      return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
    };
    const pdf = alone(["build", join(repo, example), "--to", "pdf", "-o", join(dir, "out.pdf")]);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toMatch(
      /^covenant: cannot load the PDF typesetter for [\w-]+ \(@myriaddreamin\/typst-ts-node-compiler\): .*the other formats do not need it\n$/,
    );
    expect(existsSync(join(dir, "out.pdf"))).toBe(false);
    const markdown = alone(["build", join(repo, example), "--to", "markdown"]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toBe(readFileSync(join(repo, "examples/supply-agreement.md"), "utf8"));
  });

  it("names pdf among the formats in help and in the error for an unknown one", () => {
    const unknown = covenant(["build", example, "--to", "word"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("use markdown, text, html, json, docx, pdf");
    expect(existsSync(join(repo, "examples/supply-agreement.word"))).toBe(false);
  });
});
