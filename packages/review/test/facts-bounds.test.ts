import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  evaluate,
  maxFactsBytes,
  maxFactsProblems,
  readFactsFor,
  renderEvalJson,
  renderEvalText,
  type FactsProblem,
} from "../src/index.js";
import { checkText, example } from "./documents.js";

/**
 * Facts are bounded before anything computes with them: the size of the file, the depth of its
 * nesting, and the digits and size of every number (JSON numbers and decimal strings), each
 * problem at its line and column; and a key given twice is refused, naming both places.
 */

const supply = checkText(example("supply-agreement"));

function problems(text: string): readonly FactsProblem[] {
  const read = readFactsFor(supply, text);
  return "problems" in read ? read.problems : [];
}

const where = (p: FactsProblem): string => `${p.line}:${p.column} ${p.message}`;

describe("facts numbers are bounded", () => {
  it("refuses the 37-byte file whose airbag volume is 1e999999999, at once and at its position", () => {
    const text = '{"volumes":{"airbag":"1e999999999"}}\n';
    expect(Buffer.byteLength(text)).toBe(37);
    const started = Date.now();
    const found = problems(text);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(found.map(where)).toEqual([
      "1:22 'volumes.airbag' is out of range: a fact is a number below 10^30 in size and, unless zero, at least 10^-30",
    ]);
    expect(found[0]!.pointer).toBe("/volumes/airbag");
  });

  it.each([
    ["a JSON number with a huge exponent", '{"volumes":{"airbag":1e999999999}}', "1:22", "out of range"],
    ["a JSON number with a tiny exponent", '{"volumes":{"airbag":1e-999999999}}', "1:22", "out of range"],
    ["a decimal string with a tiny exponent", '{"volumes":{"airbag":"1e-999999999"}}', "1:22", "out of range"],
    ["an exponent beyond what decimal.js holds", '{"volumes":{"airbag":"1e99999999999999999999"}}', "1:22", "out of range"],
    ["a number of 10^30", '{"volumes":{"airbag":1000000000000000000000000000000}}', "1:22", "out of range"],
    ["a number of 10^-31", '{"indices":{"aluminium":"0.0000000000000000000000000000001"}}', "1:25", "out of range"],
    ["60 significant digits", `{"volumes":{"airbag":"1.${"3".repeat(59)}"}}`, "1:22", "has 60 significant digits"],
    [
      "a KPI value deep in an array",
      '{"kpis":{"on_time":[{"period":"2026-01","value":"9e40","invoice":"1"}]}}',
      "1:49",
      "'kpis.on_time.0.value' is out of range",
    ],
    ["a number anywhere, even where no decimal is expected", '{"obligations":{"x":{"breaches":1e400}}}', "1:33", "out of range"],
  ])("refuses %s", (_, text, at, message) => {
    const found = problems(text);
    expect(found).toHaveLength(1);
    expect(`${found[0]!.line}:${found[0]!.column}`).toBe(at);
    expect(found[0]!.message).toContain(message);
  });

  it.each([
    ["the largest size allowed", "999999999999999999999999999999"],
    ["the smallest size allowed", "0.000000000000000000000000000001"],
    ["zero with any exponent", "0e999999999"],
    ["50 significant digits", `1.${"3".repeat(49)}`],
    ["trailing zeros beyond 50 digits", `1.${"0".repeat(80)}`],
  ])("accepts %s and evaluates it", (_, volume) => {
    const read = readFactsFor(supply, JSON.stringify({ volumes: { airbag: volume } }));
    expect("facts" in read ? [] : read.problems).toEqual([]);
  });

  it("property: any exponent either is refused at its position or evaluates to a result of bounded length", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
        fc.stringMatching(/^[1-9][0-9]{0,60}$/),
        fc.boolean(),
        (exponent, digits, asString) => {
          const written = `${digits}e${exponent}`;
          const text = `{"volumes":{"airbag":${asString ? `"${written}"` : written}}}`;
          const read = readFactsFor(supply, text);
          if ("problems" in read) {
            expect(read.problems).toHaveLength(1);
            expect(read.problems[0]).toMatchObject({ line: 1, column: 22, pointer: "/volumes/airbag" });
            return;
          }
          const result = evaluate(supply, read.facts);
          expect(renderEvalJson(result).length).toBeLessThan(100_000);
          expect(renderEvalText(result, { color: false }).length).toBeLessThan(100_000);
        },
      ),
      { seed: 20261130, numRuns: 300 },
    );
  });
});

