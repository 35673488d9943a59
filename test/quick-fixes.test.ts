import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { Workspace, memoryHost, type Diagnostic, type Fix } from "../packages/core/src/index.js";

/**
 * Every quick fix the checker offers repairs what it is offered for: applied to its file, the
 * finding it belongs to is gone and no error appears that was not there before. Checked for every
 * fix of every diagnostic of the corpus (test/corpus) and of the failing examples of
 * docs/diagnostics.md, and for the cases of issue 10 whose fixes are new.
 */

const corpus = join(import.meta.dirname, "corpus")
  .split(sep)
  .join("/");
const docs = readFileSync(join(import.meta.dirname, "../docs/diagnostics.md"), "utf8");

/** Every `.contract` file under `folder`, by absolute POSIX path. */
function filesUnder(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(files, filesUnder(path));
    else if (entry.name.endsWith(".contract")) files[path] = readFileSync(path, "utf8");
  }
  return files;
}

interface Case {
  readonly name: string;
  readonly root: string;
  readonly projectRoot: string;
  readonly files: Readonly<Record<string, string>>;
}

const corpusFiles = filesUnder(corpus);
const corpusCases: Case[] = Object.keys(corpusFiles)
  .filter((path) => /\/invalid\/[^/]+\.contract$/.test(path) || /\/invalid\/[^/]+\/main\.contract$/.test(path))
  .sort()
  .map((root) => ({ name: relative(corpus, root), root, projectRoot: corpus, files: corpusFiles }));

const docsCases: Case[] = [...docs.matchAll(/<!-- fails: (CV\d{3}) -->\n```contract\n([\s\S]*?)\n```/g)].map((match, index) => ({
  name: `docs/diagnostics.md example ${index + 1} (${match[1]})`,
  root: "/docs-example/main.contract",
  projectRoot: "/docs-example",
  files: {
    "/docs-example/main.contract": `${match[2]}\n`,
    "/docs-example/clauses/insurance.contract":
      'obligation insurance "Product Liability Insurance" {\n  party: supplier\n  must: "hold product liability insurance"\n}\n',
  },
}));

const header = `contract "C" {\n  kind: supply\n  effective: 2026-04-01\n  term: 5 years\n  governing_law: "Japan"\n  currency: EUR\n}\n\nparty supplier "S" {\n  role: supplier\n  jurisdiction: JP\n}\n\nparty buyer "B" {\n  role: buyer\n  jurisdiction: CN\n}\n\nproduct p "P" {\n  unit: module\n  supplied_by: buyer\n}\n\nkpi on_time "On time" {\n  measure: percent\n  target: >= 98%\n  period: monthly\n  obligor: supplier\n}\n\n`;

