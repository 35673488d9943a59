import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const repo = join(import.meta.dirname, "..");
const bin = join(repo, "packages/cli/dist/covenant.mjs");

/** Runs the built covenant command as a user would, without a TTY. */
function covenant(args: string[], cwd = repo): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe("covenant check", () => {
  it("passes every example (exit 0)", () => {
    const { code, stdout } = covenant(["check", "examples"]);
    expect(stdout).toMatch(/files? checked, no problems/);
    expect(code).toBe(0);
  });

  it("prints code frames with location, code, message, caret and fix, without colour off a TTY", () => {
    const { code, stdout } = covenant(["check", "test/fixtures/cli/broken.contract"]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      "test/fixtures/cli/broken.contract:4:9 error CV303 'term' expects a duration such as 90 days, but found the percentage 98%",
    );
    expect(stdout).toContain("4 |   term: 98%\n  |         ^^^");
    expect(stdout).toContain("test/fixtures/cli/broken.contract:21:28 error CV200 No party is called 'suplier'; did you mean 'supplier'?");
    expect(stdout).toContain("= fix: Change to 'supplier'");
    expect(stdout).toContain("test/fixtures/cli/broken.contract:14:9 warning CV203");
    expect(stdout).toContain("2 errors, 1 warning in 1 file");
    expect(stdout.includes("\u001b[")).toBe(false);
  });

  it("writes JSON with ranges, related locations and fixes", () => {
    const { code, stdout } = covenant(["check", "--format", "json", "test/fixtures/cli/broken.contract"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.summary).toEqual({ errors: 2, warnings: 1 });
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(["CV303", "CV203", "CV200"]);
    expect(report.diagnostics[2].fixes[0].edits[0]).toMatchObject({ newText: "supplier", range: { start: { line: 21, column: 28 } } });
  });

  it("reports each fault of issue 10 once, at its line, with its fix (exit 1)", () => {
    const dir = mkdtempSync(join(tmpdir(), "covenant-issue10-"));
    const file = join(dir, "faults.contract");
    writeFileSync(
      file,
      [
        'contract "C" {',
        "  kind: supply",
        "  effective: 2026-04-01",
        "  term: 5 years",
        '  governing_law: "Japan"',
        "  currency: EUR",
        "}",
        "# one comment line",
        'party supplier "Acme Ltd.\\n\\n## 9. Signing Bonus" {',
        "  role: supplier",
        "  jurisdiction: JP",
        "}",
        'product p "P" {',
        "  unit: module",
        "  supplied_by: supplier",
        "}",
        "pricing pp for p {",
        "  basis: order_volume",
        "  minimum_order: 1 module",
        "  tier 1 .. 9_999: €48.50",
        "  tier 10_000 ..:  48.50 EUR",
        "}",
        'force_majeure fm "FM" {',
        '  trigger "a flood"',
        "  relief: excuse performance",
        "}",
        "",
      ].join("\n"),
    );
    const { code, stdout } = covenant(["check", "--format", "json", file], dir);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { diagnostics: { code: string; range: { start: { line: number } }; fixes?: unknown[] }[] };
    const errors = report.diagnostics.filter((d) => d.code !== "CV900");
    expect(errors.map((d) => `${d.range.start.line} ${d.code} ${d.fixes?.length ?? 0}`)).toEqual([
      "8 CV103 1",
      "9 CV106 1",
      "20 CV103 1",
      "21 CV303 1",
      "25 CV308 1",
    ]);
  });

  it("writes SARIF 2.1.0 with rules and results", () => {
    const { code, stdout } = covenant(["check", "--format", "sarif", "test/fixtures/cli/broken.contract"]);
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("covenant");
    expect(run.tool.driver.rules.length).toBeGreaterThan(40);
    expect(run.results[2]).toMatchObject({
      ruleId: "CV200",
      level: "error",
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "test/fixtures/cli/broken.contract", uriBaseId: "%SRCROOT%" },
            region: { startLine: 21, startColumn: 28 },
          },
        },
      ],
    });
    expect(run.tool.driver.rules[run.results[2].ruleIndex].id).toBe("CV200");
  });

  it("refuses to build a contract that renews for minus one year or pays a negative amount (exit 1, no prose)", () => {
    const dir = mkdtempSync(join(tmpdir(), "covenant-signs-"));
    const file = join(dir, "renewal.contract");
    writeFileSync(
      file,
      'contract "Seat Frame Supply Agreement" {\n  kind: supply\n  effective: 2026-04-01\n  term: 5 years\n  renewal: -1 year\n  renewal_notice: 90 days\n  governing_law: "Japan"\n  currency: USD\n}\n',
    );
    const checked = covenant(["check", file]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(
      "renewal.contract:5:12 error CV307 'renewal' must be more than zero, but is -1 year; remove the minus sign",
    );
    expect(checked.stdout).toContain("= fix: Remove the minus sign");
    for (const to of ["markdown", "text", "html"]) {
      const built = covenant(["build", file, "--to", to]);
      expect(built.code, to).toBe(1);
      expect(built.stdout, to).not.toContain("minus");
    }
  });

  it("exits 2 with one clear line for a missing file", () => {
    const { code, stdout, stderr } = covenant(["check", "no-such-file.contract"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual(["covenant: cannot read 'no-such-file.contract': no such file or directory"]);
  });

  it("exits 2 on usage errors and 0 on --help and --version", () => {
    expect(covenant(["check"]).code).toBe(2);
    expect(covenant(["check", "--format", "xml", "examples"]).code).toBe(2);
    expect(covenant(["frobnicate"]).code).toBe(2);
    const help = covenant(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("check");
    const version = covenant(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("reports binary garbage, a BOM and CRLF with positions, never a stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "covenant-cli-"));
    writeFileSync(join(dir, "package.json"), "{}");
    writeFileSync(join(dir, "garbage.contract"), Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x22, 0x0a, 0x80, 0x81]));
    writeFileSync(join(dir, "crlf.contract"), '\ufeffparty p "P" {\r\n  role: supplier\r\n  jurisdiction: XX\r\n}\r\n');
    const garbage = covenant(["check", "garbage.contract"], dir);
    expect(garbage.code).toBe(1);
    expect(garbage.stdout).toContain("garbage.contract:1:1 error CV103");
    expect(garbage.stderr).toBe("");
    const crlf = covenant(["check", "crlf.contract"], dir);
    expect(crlf.stdout).toContain("crlf.contract:3:17 error CV404 'XX' is not an ISO 3166-1 alpha-2 country code");
    expect(crlf.stderr).toBe("");
  });
});
