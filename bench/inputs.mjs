/**
 * The benchmark inputs, written to a temporary folder (never committed): generated contracts of
 * about 1,000, 10,000 and 100,000 lines, each with a revision (same shape, other figures: what a
 * negotiation round changes) and a facts file for `eval`; and a workspace of 200 files, a root
 * contract importing 199 clause libraries.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { generateContract, generateWorkspace } from "../test/tools/generate-contract.mjs";

export const sizes = [
  { name: "1k", lines: 1_000 },
  { name: "10k", lines: 10_000 },
  { name: "100k", lines: 100_000 },
];

/** Facts for every group of a generated contract: volumes, index movements, KPI measurements, events, milestones. */
export function factsFor(text) {
  const facts = { as_of: "2027-06-30", volumes: {}, indices: {}, kpis: {}, events: {}, milestones: {}, parties: { supplier: { insolvent: false } } };
  for (const [, i] of text.matchAll(/^product part_(\d+)/gm)) {
    facts.volumes[`part_${i}`] = 12_000 + Number(i);
    facts.indices[`aluminium_${i}`] = 4.5;
    facts.indices[`copper_${i}`] = -2;
    facts.kpis[`delivery_${i}`] = [
      { period: "2027-04", value: 96.5, invoice: "1250000.00" },
      { period: "2027-05", value: 99.7, invoice: "1250000.00" },
    ];
    facts.kpis[`quality_${i}`] = [{ period: "2027-04", value: 72 }];
    facts.events[`closure_${i}`] = { value: 60, since: "2027-05-02" };
    facts.milestones[`ppap_${i}`] = { delivered: null };
  }
  return facts;
}

export function writeInputs() {
  const dir = mkdtempSync(join(tmpdir(), "covenant-bench-"));
  writeFileSync(join(dir, "covenant.json"), "{}\n");
  const contracts = sizes.map(({ name, lines }) => {
    const text = generateContract({ lines, seed: 1 });
    const file = join(dir, `contract-${name}.contract`);
    const revision = join(dir, `contract-${name}.v2.contract`);
    const facts = join(dir, `contract-${name}.facts.json`);
    writeFileSync(file, text);
    writeFileSync(revision, generateContract({ lines, seed: 2 }));
    writeFileSync(facts, JSON.stringify(factsFor(text), null, 2));
    return { name, file, revision, facts, lines: text.split("\n").length, kib: Math.round(text.length / 1024) };
  });
  const workspaceDir = join(dir, "workspace");
  const files = generateWorkspace({ files: 200, linesPerFile: 150, seed: 1 });
  let lines = 0;
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspaceDir, relative)), { recursive: true });
    writeFileSync(join(workspaceDir, relative), text);
    lines += text.split("\n").length;
  }
  writeFileSync(join(workspaceDir, "covenant.json"), "{}\n");
  const workspace = {
    dir: workspaceDir,
    main: join(workspaceDir, "main.contract"),
    clause: join(workspaceDir, "clauses/part-100.contract"),
    files: Object.keys(files).length,
    lines,
  };
  return { dir, contracts, workspace };
}
