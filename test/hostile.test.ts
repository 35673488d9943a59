import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Workspace, memoryHost, type Diagnostic } from "../packages/core/src/index.js";
import { generateContract } from "./tools/generate-contract.mjs";

/**
 * Hostile input: each case gets a clear diagnostic (code and position) or checks clean, and never
 * crashes: no stack overflow, no internal error, no stack trace. Big inputs are generated into a
 * temporary project at test time, never committed. Nothing here is timed; the test timeout guards
 * against hangs. Files and imports go through the real bundled CLI; what needs no file system
 * (long conditions, errors in bulk, many of one thing) is checked in process, which is faster.
 */

const repo = join(import.meta.dirname, "..");
const bin = join(repo, "packages/cli/dist/covenant.mjs");
const levels = 100_000;

const header = `contract "Hostile Input Supply Agreement" {
  kind: supply
  effective: 2026-04-01
  term: 5 years
  governing_law: "Japan"
  currency: USD
}

party supplier "Toyoda Gosei Co., Ltd." {
  role: supplier
  jurisdiction: JP
}

party buyer "IM Motors Technology Co., Ltd." {
  role: buyer
  jurisdiction: CN
}

obligation capacity "Capacity Reservation" {
  party: supplier
  must: "reserve production capacity for 50,000 modules a year"
  within: 30 business_days
  evidence: "capacity plan signed by the supplier's plant manager"
}

obligation forecast "Volume Forecast" {
  party: buyer
  must: "send a rolling twelve-month volume forecast to the supplier"
  within: 10 business_days
  evidence: "forecast signed by the supplier's account manager"
}
`;
/** Lines in `header`: the first line after it is `headerLines + 1`. */
const headerLines = header.split("\n").length - 1;
const termination = (cause: string): string => `\ntermination {\n  cause: ${cause}\n}\n`;

let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "covenant-hostile-"));
  writeFileSync(join(project, "covenant.json"), "{}\n");
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

interface Reported {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly file: string;
  readonly range: { readonly start: { readonly line: number; readonly column: number } };
}

/** Writes `files` into the project and runs `covenant check --format json` on the first. */
function check(files: Record<string, string | Buffer>): { code: number; diagnostics: Reported[]; stderr: string } {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(project, name, ".."), { recursive: true });
    writeFileSync(join(project, name), content);
  }
  const result = spawnSync(process.execPath, [bin, "check", "--format", "json", Object.keys(files)[0]!], {
    cwd: project,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  });
  expect(result.stderr, "nothing on stderr: no internal error, no stack trace").toBe("");
  const report = JSON.parse(result.stdout) as { diagnostics: Reported[] };
  return { code: result.status ?? -1, diagnostics: report.diagnostics, stderr: result.stderr };
}

/** Text and raw bytes, concatenated. */
const bytes = (...parts: (string | number[])[]): Buffer => Buffer.concat(parts.map((part) => Buffer.from(part)));

/** `code @ line:column` of each diagnostic, for readable failures. */
const where = (diagnostics: readonly (Reported | Diagnostic)[]): string[] =>
  diagnostics.map((d) => `${d.code} @ ${d.range.start.line}:${d.range.start.column}`);

