import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { renderLanguageDoc } from "./tools/language-doc.mjs";

it("docs/language.md matches the kind schemas (regenerate with `pnpm docs:language`)", () => {
  const committed = readFileSync(join(import.meta.dirname, "../docs/language.md"), "utf8");
  expect(committed).toBe(renderLanguageDoc());
});
