// Writes grammar/railroad.html: chevrotain's railroad diagrams of the Covenant grammar, drawn from
// the parser's own productions so that they cannot disagree with it. Run `pnpm grammar` (it builds
// packages/core first); grammar/test/grammar.test.ts fails when the committed page is out of date.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

export const railroadFile = fileURLToPath(new URL("../railroad.html", import.meta.url));

// chevrotain is a dependency of @covenant/core, not of the workspace root: resolve it from there,
// so the page is drawn by the same chevrotain that parses.
const fromCore = createRequire(new URL("../../packages/core/package.json", import.meta.url));
const chevrotain = await import(pathToFileURL(fromCore.resolve("chevrotain")).href);

/** The railroad page for serialized grammar productions (`parser.getSerializedGastProductions()`). */
export function renderRailroad(productions) {
  return chevrotain.createSyntaxDiagramsCode(productions);
}

async function main() {
  const { getGrammar } = await import("../../packages/core/dist/index.js");
  writeFileSync(railroadFile, renderRailroad(getGrammar().getSerializedGastProductions()));
  console.log(`wrote ${railroadFile}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