describe("nesting 100,000 deep", () => {
  it("braces: one CV104 where the limit is passed, no stack overflow", () => {
    const { code, diagnostics } = check({ "braces.contract": "{".repeat(levels) });
    expect(code).toBe(1);
    expect(where(diagnostics)).toEqual(["CV104 @ 1:65"]);
    expect(diagnostics[0]!.message).toContain("nested more than 64 deep");
  });

  it("brackets inside a field value: CV104, and the rest of the file is still checked", () => {
    const text = `${header}\nparty agent "Agent" {\n  role: escrow_agent\n  jurisdiction: ${"[".repeat(levels)}\n}\n\nparty other "Other" {\n  role: buyer\n  jurisdiction: XX\n}\n`;
    const { code, diagnostics } = check({ "brackets.contract": text });
    expect(code).toBe(1);
    // `party agent {` is depth 1, so the 64th bracket is the 65th level. The brackets are never
    // closed, yet the next declaration is still checked: unused, with an unknown country.
    expect(where(diagnostics)).toEqual([
      `CV104 @ ${headerLines + 4}:${"  jurisdiction: ".length + 64}`,
      `CV203 @ ${headerLines + 7}:7`,
      `CV404 @ ${headerLines + 9}:17`,
    ]);
  });

  it("parentheses inside a condition: CV104", () => {
    const { code, diagnostics } = check({ "parens.contract": header + termination(`${"(".repeat(levels)}insolvency of supplier`) });
    expect(code).toBe(1);
    expect(where(diagnostics)).toEqual([`CV104 @ ${headerLines + 3}:${"  cause: ".length + 64}`]);
  });

  it("'not not not …' 100,000 times: CV104 at the 64th level", () => {
    const { code, diagnostics } = check({ "nots.contract": header + termination(`${"not ".repeat(levels)}insolvency of supplier`) });
    expect(code).toBe(1);
    expect(where(diagnostics)).toEqual([`CV104 @ ${headerLines + 3}:${"  cause: ".length + 1 + 63 * "not ".length}`]);
    expect(diagnostics[0]!.message).toContain("'not' is repeated or nested more than 64 deep");
  });

  // A flat chain is not nesting: it checks clean, whatever its length. In process: the spawn adds nothing here.
  it.each(["and", "or"])("'a %s a …' 100,000 times: checks clean", (operator) => {
    const cause = Array.from({ length: levels }, (_, i) => (i % 2 ? "insolvency of buyer" : "insolvency of supplier")).join(
      ` ${operator} `,
    );
    const workspace = new Workspace(memoryHost({ "/p/chain.contract": header + termination(cause) }), { root: "/p" });
    expect(where(workspace.check("/p/chain.contract").diagnostics)).toEqual([]);
  });
});

/**
 * Broken text in bulk. Each of these once overflowed the stack: chevrotain's recovery invented a `{`
 * for every second stray word and nested what followed inside it; it re-entered a repetition once
 * per error inside it by calling itself; and the checker passed 150,000 findings to one push().
 */
describe("errors in bulk", () => {
  const agent = '\nparty agent "Agent" {\n  role: escrow_agent\n  jurisdiction: ZZ\n}\n';
  const check = (text: string) =>
    new Workspace(memoryHost({ "/p/bulk.contract": text }), { root: "/p" }).check("/p/bulk.contract").diagnostics;
  const count = (diagnostics: readonly Diagnostic[], code: string): number => diagnostics.filter((d) => d.code === code).length;

  it("a page of prose pasted into a file: one finding for its line (a fix making it a comment), and the next declaration still checked", () => {
    const words = "the supplier shall deliver each module to the plant of the buyer within ten days of the order".split(" ");
    const prose = Array.from({ length: 1_000 }, (_, i) => words[i % words.length]).join(" ");
    const diagnostics = check(`// A paragraph of the signed contract, pasted by mistake.\n${prose}\n${agent}`);
    expect(where(diagnostics.slice(0, 2))).toEqual(["CV209 @ 2:1", "CV404 @ 6:17"]);
    expect(diagnostics[0]!.fixes?.map((f) => f.title)).toEqual(["Make this line a comment"]);
    expect(count(diagnostics, "CV100")).toBe(0);
    expect(where(diagnostics.filter((d) => d.code === "CV404"))).toEqual(["CV404 @ 6:17"]);
  });

  it("5,000 broken conditions in one block: reported, and the next declaration still checked", () => {
    const diagnostics = check(`termination {\n${"  cause: breach of ) supplier\n".repeat(5_000)}}\n${agent}`);
    expect(where(diagnostics.slice(0, 2))).toEqual(["CV303 @ 2:10", "CV100 @ 2:20"]);
    expect(count(diagnostics, "CV104")).toBe(0);
    expect(where(diagnostics.filter((d) => d.code === "CV404"))).toEqual(["CV404 @ 5006:17"]);
  });

  // push(...list) overflows past about 125,000 arguments.
  it("150,000 declarations of the same name: one CV202 for each repeat", () => {
    const diagnostics = check('define delivery "Delivery" {\n  means: "handing over the goods"\n}\n'.repeat(150_000));
    expect(diagnostics.length).toBe(149_999);
    expect(count(diagnostics, "CV202")).toBe(149_999);
    expect(where([diagnostics[0]!])).toEqual(["CV202 @ 4:8"]);
  });
});

