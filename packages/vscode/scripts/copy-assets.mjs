// Copies what the extension ships from elsewhere in the repository into its folder before packaging:
// the TextMate grammar and language configuration from grammar/, and the bundled language server.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const copies = [
  ["../../../grammar/covenant.tmLanguage.json", "../syntaxes/covenant.tmLanguage.json"],
  ["../../../grammar/language-configuration.json", "../language-configuration.json"],
  ["../../language-server/dist/server.cjs", "../dist/server.cjs"],
];

for (const [from, to] of copies) {
  if (!existsSync(here(from))) throw new Error(`${from} is missing: run \`pnpm build\` at the repository root first`);
  mkdirSync(dirname(here(to)), { recursive: true });
  copyFileSync(here(from), here(to));
}
