// Bundles the extension into one CommonJS file, dist/extension.js, with vscode-languageclient inside:
// the .vsix ships no node_modules (`vsce package --no-dependencies`). `vscode` is provided by the editor.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  entryPoints: [here("../src/extension.ts")],
  outfile: here("../dist/extension.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["vscode"],
  logLevel: "warning",
});
