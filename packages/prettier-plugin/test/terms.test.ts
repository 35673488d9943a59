import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Workspace, type FileHost } from "@covenant/core";
import { compile } from "../../compiler/src/index.js";
import { formatDocument } from "../src/index.js";
import { contractFiles, repoRoot } from "./support.js";

/** A host that reads the repository, except one path whose text is given. */
function hostWith(path: string, text: string): FileHost {
  return {
    read(file) {
      if (file === path) return { kind: "file", text };
      try {
        return { kind: "file", text: readFileSync(file, "utf8") };
      } catch {
        return { kind: "missing" };
      }
    },
  };
}

/** The canonical JSON terms of a contract (the compiler's hash ignores layout and comments). */
function termsHash(path: string, text: string): string {
  const checked = new Workspace(hostWith(path, text), { root: repoRoot }).check(path);
  expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return (JSON.parse(compile(checked, { to: "json" })) as { hash: string }).hash;
}

describe("formatting keeps the checked model: the canonical JSON of input and output are equal", () => {
  const contracts = contractFiles("examples").filter((path) => !path.includes("library"));
  it("has examples to check", () => expect(contracts.length).toBeGreaterThanOrEqual(4));

  for (const relativePath of contracts) {
    it(relativePath, async () => {
      const path = join(repoRoot, relativePath);
      const original = readFileSync(path, "utf8");
      // Layout only: indentation dropped, spacing widened, blank lines doubled.
      const messy = original
        .replace(/^[ \t]+/gm, "")
        .replace(/: (?=\S)/g, ":   ")
        .replace(/\n\n/g, "\n\n\n")
        .replace(/^(party|kpi) /gm, "$1   ");
      expect(messy).not.toBe(original);
      const formatted = await formatDocument(messy);
      expect(termsHash(path, messy)).toBe(termsHash(path, original));
      expect(termsHash(path, formatted)).toBe(termsHash(path, original));
    });
  }
});
