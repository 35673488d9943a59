import { jsonInert } from "@covenant/compiler";
import { relative } from "node:path";
import type { Diagnostic, SourceRange } from "@covenant/core";

const range = (r: SourceRange) => ({ start: r.start, end: r.end });

/** Machine-readable diagnostics: stable keys, paths relative to the working directory. */
export function formatJson(diagnostics: readonly Diagnostic[], files: readonly string[], cwd: string): string {
  const rel = (uri: string): string => relative(cwd, uri) || uri;
  const report = {
    version: 1,
    files: files.map(rel),
    summary: {
      errors: diagnostics.filter((d) => d.severity === "error").length,
      warnings: diagnostics.filter((d) => d.severity === "warning").length,
    },
    diagnostics: diagnostics.map((d) => ({
      file: rel(d.uri),
      code: d.code,
      severity: d.severity,
      message: d.message,
      range: range(d.range),
      related: (d.related ?? []).map((r) => ({ file: rel(r.uri), range: range(r.range), message: r.message })),
      fixes: (d.fixes ?? []).map((f) => ({
        title: f.title,
        edits: f.edits.map((e) => ({ file: rel(e.uri), range: range(e.range), newText: e.newText })),
      })),
      ...(d.unnecessary ? { unnecessary: true } : {}),
    })),
  };
  return jsonInert(JSON.stringify(report, null, 2));
}