/**
 * Many of one thing. Each once took time quadratic in the count (two minutes or more at these sizes),
 * or recursed once per file; nothing here is timed, the test timeout catches a regression.
 */
describe("many of one thing", () => {
  const check = (files: Record<string, string>, root: string) => new Workspace(memoryHost(files), { root: "/p" }).check(root).diagnostics;

  it("40,000 identical termination causes in one block: each repeat is one CV302 (entries are found by key, not by pairs)", () => {
    const text = `${header}\ntermination {\n${"  cause: insolvency of supplier\n".repeat(40_000)}}\n`;
    const found = where(check({ "/p/causes.contract": text }, "/p/causes.contract"));
    expect(found).toHaveLength(39_999);
    expect(found.every((f) => f.startsWith("CV302 @ "))).toBe(true);
  });

  it("16,000 exclusive licences of different subjects: no overlap reported", () => {
    const licences = Array.from(
      { length: 16_000 },
      (_, i) =>
        `license software_${i} "Licence ${i}" {\n  licensor: supplier\n  licensee: buyer\n  subject: "Control software ${i}"\n  field: "vehicles"\n  territory: [CN]\n  exclusive: true\n  sublicensable: false\n  term: 1 year\n}\n`,
    ).join("");
    const diagnostics = check({ "/p/licences.contract": `${header}\n${licences}` }, "/p/licences.contract");
    expect(where(diagnostics)).toEqual([]);
  });

  it("an import chain 10,000 files deep, closed into a cycle at its end: one CV205", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) files[`/p/chain/f${i}.contract`] = `import "f${i + 1}.contract"\n`;
    files["/p/chain/f10000.contract"] = 'import "f9000.contract"\n';
    files["/p/main.contract"] = `import "chain/f0.contract"\n${header}`;
    const diagnostics = check(files, "/p/main.contract");
    expect(where(diagnostics)).toEqual(["CV205 @ 1:8"]);
    expect(diagnostics[0]!.uri).toBe("/p/chain/f10000.contract");
    expect(diagnostics[0]!.related).toHaveLength(1_000);
  });
});

