import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Workspace, allCodes, codeCatalogue, memoryHost, type Diagnostic } from "../packages/core/src/index.js";

/**
 * docs/diagnostics.md documents every code with a failing and a passing example. A fenced
 * ```contract block directly below the line `<!-- fails: CV200 -->` must produce that code and
 * nothing else (at least once); one below `<!-- passes -->` must produce no diagnostic at all.
 *
 * Each example is checked as `/docs-example/main.contract` in a memory host whose project root is
 * `/docs-example`. The host also holds `/docs-example/clauses/insurance.contract`, so that
 * `import "clauses"` names a folder that exists (CV207); `import "main.contract"` is a one-file
 * cycle (CV205) and `import "../outside.contract"` leaves the project (CV206).
 */

const docPath = join(import.meta.dirname, "../docs/diagnostics.md");
const doc = readFileSync(docPath, "utf8");

interface Example {
  readonly kind: "fails" | "passes";
  /** The code a failing example must produce. */
  readonly code: string | undefined;
  /** The code of the section the example is in. */
  readonly section: string | undefined;
  readonly text: string;
  /** 1-based line of the opening fence in the markdown, for failure messages. */
  readonly line: number;
}

interface Section {
  readonly code: string;
  readonly title: string;
  readonly severity: string | undefined;
}

function parseDoc(markdown: string): { sections: Section[]; examples: Example[] } {
  const lines = markdown.split("\n");
  const sections: Section[] = [];
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const heading = /^## (CV\d{3}) — (.+)$/.exec(lines[i]!);
    if (heading) {
      const severity = lines
        .slice(i + 1, i + 4)
        .map((l) => /^Severity: (\w+)$/.exec(l)?.[1])
        .find((s) => s !== undefined);
      sections.push({ code: heading[1]!, title: heading[2]!, severity });
      continue;
    }
    const marker = /^<!-- (?:fails: (CV\d{3})|(passes)) -->$/.exec(lines[i]!);
    if (!marker) continue;
    if (lines[i + 1] !== "```contract")
      throw new Error(`docs/diagnostics.md:${i + 1}: a marker must be directly above a \`\`\`contract fence`);
    const end = lines.indexOf("```", i + 2);
    if (end < 0) throw new Error(`docs/diagnostics.md:${i + 2}: unclosed fence`);
    examples.push({
      kind: marker[2] ? "passes" : "fails",
      code: marker[1],
      section: sections[sections.length - 1]?.code,
      text: lines.slice(i + 2, end).join("\n") + "\n",
      line: i + 2,
    });
    i = end;
  }
  return { sections, examples };
}

function check(text: string): readonly Diagnostic[] {
  const host = memoryHost({
    "/docs-example/main.contract": text,
    "/docs-example/clauses/insurance.contract":
      'obligation insurance "Product Liability Insurance" {\n  party: supplier\n  must: "hold product liability insurance"\n}\n',
  });
  return new Workspace(host, { root: "/docs-example" }).check("/docs-example/main.contract").diagnostics;
}

const describeDiagnostic = (d: Diagnostic): string => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`;

const { sections, examples } = parseDoc(doc);

describe("docs/diagnostics.md", () => {
  it("documents exactly the codes of the catalogue, in catalogue order, with their titles and severities", () => {
    expect(sections.map((s) => s.code)).toEqual(allCodes);
    for (const section of sections) {
      const info = codeCatalogue[section.code as keyof typeof codeCatalogue];
      expect(`${section.code} ${section.title} (${section.severity})`).toBe(`${section.code} ${info.title} (${info.severity})`);
    }
  });

  it("gives every code a failing and a passing example", () => {
    for (const code of allCodes) {
      expect(
        examples.some((e) => e.kind === "fails" && e.code === code && e.section === code),
        `failing example for ${code}`,
      ).toBe(true);
      expect(
        examples.some((e) => e.kind === "passes" && e.section === code),
        `passing example for ${code}`,
      ).toBe(true);
    }
  });

  it.each(examples.filter((e) => e.kind === "fails").map((e) => [e.code, e.line, e] as const))(
    "the failing example of %s (line %i) produces that code and nothing else",
    (code, _, example) => {
      const found = check(example.text);
      expect(found.length, "at least one diagnostic").toBeGreaterThan(0);
      expect(found.filter((d) => d.code !== code).map(describeDiagnostic)).toEqual([]);
    },
  );

  it.each(examples.filter((e) => e.kind === "passes").map((e) => [e.section, e.line, e] as const))(
    "the passing example of %s (line %i) produces no diagnostics",
    (_, __, example) => {
      expect(check(example.text).map(describeDiagnostic)).toEqual([]);
    },
  );
});
