import { describe, expect, it } from "vitest";
import { Workspace, memoryHost } from "../src/index.js";

/**
 * A declaration the parser skips for its nesting (CV104) is one finding: its name still binds, so a
 * reference to it is not also unknown (CV200), and the names written in it are not unused (CV203).
 * A table over every kind of declaration others refer to, times every way of being skipped.
 */

const header = `contract "C" {
  kind: supply
  effective: 2026-04-01
  term: 5 years
  governing_law: "Japan"
  currency: USD
}

party supplier "S" {
  role: supplier
  jurisdiction: JP
}

party buyer "B" {
  role: buyer
  jurisdiction: CN
}

milestone sop "Start" {
  due: 2026-10-01
  payment: USD 1_000 to supplier
  responsible: buyer
}
`;

/** How each kind is declared (around a member line that gets it skipped) and referred to. */
const kinds: readonly { kind: string; declare: (member: string) => string; refer: string }[] = [
  {
    kind: "party",
    declare: (m) => `party x "X" {\n  role: guarantor\n  jurisdiction: JP\n  ${m}\n}\n`,
    refer: `obligation o "O" {\n  party: x\n  must: "pay"\n}\n`,
  },
  {
    kind: "product",
    declare: (m) => `product x "X" {\n  unit: module\n  supplied_by: supplier\n  ${m}\n}\n`,
    refer: `pricing p for x {\n  basis: annual_volume\n  tier 1 ..: USD 1.00\n}\n`,
  },
  {
    kind: "event",
    declare: (m) => `event x "X" {\n  unit: hours\n  evidence: "agency"\n  ${m}\n}\n`,
    refer: `force_majeure f {\n  trigger x >= 72 hours\n  relief: suspend delivery for 10 days\n}\ntermination {\n  cause: f lasting 30 days\n}\n`,
  },
  {
    kind: "force_majeure",
    declare: (m) => `force_majeure x {\n  relief: suspend delivery for 10 days\n  ${m}\n}\n`,
    refer: `termination {\n  cause: x lasting 30 days\n}\n`,
  },
  {
    kind: "escalation",
    declare: (m) => `escalation x {\n  step day 0: notify supplier\n  ${m}\n}\n`,
    refer: `milestone m "M" {\n  due: 2026-10-01\n  on_miss: x\n}\n`,
  },
];

/** Member lines that get a declaration skipped, each naming `sop` (which must then count as used). */
const skips: readonly { why: string; member: string }[] = [
  { why: "brackets nested 70 deep", member: `deliverable: ${"[".repeat(70)}sop${"]".repeat(70)}` },
  { why: "parentheses nested 70 deep", member: `deliverable: ${"(".repeat(70)}sop${")".repeat(70)}` },
  { why: "'not' repeated 65 times", member: `trigger ${"not ".repeat(65)}sop >= 1 hours` },
];

function codes(text: string): string[] {
  const workspace = new Workspace(memoryHost({ "/p/main.contract": text }), { root: "/p" });
  return workspace.check("/p/main.contract").diagnostics.map((d) => d.code);
}

describe("a declaration skipped for its nesting", () => {
  it.each(kinds.flatMap((k) => skips.map((s) => [`${k.kind}, ${s.why}`, k, s] as const)))("%s: binds its name, one finding", (_, k, s) => {
    const declared = k.declare(s.member);
    // The same document with the declaration read is clean: every finding below comes from the skip.
    expect(codes(`${header}\n${k.declare("")}\n${k.refer}`)).toEqual([]);
    expect(codes(`${header}\n${declared}\n${k.refer}`)).toEqual(["CV104"]);
  });

  it("counts the names written inside it as used: an event only a skipped force majeure names", () => {
    const text = `${header}
event quake "Quake" {
  unit: level
  evidence: "agency"
}

force_majeure fm {
  trigger ${"not ".repeat(65)}quake >= 4
  relief: suspend delivery for 10 days
}

termination {
  cause: fm lasting 30 days
}
`;
    expect(codes(text)).toEqual(["CV104"]);
  });
});
