// Generates snippets/covenant.json: one snippet per declaration kind of the core's kind schemas,
// with tab stops for the header and every required field. test/package.test.ts checks that the
// committed file is what this prints.
//
//   node packages/vscode/scripts/generate-snippets.mjs   (after `pnpm build`)
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { kindSchemas, topLevelKinds } from "../../core/dist/index.js";
import { declarationSnippet } from "../../language-server/dist/features/completion.js";

export function snippets() {
  const result = {};
  for (const kind of topLevelKinds) {
    const schema = kindSchemas[kind];
    result[kind] = { prefix: kind, body: declarationSnippet(kind, schema).split("\n"), description: schema.doc };
  }
  result.import = {
    prefix: "import",
    body: ['import "${1:../library/standard-terms}.contract"'],
    description: "Imports the declarations of a clause library.",
  };
  return result;
}

export const snippetsText = () => `${JSON.stringify(snippets(), null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url))
  writeFileSync(fileURLToPath(new URL("../snippets/covenant.json", import.meta.url)), snippetsText());
