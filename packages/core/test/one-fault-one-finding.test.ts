import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Workspace, kindSchemas, memoryHost, type Diagnostic, type Fix, type KindSchema } from "../src/index.js";
import { closest, suggestions } from "../src/semantics/suggest.js";

/**
 * Issue 10, "diagnostics that point the wrong way": one fault gives one finding, and the finding
 * points at the fix. Each kind is a table of cases or a property over generated inputs.
 */

const header = `contract "C" {
  kind: supply
  effective: 2026-04-01
  term: 5 years
  governing_law: "Japan"
  currency: USD
}

party supplier "S" {
  role: supplier
  jurisdiction: JP
}
`;

function check(text: string): readonly Diagnostic[] {
  return new Workspace(memoryHost({ "/p/main.contract": text }), { root: "/p" }).check("/p/main.contract").diagnostics;
}

function apply(text: string, fix: Fix): string {
  let out = text;
  for (const edit of [...fix.edits].sort((a, b) => b.range.start.offset - a.range.start.offset))
    out = out.slice(0, edit.range.start.offset) + edit.newText + out.slice(edit.range.end.offset);
  return out;
}

const findings = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.range.start.line} ${d.code}`);

/** Every closed list of options in the schemas, with the field it belongs to. */
function enumFields(schema: KindSchema, path = schema.kind): { field: string; values: readonly string[] }[] {
  const own = Object.entries(schema.fields).flatMap(([name, spec]) => {
    const type = spec.value.type === "list" ? spec.value.of : spec.value;
    return type.type === "enum" ? [{ field: `${path}.${name}`, values: type.values }] : [];
  });
  return [...own, ...Object.values(schema.blocks ?? {}).flatMap((block) => enumFields(block, `${path}.${block.kind}`))];
}

describe("did you mean: prefixes, stems, spellings and synonyms", () => {
  it.each([
    ["month", "monthly"],
    ["quarter", "quarterly"],
    ["week", "weekly"],
    ["year", "annually"],
    ["yearly", "annually"],
    ["annual", "annually"],
    ["semiannual", "semi_annually"],
    ["Semi-Annually", "semi_annually"],
    ["MONTHLY", "monthly"],
    ["montly", "monthly"],
  ])("'%s' suggests '%s' among the periods", (word, meant) => {
    expect(closest(word, ["weekly", "monthly", "quarterly", "semi_annually", "annually"])).toBe(meant);
  });

  it("prefers a near typo to a longer word it begins (renewal_notise is renewal_notice, not renewal)", () => {
    expect(closest("renewal_notise", ["renewal", "renewal_notice", "term"])).toBe("renewal_notice");
  });

  it("suggests nothing for a word unlike every option", () => {
    expect(suggestions("perpetuity", ["weekly", "monthly", "quarterly"])).toEqual([]);
  });

  const enums = Object.values(kindSchemas).flatMap((schema) => enumFields(schema));
  it.each(enums.map((e) => [e.field, e] as const))("every option of %s is found from its stem or a cut prefix", (_, e) => {
    for (const value of e.values) {
      const cut = value.slice(0, Math.max(4, value.length - 2));
      if (cut === value || e.values.some((other) => other !== value && other.startsWith(cut))) continue;
      expect(closest(cut, e.values), `${cut} in ${e.field}`).toBe(value);
    }
  });
});

describe("comments in another language's style", () => {
  const openings = ["#", "--", ";", "%"];
  const content = fc.string({ maxLength: 40 }).filter((s) => !/[\r\n\u2028\u2029]/.test(s));

  it("give one finding (CV103) on their line with a fix to '//', then none", () => {
    fc.assert(
      fc.property(fc.constantFrom(...openings), content, (opening, rest) => {
        const text = `${header}\n${opening}${rest}\n`;
        const found = check(text).filter((d) => d.severity === "error");
        expect(findings(found)).toEqual(["14 CV103"]);
        expect(found[0]!.message).toContain(`'${opening}' does not start a comment`);
        const fixed = apply(text, found[0]!.fixes![0]!);
        expect(fixed).toContain(`//${rest}`);
        expect(check(fixed).filter((d) => d.severity === "error" && d.range.start.line === 14)).toEqual([]);
      }),
      { seed: 20261130, numRuns: 300 },
    );
  });

  it("'#' and '--' start a comment after a member too; ';' and '%' only first on a line", () => {
    expect(findings(check(`${header}\nproduct p "P" { # note\n  unit: module -- note\n  supplied_by: supplier\n}\n`))).toEqual([
      "14 CV203",
      "14 CV103",
      "15 CV103",
    ]);
    expect(findings(check(`${header}\nproduct p "P" {\n  unit: module;\n  supplied_by: supplier\n}\n`))).toEqual(["14 CV203", "15 CV103"]);
  });
});

