import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AdmZip from "adm-zip";
import { beforeAll, describe, expect, it } from "vitest";
import { topLevelKinds } from "@covenant/core";
// @ts-expect-error: a plain ES module without types
import { snippetsText } from "../scripts/generate-snippets.mjs";

/**
 * The extension as it is published: `vsce package --no-dependencies` (what CI runs) into a temporary
 * folder, then the .vsix read back as the zip it is. VS Code itself cannot be downloaded here, so the
 * extension's entry point is loaded against a stand-in `vscode` module instead.
 */

const extension = join(import.meta.dirname, "..");
const vsce = join(extension, "node_modules/.bin/vsce");
let zip: AdmZip;
let manifest: {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    commands: { command: string; title: string; category: string }[];
  };
};
const entry = (path: string): string => {
  const found = zip.getEntry(`extension/${path.replace(/^\.\//, "")}`);
  if (!found) throw new Error(`${path} is not in the .vsix`);
  return found.getData().toString("utf8");
};

beforeAll(() => {
  execFileSync(process.execPath, [join(extension, "scripts/bundle.mjs")]);
  execFileSync(process.execPath, [join(extension, "scripts/copy-assets.mjs")]);
  const out = join(mkdtempSync(join(tmpdir(), "covenant-vsix-")), "covenant.vsix");
  execFileSync(vsce, ["package", "--no-dependencies", "--allow-missing-repository", "--out", out], { cwd: extension, stdio: "pipe" });
  zip = new AdmZip(out);
  manifest = JSON.parse(entry("package.json"));
}, 120_000);

describe("the packaged extension (.vsix)", () => {
  it("holds the extension and server bundles, the grammar, the language configuration and the snippets", () => {
    const names = zip.getEntries().map((e) => e.entryName);
    expect(names).toEqual(
      expect.arrayContaining([
        "extension/package.json",
        "extension/dist/extension.js",
        "extension/dist/server.cjs",
        "extension/syntaxes/covenant.tmLanguage.json",
        "extension/language-configuration.json",
        "extension/snippets/covenant.json",
      ]),
    );
    // Bundled: no sources, no node_modules, no source maps.
    expect(names.filter((n) => /\/(src|node_modules|test|scripts)\/|\.map$|\.ts$/.test(n))).toEqual([]);
  });

  it("contributes the covenant language for .contract with its grammar, configuration, snippets and command", () => {
    expect(manifest.main).toBe("./dist/extension.js");
    expect(manifest.activationEvents).toEqual(["onLanguage:covenant"]);
    const [language] = manifest.contributes.languages;
    expect(language).toMatchObject({ id: "covenant", extensions: [".contract"] });
    expect(JSON.parse(entry(language!.configuration))).toMatchObject({ comments: { lineComment: "//", blockComment: ["/*", "*/"] } });
    const [grammar] = manifest.contributes.grammars;
    expect(grammar).toMatchObject({ language: "covenant", scopeName: "source.covenant" });
    expect(JSON.parse(entry(grammar!.path)).scopeName).toBe("source.covenant");
    expect(manifest.contributes.commands).toEqual([
      expect.objectContaining({ command: "covenant.previewProse", title: "Preview Prose", category: "Covenant" }),
      expect.objectContaining({ command: "covenant.exportDocx", title: "Export to Word", category: "Covenant" }),
    ]);
    const snippets = JSON.parse(entry(manifest.contributes.snippets[0]!.path)) as Record<string, { prefix: string }>;
    for (const kind of topLevelKinds) expect(snippets[kind]?.prefix, kind).toBe(kind);
  });

  it("ships the grammar/ files and the server bundle unchanged", () => {
    const repo = join(extension, "../..");
    expect(entry("syntaxes/covenant.tmLanguage.json")).toBe(readFileSync(join(repo, "grammar/covenant.tmLanguage.json"), "utf8"));
    expect(entry("language-configuration.json")).toBe(readFileSync(join(repo, "grammar/language-configuration.json"), "utf8"));
    expect(entry("dist/server.cjs")).toBe(readFileSync(join(repo, "packages/language-server/dist/server.cjs"), "utf8"));
  });

  it("ships a server that starts on its own, without node_modules", () => {
    const folder = mkdtempSync(join(tmpdir(), "covenant-server-"));
    writeFileSync(join(folder, "server.cjs"), entry("dist/server.cjs"));
    const result = spawnSync(process.execPath, [join(folder, "server.cjs"), "--version"], { encoding: "utf8", cwd: folder });
    expect(result.stdout).toBe("covenant-language-server 0.1.0\n");
  });

  it("has an entry point that loads and exports activate and deactivate", () => {
    const folder = mkdtempSync(join(tmpdir(), "covenant-extension-"));
    const file = join(folder, "extension.cjs");
    writeFileSync(file, entry("dist/extension.js"));
    // A stand-in for the editor's `vscode` module: any property is a callable, constructible stub.
    const stub: object = new Proxy(function () {}, {
      get: (_target, key) => (key === "__esModule" ? true : stub),
      apply: () => stub,
      construct: () => stub,
    });
    const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
    (Module as unknown as { _load: typeof load })._load = (request, ...rest) => (request === "vscode" ? stub : load(request, ...rest));
    try {
      const loaded = Module.createRequire(file)(file) as { activate: unknown; deactivate: unknown };
      expect(typeof loaded.activate).toBe("function");
      expect(typeof loaded.deactivate).toBe("function");
    } finally {
      (Module as unknown as { _load: typeof load })._load = load;
    }
  });

  it("keeps the committed snippets equal to what the generator makes of the schemas", () => {
    expect(readFileSync(join(extension, "snippets/covenant.json"), "utf8")).toBe(snippetsText());
  });
});