describe("size", () => {
  it("a 10 MB realistic contract checks clean", () => {
    let text = generateContract({ lines: 10_000, seed: 3 });
    // Each copy of the generated body is renamed, so the file is one 10 MB contract of unique declarations.
    const body = text.slice(text.indexOf("\n/// Product line 0."), text.lastIndexOf("\ntermination {"));
    for (let copy = 1; text.length < 10 * 1024 * 1024; copy++) {
      text += body.replace(/\b([a-z]+)_(\d+)\b/g, (_, name: string, n: string) => `${name}_${n}_${copy}`);
    }
    expect(text.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const { code, diagnostics } = check({ "ten-megabytes.contract": text });
    expect(where(diagnostics.filter((d) => d.severity === "error"))).toEqual([]);
    expect(code).toBe(0);
  });

  it("a 1 MB contract on a single line checks clean", () => {
    const text = generateContract({ lines: 52_000, seed: 4 })
      .replace(/\/\/[^\n]*/g, "")
      .replace(/\s*\n\s*/g, " ");
    expect(text.length).toBeGreaterThanOrEqual(1024 * 1024);
    expect(text).not.toContain("\n");
    const { code, diagnostics } = check({ "one-line.contract": text });
    expect(where(diagnostics)).toEqual([]);
    expect(code).toBe(0);
  });
});

describe("bytes that are not text", () => {
  it("NUL bytes: CV103 at each run, the declarations around them still checked", () => {
    const text = bytes(header, [0, 0, 0, 0], '\nparty agent "Agent" {\n  role: escrow_agent\n  jurisdiction: ZZ\n}\n');
    const { code, diagnostics } = check({ "nul.contract": text });
    expect(code).toBe(1);
    expect(where(diagnostics)).toEqual([`CV103 @ ${headerLines + 1}:1`, `CV203 @ ${headerLines + 2}:7`, `CV404 @ ${headerLines + 4}:17`]);
    expect(diagnostics[0]!.message).toContain("U+0000");
    expect(diagnostics[2]!.message).toContain("'ZZ'");
  });

  it("invalid UTF-8: CV103 naming U+FFFD", () => {
    // A title saved as Latin-1 (é is 0xE9), and two stray bytes before a field.
    const text = bytes(
      header,
      '\nparty agent "Soci',
      [0xe9],
      "t",
      [0xe9],
      '" {\n',
      [0xff, 0xfe],
      " role: escrow_agent\n  jurisdiction: FR\n}\n",
    );
    const { code, diagnostics } = check({ "latin1.contract": text });
    expect(code).toBe(1);
    expect(where(diagnostics)).toEqual([`CV203 @ ${headerLines + 2}:7`, `CV103 @ ${headerLines + 3}:1`]);
    expect(diagnostics[1]!.message).toContain("U+FFFD");
  });
});

describe("imports that must be refused", () => {
  it("/etc/passwd: CV206, outside the project, never read", () => {
    const { code, diagnostics } = check({ "passwd.contract": `import "/etc/passwd"\n${header}` });
    expect(code).toBe(1);
    expect(where(diagnostics)).toEqual(["CV206 @ 1:8"]);
    expect(diagnostics[0]!.message).toContain("outside the project");
  });

  it("../../outside.contract: CV206", () => {
    const { code, diagnostics } = check({ "deep/main.contract": `import "../../outside.contract"\n${header}` });
    expect(code).toBe(1);
    expect(where(diagnostics)).toEqual(["CV206 @ 1:8"]);
  });

  it("a symbolic link inside the project that leads to /etc/passwd: CV206, its content never shown", () => {
    symlinkSync("/etc/passwd", join(project, "innocent.contract"));
    const { code, diagnostics } = check({ "link-out.contract": `import "innocent.contract"\n${header}` });
    expect(code).toBe(1);
    expect(where(diagnostics)).toEqual(["CV206 @ 1:8"]);
    expect(diagnostics[0]!.message).toContain("symbolic link that leads outside the project");
  });

  it("a symbolic link loop: CV204 saying it loops", () => {
    symlinkSync("loop-b.contract", join(project, "loop-a.contract"));
    symlinkSync("loop-a.contract", join(project, "loop-b.contract"));
    const { code, diagnostics } = check({ "loop.contract": `import "loop-a.contract"\n${header}` });
    expect(code).toBe(1);
    expect(where(diagnostics)).toEqual(["CV204 @ 1:8"]);
    expect(diagnostics[0]!.message).toContain("loops");
  });

  it("a directory: CV207", () => {
    mkdirSync(join(project, "clauses.contract"));
    const { code, diagnostics } = check({ "directory.contract": `import "clauses.contract"\n${header}` });
    expect(code).toBe(1);
    expect(where(diagnostics)).toEqual(["CV207 @ 1:8"]);
    expect(diagnostics[0]!.message).toContain("is a directory");
  });
});

describe("10,000 imports of the same file", () => {
  it("check clean: the file is read and checked once", () => {
    const library = 'event closure "Plant Closure" {\n  unit: hours\n  evidence: "closure notice of the competent authority"\n}\n';
    const main = `${'import "library.contract"\n'.repeat(10_000)}${header}\nforce_majeure fm "Force Majeure" {\n  trigger closure >= 72 hours\n  relief: suspend delivery for 60 days\n}\n`;
    const { code, diagnostics } = check({ "many-imports.contract": main, "library.contract": library });
    expect(where(diagnostics)).toEqual([]);
    expect(code).toBe(0);
  });
});