describe("a line of prose pasted between declarations", () => {
  const words = ["The", "buyer", "shall", "order", "at", "least", "ten", "modules", "each", "week", "tier", "of", "and", "5", "10%"];
  const punctuation = ["", ".", ",", ";", "!", "?", ":"];
  const prose = fc
    .tuple(
      fc.constantFrom("The", "Buyer", "Notwithstanding", "Each", "Prices"),
      fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...punctuation)), { minLength: 2, maxLength: 12 }),
    )
    .map(([first, rest]) => `${first} ${rest.map(([w, p]) => w + p).join(" ")}`);

  it("gives at most one finding on its line, and the fix makes it a comment", () => {
    fc.assert(
      fc.property(prose, (line) => {
        const text = `${header}\n${line}\n\nparty buyer "B" {\n  role: buyer\n  jurisdiction: CN\n}\n`;
        const found = check(text).filter((d) => d.range.start.line === 14);
        expect(found.length, line).toBeLessThanOrEqual(1);
        expect(found.map((d) => d.code)).toEqual(["CV209"]);
        const fixed = apply(text, found[0]!.fixes![0]!);
        expect(check(fixed).filter((d) => d.severity === "error")).toEqual([]);
      }),
      { seed: 20261130, numRuns: 300 },
    );
  });
});

