// Bundles the language server into one CommonJS file, dist/server.cjs: the `covenant-language-server`
// command, and the server module the VS Code extension ships and starts. One file starts far faster
// than chevrotain's hundreds of modules, and the extension needs no node_modules.
import { build } from "esbuild";
import { chmodSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const require = createRequire(import.meta.url);

await build({
  entryPoints: [here("../dist/bin.js")],
  outfile: here("../dist/server.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "warning",
  banner: { js: "#!/usr/bin/env node" },
  // The formatter passes its plugin to Prettier explicitly, so Prettier's standalone build (no
  // built-in languages, no dynamic imports) is all the server needs.
  alias: { prettier: require.resolve("prettier/standalone") },
  // The compiler's PDF renderer finds its packages through import.meta.url in an ES module and
  // through require where import.meta.url is undefined, as in this CommonJS file.
  define: { "import.meta.url": "undefined" },
});
chmodSync(here("../dist/server.cjs"), 0o755);
