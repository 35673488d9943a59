import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDocument } from "../src/index.js";
import { canonicalTree, commentTexts, parseClean } from "./support.js";

/**
 * Random valid contracts, laid out badly on purpose (random spaces, tabs, newlines, CRLFs and blank
 * lines between tokens, comments between members and after braces): formatting must be a fixed point
 * after one pass, keep the parsed model, and keep every comment.
 */

const space = fc.constantFrom(" ", "  ", "\t", "\n", "\n\n", "\n\n\n", " \n  ", "\r\n", "\n\t\t");
/** Whitespace that may hold a comment: a line comment always ends its line. */
const gap = fc.oneof(
  { weight: 4, arbitrary: space },
  { weight: 1, arbitrary: fc.tuple(space, commentText()).map(([s, c]) => `${s}// ${c}\n`) },
  { weight: 1, arbitrary: fc.tuple(space, commentText(), space).map(([s, c, t]) => `${s}/* ${c} */${t}`) },
  { weight: 1, arbitrary: fc.tuple(commentText(), space).map(([c, s]) => `\n/// ${c}\n${s}`) },
);

function commentText(): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom("note", "see", "clause", "4.2", "TODO-free", "a*b", "x/y", "--", '"q"'), { minLength: 0, maxLength: 4 })
    .map((w) => w.join(" "));
}

const word = fc.constantFrom(
  "supplier",
  "buyer",
  "monthly",
  "quarterly",
  "invoice",
  "module",
  "half_up",
  "days",
  "hours",
  "breach",
  "of",
  "defects",
  "within",
  "notify",
  "x_1",
  "USD",
  "JPY",
  "CN",
  "JP",
);
const name = fc.constantFrom(
  "role",
  "unit",
  "term",
  "target",
  "rate",
  "cap",
  "period",
  "weight",
  "floor",
  "members",
  "territory",
  "cause",
  "due",
  "evidence",
);

function groupDigits(digits: string, groups: boolean): string {
  if (!groups) return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, "_");
}

const integer = fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.boolean()).map(([n, g]) => groupDigits(String(n), g));
const decimal = fc.tuple(integer, fc.integer({ min: 0, max: 99 })).map(([i, f]) => `${i}.${String(f).padStart(2, "0")}`);
const number = fc.oneof(integer, decimal);
const percent = fc.tuple(fc.boolean(), fc.oneof(integer, decimal)).map(([negative, n]) => `${negative ? "-" : ""}${n}%`);
const date = fc
  .date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const text = fc
  .array(fc.constantFrom("Aichi", "port", " ", "authority", '\\"', "\\\\", "\\n", "%", "//", "/*", "{", "}"), { maxLength: 6 })
  .map((parts) => `"${parts.join("")}"`);
const range = fc
  .tuple(integer, fc.option(integer, { nil: undefined }), space, space)
  .map(([low, high, s, t]) => (high === undefined ? `${low}${s}..` : `${low}${s}..${t}${high}`));

const term = fc.oneof({ weight: 5, arbitrary: word }, number, percent, date, text);
// A range only ends a phrase: `1 ..` followed by a number would read as `1 .. N`.
const phrase = fc
  .tuple(
    fc.array(fc.tuple(term, fc.oneof({ weight: 6, arbitrary: space }, gap)), { minLength: 1, maxLength: 4 }),
    fc.option(range, { nil: undefined, freq: 5 }),
  )
  .map(([terms, last]) => terms.map(([t, s]) => `${t}${s}`).join("") + (last ?? ""));

const { expression } = fc.letrec<{ expression: string; list: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 6, arbitrary: phrase },
    fc.tuple(fc.constantFrom(">=", "<=", ">", "<", "="), phrase).map(([op, p]) => `${op} ${p}`),
    fc.tuple(phrase, fc.constantFrom(">=", "<="), phrase).map(([l, op, r]) => `${l} ${op} ${r}`),
    fc.tuple(tie("expression"), fc.constantFrom("and", "or"), tie("expression")).map(([l, op, r]) => `${l} ${op} ${r}`),
    tie("expression").map((e) => `not ${e}`),
    tie("expression").map((e) => `(${e})`),
    tie("list"),
  ),
  list: fc
    .tuple(fc.array(fc.tuple(space, tie("expression")), { maxLength: 6 }), fc.boolean(), gap)
    .map(([items, trailing, g]) => `[${items.map(([s, e]) => `${s}${e}`).join(",")}${trailing && items.length > 0 ? "," : ""}${g}]`),
}));

const field = fc.tuple(name, fc.oneof({ weight: 4, arbitrary: space }, gap), expression).map(([n, s, e]) => `${n}:${s}${e}`);
const tierRow = fc.tuple(fc.constantFrom("tier", "royalty"), range, space, phrase).map(([w, r, s, v]) => `${w} ${r}:${s}${v}`);
const stepRow = fc.tuple(fc.integer({ min: 0, max: 365 }), word).map(([day, action]) => `step day ${day}: notify ${action}`);
const triggerRow = fc.tuple(word, fc.integer({ min: 1, max: 500 })).map(([event, n]) => `trigger ${event} >= ${n} hours`);
const leafMember = fc.oneof({ weight: 4, arbitrary: field }, { weight: 3, arbitrary: tierRow }, stepRow, triggerRow);

function block(members: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fc.tuple(gap, members), { maxLength: 7 }), gap)
    .map(([ms, g]) => `{${ms.map(([s, m]) => `${s}${m}`).join("")}${g}}`);
}

const nested = fc
  .tuple(fc.constantFrom("penalty", "bonus", "escrow", 'index aluminium "LME"', 'committee board "Board"'), gap, block(leafMember))
  .map(([header, g, body]) => `${header}${g}${body}`);
const member = fc.oneof({ weight: 6, arbitrary: leafMember }, nested);

const declaration = fc
  .tuple(
    fc.constantFrom("party", "pricing", "kpi", "license", "force_majeure", "escalation", "termination"),
    fc.option(fc.constantFrom("supplier", "airbag_price", "on_time", "bms", "fm"), { nil: undefined }),
    fc.option(text, { nil: undefined }),
    block(member),
    fc.array(gap, { minLength: 4, maxLength: 4 }),
  )
  .map(([kind, n, title, body, gaps]) =>
    [kind, n, title, body]
      .filter((part) => part !== undefined)
      .map((part, i) => (i === 0 ? part : `${gaps[i - 1]}${part}`))
      .join(""),
  );

const contract = fc
  .tuple(
    fc.array(fc.tuple(gap, fc.constantFrom('import "a.contract"', 'import "../library/b.contract"')), { maxLength: 2 }),
    fc.array(fc.tuple(gap, declaration), { maxLength: 4 }),
    gap,
  )
  .map(([imports, declarations, end]) => [...imports, ...declarations].map(([g, item]) => `${g}${item}`).join("") + end);

describe("formatting random valid contracts", () => {
  it("is idempotent and keeps the model and every comment", async () => {
    await fc.assert(
      fc.asyncProperty(contract, async (source) => {
        const model = canonicalTree(parseClean(source));
        const formatted = await formatDocument(source);
        expect(await formatDocument(formatted)).toBe(formatted);
        expect(canonicalTree(parseClean(formatted))).toEqual(model);
        expect(commentTexts(formatted)).toEqual(commentTexts(source));
      }),
      { seed: 20260401, numRuns: 200 },
    );
  });
});
