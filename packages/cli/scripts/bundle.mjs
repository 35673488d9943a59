// Bundles the CLI into one ES module: one file loads far faster than chevrotain's hundreds of
// lodash-es modules, and start-up is most of a `covenant check` on a small contract.
import { build } from "esbuild";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const jsoncParserEsm = createRequire(here("../../review/package.json")).resolve("jsonc-parser").replace(/lib[\\/]umd[\\/]main\.js$/, "lib/esm/main.js");

await build({
  // Commands load their packages lazily; splitting keeps each in its own chunk under dist/chunks.
  entryPoints: { covenant: here("../dist/bin.js") },
  outdir: here("../dist"),
  outExtension: { ".js": ".mjs" },
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow; its ES build bundles cleanly.
  alias: { "jsonc-parser": jsoncParserEsm },
  // Prettier is loaded from node_modules, and only by `covenant fmt`.
  external: ["prettier", "prettier-plugin-covenant"],
  // Some bundled CommonJS packages call require(); give the ES module one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
