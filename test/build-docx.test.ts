import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

/**
 * `covenant build --to docx` through the built command: where the Word document goes (a file, a
 * folder, a pipe, never a terminal), what a bad source, output or reference document does (one
 * line, the right exit code, nothing written), and `--reference-docx`.
 */

const repo = join(import.meta.dirname, "..");
// The zip library the compiler reads reference documents with (and the docx library packs with).
const { strFromU8, strToU8, unzipSync, zipSync } = createRequire(join(repo, "packages/compiler/package.json"))("fflate") as {
  strFromU8(data: Uint8Array): string;
  strToU8(text: string): Uint8Array;
  unzipSync(data: Uint8Array): Record<string, Uint8Array>;
  zipSync(files: Record<string, Uint8Array>): Uint8Array;
};
const bin = join(repo, "packages/cli/dist/covenant.mjs");
const example = "examples/supply-agreement.contract";

function covenant(args: string[], cwd = repo): { code: number; stdout: Buffer; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

const scratch = (): string => mkdtempSync(join(tmpdir(), "covenant-docx-cli-"));

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** Our own output with its default font changed: a firm's reference document as a test can make one. */
function referenceDocx(dir: string, font: string): string {
  const built = join(dir, "built.docx");
  expect(covenant(["build", example, "--to", "docx", "-o", built]).code).toBe(0);
  const zipped = unzipSync(readFileSync(built));
  zipped["word/styles.xml"] = strToU8(
    strFromU8(zipped["word/styles.xml"]!).replace(
      /(<w:rPrDefault><w:rPr><w:rFonts )[^/]*\//,
      `$1w:ascii="${font}" w:hAnsi="${font}" w:cs="${font}"/`,
    ),
  );
  const path = join(dir, "firm.docx");
  writeFileSync(path, zipSync(zipped));
  return path;
}

/** The bundle files a module loads before it runs: its static imports, followed through the chunks. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/^import\s(?:[^;]*?\sfrom\s)?"(\.\/[^"]+)";?/gm)) staticImports(join(file, "..", m[1]!), seen);
  return seen;
}

describe("covenant build --to docx", () => {
  it("loads the docx library only for a Word document: no static import reaches it, a dynamic one does", () => {
    const marker = "w:tblHeader";
    const eager = [...staticImports(bin)];
    const build = /import\("(\.\/chunks\/build-[^"]+)"\)/.exec(readFileSync(bin, "utf8"))![1]!;
    eager.push(...staticImports(join(bin, "..", build)));
    expect(eager.length).toBeGreaterThan(3);
    expect(eager.filter((file) => readFileSync(file, "utf8").includes(marker))).toEqual([]);
    const lazy = /import\("(\.\/docx-[^"]+)"\)/.exec(readFileSync(join(bin, "..", build), "utf8"))![1]!;
    expect([...staticImports(join(bin, "..", "chunks", lazy))].some((file) => readFileSync(file, "utf8").includes(marker))).toBe(true);
  });

  it("writes a Word document to -o and to --out-dir as NAME.docx, beside other formats", () => {
    const dir = scratch();
    const file = join(dir, "agreement.docx");
    const one = covenant(["build", example, "--to", "docx", "-o", file]);
    expect([one.code, one.stdout.length, one.stderr]).toEqual([0, 0, ""]);
    const word = parts(readFileSync(file));
    expect(word["word/document.xml"]).toContain("Toyoda Gosei Co., Ltd.");
    expect(word["[Content_Types].xml"]).toContain("wordprocessingml.document.main+xml");

    const out = join(dir, "dist");
    expect(covenant(["build", example, "--to", "markdown,docx", "--out-dir", out]).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["supply-agreement.docx", "supply-agreement.md"]);
    expect(readFileSync(join(out, "supply-agreement.docx")).equals(readFileSync(file))).toBe(true);
  });

  it("is byte-identical on two builds", () => {
    const [a, b] = [join(scratch(), "a.docx"), join(scratch(), "b.docx")];
    for (const file of [a, b]) expect(covenant(["build", "examples/joint-development.contract", "--to", "docx", "-o", file]).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it("writes the document to stdout when it is a pipe, and refuses a terminal with a hint", () => {
    const piped = covenant(["build", example, "--to", "docx"]);
    expect(piped.code).toBe(0);
    expect(piped.stdout.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(parts(piped.stdout)["word/document.xml"]).toContain("Toyoda Gosei");

    // `script` gives the command a terminal as its stdout.
    const tty = spawnSync("script", ["-qec", `"${process.execPath}" "${bin}" build ${example} --to docx`, "/dev/null"], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(tty.status).toBe(2);
    expect(tty.stdout.trim().split("\n")).toHaveLength(1);
    expect(tty.stdout).toMatch(
      /^covenant: --to docx writes a binary file, not text for a terminal; give -o FILE\.docx or --out-dir DIR, or pipe it\r?\n$/,
    );
  });

  it("writes nothing and exits 1 when the contract has errors", () => {
    const dir = scratch();
    const { code, stdout, stderr } = covenant(["build", "test/fixtures/cli/broken.contract", "--to", "docx", "-o", join(dir, "out.docx")]);
    expect(code).toBe(1);
    expect(stdout.length).toBe(0);
    expect(stderr).toContain("error CV303");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("exits 2 with one line when the output cannot be written, and refuses to write over an input", () => {
    const dir = scratch();
    const unwritable = covenant(["build", example, "--to", "docx", "-o", join(dir, "missing", "out.docx")]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/^covenant: cannot write '.*out\.docx': no such directory\n$/);

    const copy = join(dir, "a.contract");
    copyFileSync(join(repo, "examples/licence-tech-transfer.contract"), copy);
    const before = readFileSync(copy);
    const onto = covenant(["build", copy, "--to", "docx", "-o", copy]);
    expect(onto.code).toBe(2);
    expect(onto.stderr.trim().split("\n")).toHaveLength(1);
    expect(onto.stderr).toContain("an input of this command");
    expect(readFileSync(copy).equals(before)).toBe(true);
  });

  it("takes the styles of --reference-docx: its body font is the document's", () => {
    const dir = scratch();
    const reference = referenceDocx(dir, "Garamond Premier");
    const out = join(dir, "styled.docx");
    const run = covenant(["build", example, "--to", "docx", "-o", out, "--reference-docx", reference]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(parts(readFileSync(out))["word/styles.xml"]).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Garamond Premier"/);
  });

  it("refuses a bad --reference-docx with one line, exit 2, nothing written", () => {
    const dir = scratch();
    writeFileSync(join(dir, "notes.txt"), "not a zip");
    writeFileSync(join(dir, "no-styles.docx"), zipSync({ "word/document.xml": strToU8("<w:document/>") }));
    mkdirSync(join(dir, "folder.docx"));
    const out = join(dir, "out");
    const cases: [string, RegExp][] = [
      [join(dir, "missing.docx"), /cannot read --reference-docx '.*missing\.docx': no such file or directory$/],
      [join(dir, "folder.docx"), /cannot read --reference-docx '.*folder\.docx': it is a directory$/],
      [join(dir, "notes.txt"), /cannot use --reference-docx '.*notes\.txt': it is not a Word document \(not a zip archive\)$/],
      [join(dir, "no-styles.docx"), /cannot use --reference-docx '.*no-styles\.docx': it has no word\/styles\.xml/],
    ];
    for (const [reference, message] of cases) {
      const run = covenant(["build", example, "--to", "docx", "--out-dir", out, "--reference-docx", reference]);
      expect(run.code, reference).toBe(2);
      expect(run.stderr.trim().split("\n"), reference).toHaveLength(1);
      expect(run.stderr.trim(), reference).toMatch(new RegExp(`^covenant: ${message.source}`));
    }
    expect(existsSync(out)).toBe(false);
    const withoutDocx = covenant(["build", example, "--to", "markdown", "--reference-docx", join(dir, "notes.txt")]);
    expect(withoutDocx.code).toBe(2);
    expect(withoutDocx.stderr).toBe("covenant: --reference-docx styles the Word document; add docx to --to\n");
  });
});
