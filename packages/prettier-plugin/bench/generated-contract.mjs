// A large, realistic contract for the formatter's speed figures (bench) and its speed test.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** The reference example's declarations (import and contract header dropped), copied with suffixed names until the text has `targetLines` lines. */
export function generatedContract(targetLines) {
  const reference = readFileSync(join(here, "..", "test", "fixtures", "reference-example", "output.contract"), "utf8");
  const declarations = reference.replace(/^import .*\n/m, "").replace(/^(\/\/\/.*\n)*contract [\s\S]*?\n}\n\n/m, "");
  const copies = [];
  let lines = 0;
  for (let i = 0; lines < targetLines; i++) {
    const copy = declarations.replace(/^(\w+) (\w+)/gm, (_, kind, name) => (name === "for" ? `${kind} ${name}` : `${kind} ${name}_${i}`));
    copies.push(copy);
    lines += copy.split("\n").length;
  }
  return copies.join("\n");
}

/** The same terms laid out badly: indentation dropped, members run together, tier columns out of line. */
export function misformatted(text) {
  return text
    .replace(/^[ \t]+/gm, "")
    .replace(/\n(?=[a-z_]+: )/g, " ")
    .replace(/: +USD/g, ": USD");
}
