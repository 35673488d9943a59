import { jsonInert } from "@covenant/compiler";
import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import { allCodes, codeCatalogue, type Diagnostic, type SourceRange } from "@covenant/core";

const level = (severity: Diagnostic["severity"]): Sarif.Result.level =>
  severity === "error" ? "error" : severity === "warning" ? "warning" : "note";

const region = (r: SourceRange): Sarif.Region => ({
  startLine: r.start.line,
  startColumn: r.start.column,
  endLine: r.end.line,
  endColumn: r.end.column,
  charOffset: r.start.offset,
  charLength: r.end.offset - r.start.offset,
});

/** SARIF 2.1.0 for code-scanning in pipelines: one run, every catalogue code as a rule, paths relative to %SRCROOT%. */
export function formatSarif(diagnostics: readonly Diagnostic[], cwd: string, version: string): string {
  const location = (uri: string): Sarif.ArtifactLocation => ({
    uri: relative(cwd, uri).split("\\").join("/") || uri,
    uriBaseId: "%SRCROOT%",
  });
  const ruleIndex = new Map(allCodes.map((code, i) => [code, i]));
  const log: Sarif.Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "covenant",
            semanticVersion: version,
            version,
            rules: allCodes.map((code) => ({
              id: code,
              name: codeCatalogue[code].title.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : "")),
              shortDescription: { text: codeCatalogue[code].title },
              defaultConfiguration: { level: level(codeCatalogue[code].severity) },
              helpUri: `docs/diagnostics.md#${code.toLowerCase()}`,
            })),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(cwd.endsWith("/") ? cwd : `${cwd}/`).href } },
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: ruleIndex.get(d.code as (typeof allCodes)[number]) ?? -1,
          level: level(d.severity),
          message: { text: d.message },
          locations: [{ physicalLocation: { artifactLocation: location(d.uri), region: region(d.range) } }],
          ...(d.related?.length
            ? {
                relatedLocations: d.related.map((r, id) => ({
                  id,
                  message: { text: r.message },
                  physicalLocation: { artifactLocation: location(r.uri), region: region(r.range) },
                })),
              }
            : {}),
          ...(d.fixes?.length
            ? {
                fixes: d.fixes.map((f) => ({
                  description: { text: f.title },
                  artifactChanges: f.edits.map((e) => ({
                    artifactLocation: location(e.uri),
                    replacements: [{ deletedRegion: region(e.range), insertedContent: { text: e.newText } }],
                  })),
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return jsonInert(JSON.stringify(log, null, 2));
}
