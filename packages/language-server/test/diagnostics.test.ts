import { describe, expect, it } from "vitest";
import { DiagnosticSeverity, DiagnosticTag, type PublishDiagnosticsParams } from "vscode-languageserver";
import { DiagnosticsPublisher } from "../src/features/diagnostics.js";
import { CheckScheduler } from "../src/scheduler.js";
import { contract, TestProject, uriOf } from "./support.js";

function publishing(project: TestProject): {
  published: PublishDiagnosticsParams[];
  publisher: DiagnosticsPublisher;
  check: (name: string) => void;
} {
  const published: PublishDiagnosticsParams[] = [];
  const publisher = new DiagnosticsPublisher(project.store, (p) => published.push(p));
  return { published, publisher, check: (name) => publisher.publish(uriOf(name), project.checked(name).checked) };
}

describe("diagnostics", () => {
  it("carry their code, severity, source, related locations and the unnecessary tag", () => {
    const project = new TestProject({
      "main.contract": `import "lib.contract"\n${contract}\nproduct airbag "Airbag" {\n  unit: module\n  supplied_by: supplier\n}\nevent port_closure "Again" {\n  unit: hours\n}\n`,
      "lib.contract": `event port_closure "Port Closure" {\n  unit: hours\n  evidence: "notice"\n}\n`,
    });
    project.open("main.contract");
    const { published, check } = publishing(project);
    check("main.contract");
    const main = published.find((p) => p.uri === uriOf("main.contract"))!;
    expect(main.version).toBe(1);
    const duplicate = main.diagnostics.find((d) => d.code === "CV202")!;
    expect(duplicate).toMatchObject({ severity: DiagnosticSeverity.Error, source: "covenant" });
    expect(duplicate.relatedInformation).toEqual([
      {
        location: { uri: uriOf("lib.contract"), range: { start: { line: 0, character: 6 }, end: { line: 0, character: 18 } } },
        message: "'port_closure' is first declared here",
      },
    ]);
    const unused = main.diagnostics.find((d) => d.code === "CV203")!;
    expect(unused).toMatchObject({ severity: DiagnosticSeverity.Warning, tags: [DiagnosticTag.Unnecessary] });
    // The imported file gets its own (empty) publication, so that fixed problems there are cleared.
    expect(published.find((p) => p.uri === uriOf("lib.contract"))).toEqual({ uri: uriOf("lib.contract"), diagnostics: [] });
  });

  it("show in an imported file what every open importer found there, once", () => {
    const lib = `event e "E" {\n  unit: hours\n}\nevent e "Again" {\n  unit: hours\n}\n`;
    const project = new TestProject({
      "a.contract": `import "lib.contract"\n`,
      "b.contract": `import "lib.contract"\n`,
      "lib.contract": lib,
    });
    project.open("a.contract");
    project.open("b.contract");
    const { publisher, check } = publishing(project);
    check("a.contract");
    check("b.contract");
    expect(publisher.shown(uriOf("lib.contract")).map((d) => d.code)).toEqual(["CV202"]);
    publisher.forget(uriOf("a.contract"));
    expect(publisher.shown(uriOf("lib.contract")).map((d) => d.code)).toEqual(["CV202"]);
    publisher.forget(uriOf("b.contract"));
    expect(publisher.shown(uriOf("lib.contract"))).toEqual([]);
  });

  it("follow an imported file that changes on disk", () => {
    const project = new TestProject({
      "main.contract": `import "lib.contract"\n${contract}\nforce_majeure fm "FM" {\n  trigger storm >= 3\n  relief: suspend delivery for 10 days\n}\n`,
      "lib.contract": `event storm "Storm" {\n  unit: level\n  evidence: "met office"\n}\n`,
    });
    project.open("main.contract");
    const { published, check } = publishing(project);
    const codes = (): string[] =>
      published
        .filter((p) => p.uri === uriOf("main.contract"))
        .at(-1)!
        .diagnostics.map((d) => d.code);
    check("main.contract");
    expect(codes()).not.toContain("CV200");
    project.writeDisk("lib.contract", `event gale "Gale" {\n  unit: level\n  evidence: "met office"\n}\n`);
    expect(project.store.dependentsOf("/p/lib.contract")).toEqual([uriOf("main.contract")]);
    check("main.contract");
    expect(codes()).toContain("CV200");
  });

  it("re-parse only the edited item of a large open document", () => {
    const items = Array.from({ length: 20 }, (_, i) => `event e${i} "E${i}" {\n  unit: hours\n  evidence: "x"\n}\n`).join("\n");
    const project = new TestProject({ "lib.contract": items });
    project.open("lib.contract");
    project.parsed("lib.contract");
    const uri = uriOf("lib.contract");
    project.store.changeDocument(uri, 2, [{ range: { start: { line: 6, character: 8 }, end: { line: 6, character: 13 } }, text: "days" }]);
    const view = project.parsed("lib.contract");
    expect(project.store.parser.reused).toBe(1);
    expect(view.parsed.text.split("\n")[6]).toBe("  unit: days");
    expect(project.checked("lib.contract").checked.diagnostics).toEqual([]);
  });
});

describe("the check scheduler", () => {
  it("checks a burst of edits once, with the last text", async () => {
    const checked: string[] = [];
    const scheduler = new CheckScheduler(
      (uri) => checked.push(uri),
      0,
      () => undefined,
    );
    for (let i = 0; i < 5; i++) scheduler.schedule(["file:///a"]);
    await scheduler.idle();
    expect(checked).toEqual(["file:///a"]);
  });

  it("stops a run when a new edit arrives and hands the rest on", async () => {
    const checked: string[] = [];
    let edited = false;
    const scheduler: CheckScheduler = new CheckScheduler(
      (uri) => {
        checked.push(uri);
        // An edit arrives while the first document is checked: the run must stop before the next one.
        if (!edited) {
          edited = true;
          scheduler.schedule(["file:///a"]);
        }
      },
      0,
      () => undefined,
    );
    scheduler.schedule(["file:///a", "file:///b", "file:///c"]);
    await scheduler.idle();
    expect(checked[0]).toBe("file:///a");
    expect(checked.sort()).toEqual(["file:///a", "file:///a", "file:///b", "file:///c"]);
  });

  it("reports a failing check and goes on", async () => {
    const errors: string[] = [];
    const checked: string[] = [];
    const scheduler = new CheckScheduler(
      (uri) => {
        if (uri === "file:///bad") throw new Error("boom");
        checked.push(uri);
      },
      0,
      (uri) => errors.push(uri),
    );
    scheduler.schedule(["file:///bad", "file:///good"]);
    await scheduler.idle();
    expect(errors).toEqual(["file:///bad"]);
    expect(checked).toEqual(["file:///good"]);
  });
});
