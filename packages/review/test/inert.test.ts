import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments, redlineProse, renderDiffJson, renderDiffMarkdown, renderDiffText, renderTermsListing } from "../src/index.js";
import { checkText } from "./documents.js";

/**
 * The reviewer's outputs keep author text inert: a term diff (text, Markdown, JSON), the terms
 * listing git's textconv reads, and the prose redline have the structure they have with plain
 * words, whatever the contract's free text and titles hold. Line breaks and control characters are
 * refused by the checker (CV106, CV107), so the properties use what stays legal; the renderers'
 * own neutralisers are tested on such characters in packages/compiler/test/inert.test.ts.
 */

/** A Covenant string literal: `\\`, `\"` and `\n` are its escapes; everything else is written raw. */
const quoted = (text: string): string => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;

function contract(title: string, must: string, days: number): string {
  return `contract "Supply Agreement" {
  kind: supply
  effective: 2026-04-01
  term: 5 years
  governing_law: "Japan"
  currency: USD
}

party acme "Acme Components Ltd." {
  role: supplier
  jurisdiction: JP
}

party zen "Zen Motors Corporation" {
  role: buyer
  jurisdiction: JP
}

obligation report ${quoted(title)} {
  party: supplier
  must: ${quoted(must)}
  within: ${days} days
}
`;
}

/** Characters a one-line text may not hold (CV106, CV107): the checker refuses them before any output. */
const refused = ["\x1b[31m", "\x1b]8;;https://x\x07", "\x9b2J", "\u202e", "\u2066", "\n", "\n\n"];
/** What stays legal in author text and must still be inert in every output. */
const injection = fc.constantFrom(
  ...["|", "<script>alert(1)</script>", "[x](javascript:alert(1))", "`", "```", "#", "## 9. Bonus", "*", "_", "- ", "1. ", "> "],
  ...["&lt;", "日本語", "a", " ", "\\", '"'],
);
const titleText = fc.array(injection, { minLength: 1, maxLength: 6 }).map((p) => `Reports ${p.join("")}`);
const freeText = fc.array(injection, { minLength: 1, maxLength: 8 }).map((p) => `send ${p.join("")}`);
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const inertViolations = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** Two versions: the title, the free text and the period all change. */
function versions(title: string, must: string) {
  const before = checkText(contract(title, must, 30));
  const after = checkText(contract(`${title} v2`, `${must} again`, 20));
  return { before, after, ok: before.ok && after.ok };
}

const { before: benignBefore, after: benignAfter } = versions("Reports a", "send a");

describe("the reviewer's outputs keep author text inert", () => {
  const benign = diffDocuments(benignBefore, benignAfter, { old: "old.contract", new: "new.contract" });
  const rows = (md: string): number[] =>
    md
      .split("\n")
      .filter((l) => l.startsWith("|"))
      .map((l) => l.replace(/\\\\/g, "").replace(/\\\|/g, "").split("|").length);
  let compiled = 0;

  it("term diff as text, Markdown and JSON: same lines, rows and cells; JSON keeps the exact text", () => {
    fc.assert(
      fc.property(titleText, freeText, (title, must) => {
        const { before, after, ok } = versions(title, must);
        if (!ok) return;
        compiled++;
        const diff = diffDocuments(before, after, { old: "old.contract", new: "new.contract" });
        const text = renderDiffText(diff);
        expect(text.split("\n").length).toBe(renderDiffText(benign).split("\n").length);
        expect(text).not.toMatch(inertViolations);
        const md = renderDiffMarkdown(diff);
        expect(md.split("\n").length).toBe(renderDiffMarkdown(benign).split("\n").length);
        expect(rows(md)).toEqual(rows(renderDiffMarkdown(benign)));
        expect(md.replace(/\\[\s\S]/g, "").replace(/`[^`]*`/g, "")).not.toMatch(/[<[\]]/);
        const json = renderDiffJson(diff);
        expect(json).not.toMatch(inertViolations);
        expect(JSON.stringify(JSON.parse(json))).toContain(JSON.stringify(`${must} again`).slice(1, -1));
        const listing = renderTermsListing(after);
        expect(listing.split("\n").length).toBe(renderTermsListing(benignAfter).split("\n").length);
        expect(listing).not.toMatch(inertViolations);
      }),
      { seed: 7_070, numRuns: 60 },
    );
    expect(compiled).toBeGreaterThan(40);
  });

  it.each(refused)("a title or free text holding %j never reaches the reviewer's outputs: the checker refuses it", (bad) => {
    for (const [title, must] of [
      [`Reports ${bad}`, "send a"],
      ["Reports a", `send ${bad}`],
    ] as const) {
      const checked = checkText(contract(title, must, 30));
      expect(checked.ok).toBe(false);
      expect(checked.diagnostics.map((d) => d.code).filter((c) => c === "CV106" || c === "CV107").length).toBeGreaterThan(0);
    }
  });

  it("the prose redline keeps the Markdown structure, and file names in its note are escaped", () => {
    const { before, after, ok } = versions("Reports <b>", "send a report ## 9. Signing Bonus [x](javascript:alert(1))");
    expect(ok).toBe(true);
    const names = { old: "old\n# Injected.contract", new: "new <img src=x>.contract" };
    const md = redlineProse(before, after, "markdown", names).text;
    const plain = redlineProse(benignBefore, benignAfter, "markdown", names).text;
    expect(md.split("\n").filter((l) => /^#{1,6} /.test(l)).length).toBe(plain.split("\n").filter((l) => /^#{1,6} /.test(l)).length);
    expect(md).not.toMatch(/^#+ (Injected|9\. Signing Bonus)/m);
    const html = redlineProse(before, after, "html", names).text;
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
  });

  it("the diff's Markdown heading keeps a file name with a backtick inside its code span", () => {
    const md = renderDiffMarkdown(diffDocuments(benignBefore, benignAfter, { old: "a`b.contract", new: "c.contract" }));
    expect(md.split("\n")[0]).toBe("### Contract terms: ``a`b.contract`` → `c.contract`");
  });
});