describe("facts files are bounded in depth and size", () => {
  it("refuses 200,000 nested arrays at the bracket that goes too deep, without overflowing the stack", () => {
    const text = `{"volumes":${"[".repeat(200_000)}${"]".repeat(200_000)}}`;
    const found = problems(text);
    expect(found.map(where)).toEqual([
      "1:75 The facts nest deeper than 64 levels of arrays and objects; facts are at most a few levels deep",
    ]);
  });

  it("counts brackets inside strings as text, not nesting", () => {
    const found = problems(JSON.stringify({ kpis: { on_time: [{ period: "[".repeat(1000), value: "97" }] } }));
    expect(found.map((p) => p.message).join("\n")).not.toContain("nest deeper");
  });

  it("accepts 64 levels (the object and 63 arrays) and refuses 65, on one line and across lines", () => {
    const nested = (levels: number, newline: string): string => `${"[".repeat(levels).split("").join(newline)}${"]".repeat(levels)}`;
    expect(
      problems(`{"volumes":${nested(63, "")}}`)
        .map((p) => p.message)
        .join(),
    ).not.toContain("nest deeper");
    expect(problems(`{"volumes":${nested(64, "")}}`).map(where)[0]).toMatch(/^1:75 The facts nest deeper/);
    expect(problems(`{"volumes":${nested(64, "\n")}}`).map(where)[0]).toMatch(/^64:1 The facts nest deeper/);
  });

  it("refuses a text larger than the limit at 1:1, before parsing it", () => {
    const text = `{"volumes":{"airbag":"${"1".repeat(maxFactsBytes)}"}}`;
    expect(problems(text).map(where)).toEqual(["1:1 The facts file is larger than 16 MB, the most Covenant reads"]);
  });
});

describe("facts keys are given once", () => {
  it("refuses a key given twice at the second, naming the first's line and column", () => {
    const text = '{\n  "volumes": {\n    "airbag": 100,\n    "airbag": 200000\n  }\n}\n';
    expect(problems(text).map(where)).toEqual([
      "4:5 'volumes.airbag' is given twice (first at line 3, column 5); JSON readers disagree on which one counts, so give each key once",
    ]);
  });

  it.each([
    ["at the top level", '{"volumes":{},"volumes":{"airbag":1}}', ["1:15 'volumes' is given twice (first at line 1, column 2)"]],
    [
      "inside an array element",
      '{"kpis":{"on_time":[{"period":"2026-01","value":1,"value":2}]}}',
      ["1:51 'kpis.on_time.0.value' is given twice (first at line 1, column 41)"],
    ],
    [
      "three times: each repeat named against the first",
      '{"volumes":{"airbag":1,"airbag":2,"airbag":3}}',
      [
        "1:24 'volumes.airbag' is given twice (first at line 1, column 13)",
        "1:35 'volumes.airbag' is given twice (first at line 1, column 13)",
      ],
    ],
    [
      "spelt with an escape",
      '{"volumes":{"airbag":1,"\\u0061irbag":2}}',
      ["1:24 'volumes.airbag' is given twice (first at line 1, column 13)"],
    ],
  ])("refuses a duplicate %s", (_, text, expected) => {
    expect(problems(text).map((p) => where(p).replace(/; JSON readers.*$/, ""))).toEqual(expected);
  });

  it("allows the same key in different objects", () => {
    const text = JSON.stringify({
      volumes: { airbag: 1 },
      purchases: { airbag_volume: 1 },
      kpis: {
        on_time: [
          { period: "2026-01", value: 1 },
          { period: "2026-02", value: 2 },
        ],
      },
    });
    expect(
      problems(text)
        .map((p) => p.message)
        .join(),
    ).not.toContain("given twice");
  });
});

describe("a facts file cannot make the messages expensive", () => {
  it("answers an unknown key of 8 MB at once, without a suggestion", () => {
    const key = "volume".repeat(1_400_000);
    const started = Date.now();
    const found = problems(`{"${key}":{}}`);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).not.toContain("did you mean");
  });

  it("still suggests the near key", () => {
    expect(problems('{"volume":{}}')[0]!.message).toContain("did you mean 'volumes'?");
  });
});

describe("a facts file with a great many problems", () => {
  const many = (n: number, part: (i: number) => string): string => Array.from({ length: n }, (_, i) => part(i)).join(",");

  it.each([
    ["500,000 unknown products", `{"volumes":{${many(500_000, (i) => `"p${i}":1`)}}}`, "is not a product of this contract"],
    ["300,000 repeats of one key", `{"volumes":{${many(300_000, () => '"airbag":1')}}}`, "is given twice"],
    [
      "100,000 KPI periods of the wrong type",
      `{"kpis":{"on_time":[${many(100_000, (i) => `{"period":"${1000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}","value":[1]}`)}]}}`,
      "must be a number",
    ],
    ["3,000,000 syntax errors", `{"volumes":${"@ ".repeat(3_000_000)}}`, "Unexpected character"],
  ])("%s: reports the first 100 problems and a note, promptly and without overflowing the stack", (_, text, message) => {
    expect(text.length).toBeLessThan(maxFactsBytes);
    const started = Date.now();
    const found = problems(text);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(found).toHaveLength(maxFactsProblems + 1);
    expect(found[0]!.message).toContain(message);
    expect(found[maxFactsProblems]!.message).toBe("More problems follow; these are the first 100. Correct them and run again");
  });
});