/** The faults of issue 10 whose fixes are new, each in an otherwise valid contract. */
const issueCases: Case[] = [
  ["comment with #", `# a note\n`],
  ["comment with --", `-- a note\n`],
  ["pasted prose", `The supplier shall deliver on time.\n`],
  ["euro sign", `pricing pp for p {\n  basis: annual_volume\n  tier 1 ..: €48.50\n}\n`],
  ["pound sign in a euro contract", `pricing pp for p {\n  basis: annual_volume\n  tier 1 ..: £171.50\n}\n`],
  ["foreign code after the amount", `pricing pp for p {\n  basis: annual_volume\n  tier 1 ..: 171.50 USD\n}\n`],
  ["thousands separators", `milestone m "M" {\n  due: 2027-01-01\n  payment: EUR 1,200,000 to supplier\n}\n`],
  ["European grouping", `pricing pp for p {\n  basis: annual_volume\n  tier 1 .. 2_399: EUR 1.480,00\n  tier 2_400 ..: EUR 1.400,00\n}\n`],
  ["code after the amount", `pricing pp for p {\n  basis: annual_volume\n  tier 1 ..: 48.50 EUR\n}\n`],
  [
    "period as month",
    `commitment c {\n  party: buyer\n  product: p\n  minimum: 10 module per month\n  period: month\n  shortfall: EUR 1.00 per module\n}\n`,
  ],
  ["unknown action", `force_majeure fm {\n  trigger "flood"\n  relief: excuse performance\n}\n`],
  [
    "step in days",
    `escalation ladder {\n  step 60 days: notify supplier\n}\n\nmilestone m "M" {\n  due: 2027-01-01\n  on_miss: ladder\n}\n`,
  ],
  [
    "step in weeks",
    `escalation ladder {\n  step week 6: notify supplier\n}\n\nmilestone m "M" {\n  due: 2027-01-01\n  on_miss: ladder\n}\n`,
  ],
  ["consecutive months", `termination {\n  cause: breach of on_time for 3 consecutive months\n}\n`],
  [
    "6 consecutive months of a quarterly KPI",
    `kpi defects "Defects" {\n  measure: ppm\n  target: <= 50 ppm\n  period: quarterly\n  obligor: supplier\n}\n\ntermination {\n  cause: breach of defects for 6 consecutive months\n}\n`,
  ],
  ["3 consecutive quarters of a monthly KPI", `termination {\n  cause: breach of on_time for 3 consecutive quarters\n}\n`],
  ["line break in a title", `obligation o "Insure\\n\\n## 9. Bonus" {\n  party: supplier\n  must: "insure"\n}\n`],
  ["bidi override in a name", `obligation o "Insure\u202e" {\n  party: supplier\n  must: "insure"\n}\n`],
].map(([name, body]) => ({
  name: `issue 10: ${name!}`,
  root: "/issue/main.contract",
  projectRoot: "/issue",
  files: { "/issue/main.contract": header + body! },
}));

function check(files: Readonly<Record<string, string>>, root: string, projectRoot: string): readonly Diagnostic[] {
  return new Workspace(memoryHost(files), { root: projectRoot }).check(root).diagnostics;
}