describe("one-line text (CV106) and invisible characters (CV107)", () => {
  const breaks = ["\\n", "\u2028", "\u2029", "\u0085", "\u000b", "\u000c"];
  const invisibles = [
    "\t",
    "\u0007",
    "\u007f",
    "\u009b",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200b",
    "\u2060",
    "\ufeff",
    "\u3164",
    "\u{e0041}",
  ];
  const allowed = ["\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufe0f", "é", "株", "\u00a0"];
  const plain = fc.string({ maxLength: 20, unit: fc.constantFrom(..."abc XYZ.,&()-'0123456789") });
  const places = ["party", "title", "field"] as const;
  const contractWith = (place: (typeof places)[number], text: string): string =>
    place === "party"
      ? `${header}\nparty buyer "${text}" {\n  role: buyer\n  jurisdiction: CN\n}\n`
      : place === "title"
        ? `${header}\nobligation o "${text}" {\n  party: supplier\n  must: "insure"\n}\n`
        : `${header}\nobligation o "O" {\n  party: supplier\n  must: "${text}"\n}\n`;

  it("a line break anywhere in any text is one CV106 whose fix leaves one clean line", () => {
    fc.assert(
      fc.property(
        plain,
        fc.constantFrom(...breaks),
        fc.array(fc.constantFrom(...breaks), { maxLength: 3 }),
        plain,
        fc.constantFrom(...places),
        (a, br, more, b, place) => {
          const text = contractWith(place, `${a}${br}${more.join("")}${b}`);
          const found = check(text).filter((d) => d.severity === "error");
          expect(findings(found)).toEqual([place === "field" ? "16 CV106" : "14 CV106"]);
          const fixed = apply(text, found[0]!.fixes![0]!);
          expect(check(fixed).filter((d) => d.severity === "error")).toEqual([]);
          expect(fixed.split("\n").length).toBe(text.split("\n").length);
        },
      ),
      { seed: 20261130, numRuns: 300 },
    );
  });

  it.each(invisibles.map((ch) => [`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`, ch]))(
    "%s in a name is one CV107 whose fix removes it",
    (name, ch) => {
      const text = contractWith("party", `Acme${ch} Ltd.`);
      const found = check(text).filter((d) => d.severity === "error");
      expect(findings(found)).toEqual(["14 CV107"]);
      expect(found[0]!.message).toContain(name);
      expect(check(apply(text, found[0]!.fixes![0]!)).filter((d) => d.severity === "error")).toEqual([]);
    },
  );

  it.each(allowed.map((ch) => [`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`, ch]))(
    "%s, which scripts and emoji need, is allowed",
    (_, ch) => {
      expect(check(contractWith("party", `Acme${ch} Ltd.`)).filter((d) => d.severity === "error")).toEqual([]);
    },
  );

  it("the tester's title of seven invisible characters is one CV107 whose fix leaves 'ToyodaGoseiCo.'", () => {
    const text = contractWith("party", "Toyoda\u00adGosei\ufff9Co.\ufffa\ufffb\u034f\u17b4\u{1d173}");
    const found = check(text).filter((d) => d.severity === "error");
    expect(findings(found)).toEqual(["14 CV107"]);
    const fixed = apply(text, found[0]!.fixes![0]!);
    expect(fixed).toContain('"ToyodaGoseiCo."');
    expect(check(fixed).filter((d) => d.severity === "error")).toEqual([]);
  });

  /** Every code point of Cc, Cf and Default_Ignorable_Code_Point, less the exceptions the rule names. */
  const exceptions = new Set([
    ...[0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0x180b, 0x180c, 0x180d, 0x180f],
    ...Array.from({ length: 16 }, (_, i) => 0xfe00 + i),
    ...Array.from({ length: 240 }, (_, i) => 0xe0100 + i),
    ...[0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06dd, 0x070f, 0x0890, 0x0891, 0x08e2, 0x110bd, 0x110cd],
    ...[0x0a, 0x0b, 0x0c, 0x0d, 0x85],
  ]);
  const byProperty = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
  const invisibleByUnicode: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if ((cp >= 0xd800 && cp <= 0xdfff) || exceptions.has(cp)) continue;
    if (byProperty.test(String.fromCodePoint(cp))) invisibleByUnicode.push(cp);
  }

  it("the rule covers the Unicode properties, not a list (nearly 4,000 code points)", () => {
    expect(invisibleByUnicode.length).toBeGreaterThan(3900);
    expect(invisibleByUnicode).toEqual(expect.arrayContaining([0xad, 0x34f, 0x17b4, 0xfff9, 0xfffb, 0x1d173, 0x3164, 0xe0041]));
  });

  it("any code point of those properties in any text is one CV107 whose fix ends clean", () => {
    fc.assert(
      fc.property(plain, fc.constantFrom(...invisibleByUnicode), plain, fc.constantFrom(...places), (a, cp, b, place) => {
        const ch = String.fromCodePoint(cp);
        const text = contractWith(place, `${a}${ch}${b}`);
        const found = check(text).filter((d) => d.severity === "error");
        expect(findings(found)).toEqual([place === "field" ? "16 CV107" : "14 CV107"]);
        expect(found[0]!.message).toContain(`U+${cp.toString(16).toUpperCase().padStart(4, "0")}`);
        const fixed = apply(text, found[0]!.fixes![0]!);
        expect(check(fixed).filter((d) => d.severity === "error")).toEqual([]);
      }),
      { seed: 20261130, numRuns: 400 },
    );
  });

  it.each([...exceptions].filter((cp) => cp > 0x85).map((cp) => [`U+${cp.toString(16).toUpperCase().padStart(4, "0")}`, cp]))(
    "the deliberate exception %s is allowed",
    (_, cp) => {
      expect(check(contractWith("party", `Acme${String.fromCodePoint(cp)} Ltd.`)).filter((d) => d.severity === "error")).toEqual([]);
    },
  );

  it("'\\\\n' is a backslash and an n, not a line break", () => {
    expect(check(contractWith("field", "C:\\\\new")).filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("a row or value that did not read takes nothing else down with it", () => {
  const pricing = (tier: string): string =>
    `${header}\nproduct p "P" {\n  unit: module\n  supplied_by: supplier\n}\n\npricing pp for p {\n  basis: order_volume\n  minimum_order: 100 module\n  tier 100 .. 9_999: ${tier}\n  tier 10_000 ..:    USD 40.00\n}\n`;

  it.each([
    ["$48.50", "22 CV103", "'USD 48.50'"],
    ["48.50 USD", "22 CV303", "'USD 48.50'"],
    ["$ 48.50", "22 CV103", "'USD 48.50'"],
    ["48.50", "22 CV303", "the number 48.50"],
    ["USD", "22 CV303", "'tier' expects"],
    ["USD 48.5.0", "22 CV103", "'.'"],
  ])("tier '%s' gives only %s", (tier, finding, message) => {
    const found = check(pricing(tier)).filter((d) => d.severity === "error");
    expect(findings(found)).toEqual([finding]);
    expect(found[0]!.message).toContain(message);
  });

  it.each([
    ["step 60 days: notify supplier", "write 'day 60'"],
    ["step 60: notify supplier", "write 'day 60'"],
    ["step day 60 days: notify supplier", "but found"],
    ["step week 6: notify supplier", "write 'day 42'"],
    ["step 6 weeks: notify supplier", "write 'day 42'"],
    ["step 48 hours: notify supplier", "write 'day 2'"],
    ["step month 2: notify supplier", "a month has no fixed number of days"],
    ["step 1 year: notify supplier", "a year has no fixed number of days"],
    ["step 1.5 days: notify supplier", "a step starts on a whole day"],
    ["step day 1.5: notify supplier", "a step starts on a whole day"],
    ["step 36 hours: notify supplier", "a step starts on a whole day"],
  ])("'%s' gives one finding on the step", (step, message) => {
    const text = `${header}\nescalation ladder {\n  ${step}\n}\n\nmilestone m "M" {\n  due: 2027-01-01\n  on_miss: ladder\n}\n`;
    const found = check(text).filter((d) => d.severity === "error");
    expect(findings(found)).toEqual(["15 CV303"]);
    expect(found[0]!.message).toContain(message);
    // A fix is offered exactly when the message names the day, and it ends clean.
    const day = /write '(day \d+)'/.exec(found[0]!.message)?.[1];
    expect(found[0]!.fixes?.map((f) => f.title) ?? []).toEqual(day ? [`Write '${day}'`] : []);
    if (day) expect(check(apply(text, found[0]!.fixes![0]!)).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("a step written in weeks is moved to its day: property over counts and spellings", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.constantFrom("week N", "N weeks", "N week", "N days", "N", "N hours"), (n, form) => {
        const step = form.replace("N", String(n));
        const text = `${header}\nescalation ladder {\n  step ${step}: notify supplier\n}\n\nmilestone m "M" {\n  due: 2027-01-01\n  on_miss: ladder\n}\n`;
        const found = check(text).filter((d) => d.severity === "error");
        expect(findings(found)).toEqual(["15 CV303"]);
        const days = form.includes("week") ? n * 7 : form.includes("hours") ? n / 24 : n;
        if (!Number.isInteger(days)) {
          expect(found[0]!.fixes ?? []).toEqual([]);
          return;
        }
        const after = apply(text, found[0]!.fixes![0]!);
        expect(after).toContain(`step day ${days}: notify supplier`);
        expect(check(after).filter((d) => d.severity === "error")).toEqual([]);
      }),
      { seed: 20261130, numRuns: 200 },
    );
  });

  it.each([
    ["£171.50", "GBP", "USD 171.50"],
    ["€48.50", "EUR", "USD 48.50"],
    ["¥1_480", "JPY", "USD 1_480"],
    ["48.50 EUR", "EUR", "USD 48.50"],
    ["171.50 GBP", "GBP", "USD 171.50"],
  ])("'%s' in a dollar contract is one finding (CV401, not also CV103 or CV303) whose fix ends clean (QA 11)", (tier, currency, fixed) => {
    const text = pricing(tier);
    const found = check(text).filter((d) => d.severity === "error");
    expect(findings(found)).toEqual(["22 CV401"]);
    expect(found[0]!.message).toContain(`is an amount in ${currency}, but the contract currency is USD`);
    expect(found[0]!.fixes!.map((f) => f.title)).toEqual([`Write '${fixed}'`]);
    const after = apply(text, found[0]!.fixes![0]!);
    expect(after).toContain(`tier 100 .. 9_999: ${fixed}\n`);
    expect(check(after).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("any currency symbol or code-after-amount, in any contract currency, is at most one finding whose fixes end clean", () => {
    const symbols = ["$", "€", "£", "¥"];
    const codes = ["USD", "EUR", "GBP", "JPY", "CNY"];
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.constantFrom(...symbols.map((s) => `${s}48`), ...codes.map((c) => `48 ${c}`)),
        (own, tier) => {
          const text = pricing(tier).replace("currency: USD", `currency: ${own}`).replace("USD 40.00", `${own} 40`);
          const found = check(text).filter((d) => d.severity === "error");
          expect(found.length, tier).toBe(1);
          for (const fix of found[0]!.fixes ?? []) expect(check(apply(text, fix)).filter((d) => d.severity === "error")).toEqual([]);
        },
      ),
      { seed: 20261130, numRuns: 100 },
    );
  });

  it.each([
    ["months", "3 consecutive periods"],
    ["weeks", undefined],
    ["years", "36 consecutive periods"],
    ["quarters", "9 consecutive periods"],
  ])("'for 3 consecutive %s' of a monthly KPI is one finding whose fix, if any, writes '%s'", (word, fixed) => {
    const text = `${header}\nkpi k "K" {\n  measure: percent\n  target: >= 98%\n  period: monthly\n  obligor: supplier\n}\n\ntermination {\n  cause: breach of k for 3 consecutive ${word}\n}\n`;
    const found = check(text).filter((d) => d.severity === "error");
    expect(findings(found)).toEqual(["22 CV303"]);
    if (fixed === undefined) {
      expect(found[0]!.fixes ?? []).toEqual([]);
      return;
    }
    const after = apply(text, found[0]!.fixes![0]!);
    expect(after).toContain(`for ${fixed}\n`);
    expect(check(after).filter((d) => d.severity === "error")).toEqual([]);
  });

  it.each([
    ["USD 2_000", "cap: USD 20_000"],
    ["0.5% of invoice", "cap: 5% of invoice"],
    ["20% of price", "cap: 100% of price"],
  ])("an uncapped penalty with rate %s suggests '%s', which checks clean", (rate, cap) => {
    const kpi = (extra: string): string =>
      `${header}\nkpi k "K" {\n  measure: percent\n  target: >= 98%\n  period: monthly\n  obligor: supplier\n  penalty {\n    rate: ${rate}\n    per: 1% below target\n${extra}  }\n}\n`;
    const found = check(kpi(""));
    expect(findings(found)).toEqual(["19 CV901"]);
    expect(found[0]!.message).toContain(`'${cap}'`);
    expect(check(kpi(`    ${cap}\n`))).toEqual([]);
  });
});

describe("durations are whole numbers of their unit (QA 6)", () => {
  /** Independent of the checker: the smaller units each unit converts into exactly, in order. */
  const exactSmaller: Record<string, readonly (readonly [string, number])[]> = {
    years: [["months", 12]],
    weeks: [
      ["days", 7],
      ["hours", 168],
    ],
    days: [["hours", 24]],
    months: [],
    hours: [],
    business_days: [],
  };
  const withTerm = (term: string): string => header.replace("term: 5 years", `term: ${term}`);

  it("a fraction of any unit is one CV303; its fix, when offered, is the same length in whole smaller units and ends clean", () => {
    fc.assert(
      fc.property(
        // A duration in thousandths of its unit, with a fraction: 1500 is 1.500. Steps of 125 and 250
        // make the exact restatements (eighths and quarters) as likely as the inexact ones.
        fc
          .tuple(fc.constantFrom(1, 7, 125, 250, 500), fc.integer({ min: 1, max: 120 }))
          .map(([step, k]) => step * k)
          .filter((n) => n % 1000 !== 0),
        fc.constantFrom(...Object.keys(exactSmaller)),
        (thousandths, unit) => {
          const written = `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, "0")}`;
          const text = withTerm(`${written} ${unit}`);
          const found = check(text).filter((d) => d.severity === "error");
          expect(findings(found)).toEqual(["4 CV303"]);
          expect(found[0]!.message).toContain(`but this is ${written} ${unit}`);
          const expected = exactSmaller[unit]!.find(([, times]) => (thousandths * times) % 1000 === 0);
          if (!expected) {
            expect(found[0]!.fixes ?? []).toEqual([]);
            return;
          }
          const [smaller, times] = expected;
          const fixed = apply(text, found[0]!.fixes![0]!);
          expect(fixed).toContain(`term: ${(thousandths * times) / 1000} ${smaller}\n`);
          expect(check(fixed).filter((d) => d.severity === "error")).toEqual([]);
        },
      ),
      { seed: 20261130, numRuns: 300 },
    );
  });

  it.each([
    ["0.5 years", "6 months"],
    ["0.25 years", "3 months"],
    ["1.5 weeks", "252 hours"],
    ["0.5 weeks", "84 hours"],
    ["1.5 days", "36 hours"],
    ["0.4 years", undefined],
    ["0.001 years", undefined],
    ["2.5 months", undefined],
    ["0.5 hours", undefined],
    ["1.5 business_days", undefined],
  ])("term: %s is refused, fixed to %s", (written, fixed) => {
    const found = check(withTerm(written)).filter((d) => d.severity === "error");
    expect(findings(found)).toEqual(["4 CV303"]);
    expect(found[0]!.fixes?.map((f) => f.title) ?? []).toEqual(fixed ? [`Write '${fixed}'`] : []);
  });

  it.each(["5 years", "60 months", "1 day", "0 days"])("the whole duration %s reads as before (no CV303)", (written) => {
    expect(check(withTerm(written)).filter((d) => d.code === "CV303")).toEqual([]);
  });
});

describe("numbers grouped with commas or dots (QA 10)", () => {
  const payment = (amount: string): string => `${header}\nmilestone m "M" {\n  due: 2027-01-01\n  payment: USD ${amount} to supplier\n}\n`;
  /** `1234567` and `50` as printed in English (`1,234,567.50`) or European (`1.234.567,50`) style. */
  const grouped = (whole: number, cents: number | undefined, style: "english" | "european"): string => {
    const groups = String(whole).replace(/\B(?=(\d{3})+$)/g, style === "english" ? "," : ".");
    const fraction = cents === undefined ? "" : `${style === "english" ? "." : ","}${String(cents).padStart(2, "0")}`;
    return groups + fraction;
  };

  it("any amount of 1,000 or more written with separators is one CV103 whose fix writes the same value and ends clean", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 999_999_999_999 }),
        fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
        fc.constantFrom("english" as const, "european" as const),
        (whole, cents, style) => {
          const written = grouped(whole, cents, style);
          // `1.234` (one dot group, no decimal comma) is a decimal number in Covenant: not this case.
          fc.pre(!(style === "european" && cents === undefined && whole < 1_000_000));
          const text = payment(written);
          const found = check(text).filter((d) => d.severity === "error");
          expect(findings(found), written).toEqual(["16 CV103"]);
          const fixed = apply(text, found[0]!.fixes![0]!);
          const expected = `${String(whole).replace(/\B(?=(\d{3})+$)/g, "_")}${cents === undefined ? "" : `.${String(cents).padStart(2, "0")}`}`;
          expect(fixed).toContain(`payment: USD ${expected} to supplier\n`);
          expect(check(fixed).filter((d) => d.severity === "error")).toEqual([]);
        },
      ),
      { seed: 20261130, numRuns: 300 },
    );
  });

  it.each([
    ["1,200,000", "1_200_000"],
    ["1,200", "1_200"],
    ["1.200.000,00", "1_200_000.00"],
    ["1.200,50", "1_200.50"],
    ["-1,200", "-1_200"],
  ])("'%s' is read as %s", (written, meant) => {
    const found = check(payment(written)).filter((d) => d.code === "CV103");
    expect(found.map((d) => d.fixes![0]!.edits[0]!.newText)).toEqual([meant]);
  });

  it("a range written without spaces around '..' still reads: 'tier 1,000..2,000' is two numbers", () => {
    const text = `${header}\nproduct p "P" {\n  unit: module\n  supplied_by: supplier\n}\n\npricing pp for p {\n  basis: annual_volume\n  tier 1_000..2,000: USD 48.50\n  tier 2_001 ..: USD 40.00\n}\n`;
    expect(findings(check(text).filter((d) => d.severity === "error"))).toEqual(["21 CV103"]);
  });

  it.each(["1.200", "1_200", "1200", "12.50"])("'%s' is a number as Covenant writes it: no CV103", (written) => {
    expect(check(payment(written)).filter((d) => d.code === "CV103")).toEqual([]);
  });

  it("a list of names written without spaces is still a list", () => {
    expect(
      check(
        `${header}\nparty buyer "B" {\n  role: buyer\n  jurisdiction: CN\n}\n\ngovernance {\n  committee steering {\n    members: [supplier,buyer]\n  }\n}\n`,
      ).filter((d) => d.code === "CV103" || d.code === "CV100"),
    ).toEqual([]);
  });
});
