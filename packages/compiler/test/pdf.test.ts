import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { checkFile, exampleContracts } from "./examples.js";

/**
 * Renders each example's HTML to PDF with headless Chromium and reads the PDF back with poppler
 * (pdfinfo, pdftotext): the pages exist, have the paper size, and carry the title, the clause
 * numbers, the running header and "Page N of M". CI installs chromium and poppler-utils (.ci/run);
 * there a missing tool fails the test, elsewhere the test is skipped and says why.
 */

function which(command: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

const chromium = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : which("chromium");
const missing = [
  chromium ? undefined : "chromium",
  which("pdftotext") ? undefined : "pdftotext",
  which("pdfinfo") ? undefined : "pdfinfo",
].filter(Boolean);
const inCi = Boolean(process.env["CI"]);
const reason = `${missing.join(" and ")} not installed (apt-get install chromium poppler-utils)`;

const work = mkdtempSync(join(tmpdir(), "covenant-pdf-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Prints `html` to a PDF file with headless Chromium and returns its path. */
function printToPdf(html: string, name: string): string {
  const htmlPath = join(work, `${name}.html`);
  const pdfPath = join(work, `${name}.pdf`);
  writeFileSync(htmlPath, html);
  const result = spawnSync(
    chromium!,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      `--user-data-dir=${join(work, `profile-${name}`)}`,
      "--no-pdf-header-footer",
      `--print-to-pdf=${pdfPath}`,
      `file://${htmlPath}`,
    ],
    { encoding: "utf8", timeout: 90_000 },
  );
  if (!existsSync(pdfPath))
    throw new Error(`chromium wrote no PDF (exit ${result.status}${result.signal ? `, ${result.signal}` : ""}):\n${result.stderr}`);
  return pdfPath;
}

function pdfInfo(pdf: string): { pages: number; size: string } {
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0), size: /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? "" };
}

function pdfText(pdf: string, page?: number): string {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return spawnSync("pdftotext", [...range, pdf, "-"], { encoding: "utf8" }).stdout;
}

// In CI a missing tool is a failure (.ci/run installs them); elsewhere the suite is skipped and says why.
describe.skipIf(missing.length > 0 && !inCi)(missing.length > 0 ? `PDF rendering (skipped: ${reason})` : "PDF rendering", () => {
  it("has its tools", () => {
    expect(missing, `the PDF test needs ${reason}; .ci/run installs them`).toEqual([]);
  });

  for (const example of exampleContracts()) {
    const name = basename(example, ".contract");
    it(`prints ${name} on A4 pages with header, clause numbers and page numbers`, () => {
      const checked = checkFile(example);
      const title = checked.contract!.title!;
      const pdf = printToPdf(compile(checked, { to: "html" }), name);
      const { pages, size } = pdfInfo(pdf);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(size).toContain("(A4)");
      const text = pdfText(pdf).replace(/\s+/g, " ");
      expect(text).toContain(title.toUpperCase());
      expect(text).toContain("1. PARTIES");
      expect(text).toContain("2.1 Defined terms.");
      expect(text).toMatch(/Clause \d+\.\d+/);
      expect(text).toContain(`Page 1 of ${pages}`);
      expect(text).toContain(`Page ${pages} of ${pages}`);
      expect(pdfText(pdf, 2)).toContain(title);
    });
  }

  it("prints on Letter paper when asked", () => {
    const checked = checkFile(exampleContracts()[0]!);
    const pdf = printToPdf(compile(checked, { to: "html", paper: "letter" }), "letter");
    expect(pdfInfo(pdf).size).toMatch(/612 x 792 pts \(letter\)/);
  });
});