/** Applies the edits of a fix (last first, so earlier offsets stay valid). */
function applyFix(files: Readonly<Record<string, string>>, fix: Fix): Record<string, string> {
  const next: Record<string, string> = { ...files };
  const edits = [...fix.edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  for (const edit of edits) {
    const text = next[edit.uri]!;
    next[edit.uri] = text.slice(0, edit.range.start.offset) + edit.newText + text.slice(edit.range.end.offset);
  }
  return next;
}

/** Where `offset` of `uri` is after the fix's edits, and on which line of the fixed text. */
function moved(fix: Fix, files: Readonly<Record<string, string>>, uri: string, offset: number): { offset: number; line: number } {
  let shifted = offset;
  for (const edit of fix.edits)
    if (edit.uri === uri && edit.range.end.offset <= offset)
      shifted += edit.newText.length - (edit.range.end.offset - edit.range.start.offset);
  const text = files[uri] ?? "";
  return { offset: shifted, line: text.slice(0, shifted).split(/\r\n|\r|\n/).length };
}

const key = (d: Diagnostic): string => `${d.code} ${d.message}`;

/**
 * What is wrong with applying `fix` of `finding`, or nothing. A finding after the fix is one of
 * before when a finding of before has its code and its message or its (moved) line: a fix may
 * reword another finding about the same place (a band it moved), never add one.
 */
function fixProblems(c: Case, before: readonly Diagnostic[], finding: Diagnostic, fix: Fix): string[] {
  const files = applyFix(c.files, fix);
  const after = check(files, c.root, c.projectRoot);
  const problems: string[] = [];
  const at = moved(fix, files, finding.uri, finding.range.start.offset);
  if (after.some((d) => d.uri === finding.uri && key(d) === key(finding) && d.range.start.offset === at.offset))
    problems.push(`'${fix.title}' leaves ${key(finding)}`);
  const earlier = before
    .filter((d) => d !== finding)
    .map((d) => ({ d, line: moved(fix, files, d.uri, d.range.start.offset).line, used: false }));
  for (const d of after) {
    const match =
      earlier.find((e) => !e.used && e.d.uri === d.uri && key(e.d) === key(d)) ??
      earlier.find((e) => !e.used && e.d.uri === d.uri && e.d.code === d.code && e.line === d.range.start.line);
    if (match) match.used = true;
    else if (d.severity === "error") problems.push(`'${fix.title}' adds ${d.range.start.line}:${d.range.start.column} ${key(d)}`);
  }
  return problems;
}

function fixesOf(c: Case): { finding: Diagnostic; fix: Fix }[] {
  return check(c.files, c.root, c.projectRoot).flatMap((finding) => (finding.fixes ?? []).map((fix) => ({ finding, fix })));
}

describe("quick fixes repair what they are offered for", () => {
  const cases = [...corpusCases, ...docsCases, ...issueCases].filter((c) => fixesOf(c).length > 0);

  it("finds fixes to try in the corpus, the docs and the issue's cases", () => {
    expect(cases.length).toBeGreaterThan(20);
    for (const c of issueCases) expect(fixesOf(c).length, c.name).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const before = check(c.files, c.root, c.projectRoot);
    const problems = fixesOf(c).flatMap(({ finding, fix }) =>
      fixProblems(c, before, finding, fix).map((p) => `${finding.range.start.line}:${finding.range.start.column} ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it("the issue's cases come out clean once every fix is applied, one finding after another", () => {
    for (const c of issueCases) {
      let files = c.files;
      for (let round = 0; round < 10; round++) {
        const next = check(files, c.root, c.projectRoot).find((d) => d.severity === "error" && d.fixes?.length);
        if (!next) break;
        files = applyFix(files, next.fixes![0]!);
      }
      const left = check(files, c.root, c.projectRoot).filter((d) => d.severity === "error");
      expect(left.map((d) => `${c.name}: ${d.range.start.line}:${d.range.start.column} ${key(d)}`)).toEqual([]);
    }
  });
});

describe("a breach counted in calendar units is restated in the KPI's periods only when exact (QA 3)", () => {
  /** Independent of the checker: months for the calendar, days for the clock. */
  const calendar: Record<string, number> = { months: 1, quarters: 3, years: 12 };
  const clock: Record<string, number> = { days: 1, weeks: 7 };
  const periods: Record<string, { family: Record<string, number>; length: number }> = {
    weekly: { family: clock, length: 7 },
    monthly: { family: calendar, length: 1 },
    quarterly: { family: calendar, length: 3 },
    semi_annually: { family: calendar, length: 6 },
    annually: { family: calendar, length: 12 },
  };
  const kpi = (period: string): string =>
    `kpi defects "Defects" {\n  measure: ppm\n  target: <= 50 ppm\n  period: ${period}\n  obligor: supplier\n}\n\n`;
  const rows = Object.keys(periods).flatMap((period) =>
    ["days", "weeks", "months", "quarters", "years"].flatMap((unit) => [1, 2, 3, 4, 6, 14].map((count) => [period, count, unit] as const)),
  );

  it.each(rows)("period %s, 'for %i consecutive %s'", (period, count, unit) => {
    const text = `${header}${kpi(period)}termination {\n  cause: breach of defects for ${count} consecutive ${unit}\n}\n`;
    const files = { "/issue/main.contract": text };
    const found = check(files, "/issue/main.contract", "/issue").filter((d) => d.severity === "error");
    expect(found.map((d) => d.code)).toEqual(["CV303"]);
    const { family, length } = periods[period]!;
    const unitLength = family[unit];
    const exact = unitLength !== undefined && (count * unitLength) % length === 0 ? (count * unitLength) / length : undefined;
    if (exact === undefined) {
      expect(found[0]!.fixes ?? []).toEqual([]);
      return;
    }
    const fixed = applyFix(files, found[0]!.fixes![0]!)["/issue/main.contract"]!;
    expect(fixed).toContain(`cause: breach of defects for ${exact} consecutive ${exact === 1 ? "period" : "periods"}\n`);
    expect(check({ "/issue/main.contract": fixed }, "/issue/main.contract", "/issue").filter((d) => d.severity === "error")).toEqual([]);
  });
});
