import { describe, expect, it } from "vitest";
import { Workspace, type FileHost, type ReadResult } from "../src/index.js";

/** A host that counts reads, so tests can see what the workspace re-reads and re-checks. */
function countingHost(files: Record<string, string>): FileHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read(path): ReadResult {
      reads.push(path);
      const text = files[path];
      return text === undefined ? { kind: "missing" } : { kind: "file", text };
    },
  };
}

const library = 'event flood "Flood" {\n  unit: hours\n  evidence: "gauge"\n}\n';
const root = (threshold: string) =>
  `import "lib.contract"\n\ncontract "C" {\n  kind: supply\n  effective: 2026-01-01\n  term: 2 years\n  governing_law: "Japan"\n  currency: JPY\n}\n\nforce_majeure fm "FM" {\n  trigger flood >= ${threshold}\n  relief: suspend delivery for 30 days\n}\n\ntermination {\n  cause: fm lasting 90 days\n}\n`;

describe("Workspace", () => {
  it("checks a document with its imports and resolves names across files", () => {
    const host = countingHost({ "/p/main.contract": root("48 hours"), "/p/lib.contract": library });
    const workspace = new Workspace(host, { root: "/p" });
    const result = workspace.check("/p/main.contract");
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((f) => f.uri)).toEqual(["/p/lib.contract", "/p/main.contract"]);
    const site = result.references.find((r) => r.name === "flood");
    expect(site?.target?.uri).toBe("/p/lib.contract");
  });

  it("reuses a result until a file of the document changes, and re-checks only affected documents", () => {
    const host = countingHost({
      "/p/main.contract": root("48 hours"),
      "/p/lib.contract": library,
      "/p/other.contract": library.replace("flood", "quake"),
    });
    const workspace = new Workspace(host, { root: "/p" });
    const first = workspace.check("/p/main.contract");
    const other = workspace.check("/p/other.contract");
    expect(workspace.check("/p/main.contract")).toBe(first);

    workspace.setText("/p/main.contract", root("2 months"));
    const second = workspace.check("/p/main.contract");
    expect(second).not.toBe(first);
    expect(second.diagnostics.map((d) => d.code)).toEqual(["CV400"]);
    expect(workspace.check("/p/other.contract")).toBe(other);
    expect(workspace.dependentsOf("/p/lib.contract")).toEqual(["/p/main.contract"]);

    const readsBefore = host.reads.length;
    workspace.fileChanged("/p/lib.contract");
    workspace.check("/p/main.contract");
    expect(host.reads.slice(readsBefore)).toEqual(["/p/lib.contract"]);
  });

  it("reports missing, cyclic, directory and outside imports at the import", () => {
    const files = {
      "/p/main.contract": 'import "a.contract"\nimport "missing.contract"\nimport "dir"\nimport "../outside.contract"\n',
      "/p/a.contract": 'import "main.contract"\n',
      "/p/dir/x.contract": "",
    };
    const workspace = new Workspace(
      {
        read: (path) =>
          path === "/p/dir"
            ? { kind: "directory" }
            : files[path as keyof typeof files] !== undefined
              ? { kind: "file", text: files[path as keyof typeof files] }
              : { kind: "missing" },
      },
      { root: "/p" },
    );
    const codes = workspace.check("/p/main.contract").diagnostics.map((d) => `${d.uri}:${d.range.start.line}:${d.code}`);
    expect(codes).toEqual(["/p/a.contract:1:CV205", "/p/main.contract:2:CV204", "/p/main.contract:3:CV207", "/p/main.contract:4:CV206"]);
  });
});

describe("position queries", () => {
  it("finds the node, the symbol and the uses at a position", async () => {
    const { nodePathAt, symbolAt, usesOf } = await import("../src/index.js");
    const files = { "/p/main.contract": root("48 hours"), "/p/lib.contract": library };
    const workspace = new Workspace(
      {
        read: (path) =>
          files[path as keyof typeof files] !== undefined ? { kind: "file", text: files[path as keyof typeof files] } : { kind: "missing" },
      },
      { root: "/p" },
    );
    const document = workspace.check("/p/main.contract");
    const text = files["/p/main.contract"];
    const offset = text.indexOf("flood >=") + 2;
    const main = document.files.find((f) => f.uri === "/p/main.contract")!;
    expect(nodePathAt(main, offset).map((n) => n.type)).toEqual(["SourceFile", "Declaration", "Row", "Comparison", "Phrase", "Word"]);
    const symbol = symbolAt(document, "/p/main.contract", offset);
    expect(symbol?.uri).toBe("/p/lib.contract");
    expect(symbolAt(document, "/p/lib.contract", library.indexOf("flood"))).toBe(symbol);
    expect(usesOf(document, symbol!).map((u) => [u.uri, u.range.start.line])).toEqual([["/p/main.contract", 12]]);
  });
});
