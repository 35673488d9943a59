import { format } from "prettier";
import { describe, expect, it } from "vitest";
import * as plugin from "../src/index.js";
import { formatDocument, formatEdits } from "../src/index.js";

describe("syntax errors", () => {
  const broken = 'party supplier "S" {\n  role: supplier\n  jurisdiction: \n}\n';

  it("rejects with Prettier's SyntaxError naming line and column", async () => {
    const attempt = format(broken, { parser: "covenant", plugins: [plugin] });
    await expect(attempt).rejects.toThrow(SyntaxError);
    await expect(attempt).rejects.toThrow(/\(3:16\)/);
    await expect(attempt).rejects.toMatchObject({ loc: { start: { line: 3, column: 16 } } });
  });

  it("reports the first error in the text, with its code", async () => {
    const text = 'party x {\n  a: 1 $\n  b: "open\n}\n';
    await expect(formatDocument(text)).rejects.toThrow(/CV103.*\(2:8\)/);
  });

  it("is found through the language's file extension", async () => {
    await expect(format(broken, { filepath: "deal.contract", plugins: [plugin] })).rejects.toThrow(/\(3:16\)/);
  });

  it("gives the language server no edits for a file that does not parse", async () => {
    expect(await formatEdits(broken)).toEqual([]);
  });

  for (const [name, text] of [
    ["an unterminated text", 'party x "open {\n}\n'],
    ["an unterminated comment", "party x {\n}\n/* open"],
    ["an invalid escape", 'party x "a\\q" {\n}\n'],
    ["a missing brace", "party x {\n  role: supplier\n"],
  ] as const) {
    it(`refuses ${name}`, async () => {
      await expect(formatDocument(text)).rejects.toThrow(/\(\d+:\d+\)/);
    });
  }
});
