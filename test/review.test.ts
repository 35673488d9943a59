import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module shared with the golden generator
import { cases } from "./review/cases.mjs";

const repo = join(import.meta.dirname, "..");
const bin = join(repo, "packages/cli/dist/covenant.mjs");

interface Case {
  readonly golden: string;
  readonly args: readonly string[];
  readonly exit: number;
  readonly stream?: "stderr";
}

function covenant(args: readonly string[], cwd = repo): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe("golden outputs of covenant diff and covenant eval (pnpm golden:review rewrites them)", () => {
  for (const c of cases as Case[]) {
    it(c.golden, () => {
      const { code, stdout, stderr } = covenant(c.args);
      expect(c.stream === "stderr" ? stderr : stdout).toBe(readFileSync(join(repo, "test/review/golden", c.golden), "utf8"));
      expect(code).toBe(c.exit);
    });
  }
});

describe("covenant diff as a reviewer uses it", () => {
  it("reports the changes the issue names, with favour and materiality", () => {
    const { stdout } = covenant(["diff", "examples/supply-agreement.contract", "test/review/supply-agreement.v2.contract"]);
    expect(stdout).toContain("tier 10,000–49,999 modules: USD 171.50 → USD 170.00   material · favours buyer");
    expect(stdout).toContain("target: ≤ 50 ppm → ≤ 40 ppm");
    expect(stdout).toContain("territory: + KR");
    expect(stdout).toContain("exclusive: false → true   material · favours licensee");
    expect(stdout).toContain("escalation milestone_ladder (renamed from ladder)");
  });

  it("gives an empty diff and exit 0 for a file and its comment- and layout-only rewrite", () => {
    const dir = mkdtempSync(join(tmpdir(), "covenant-diff-"));
    mkdirSync(join(dir, "library"));
    copyFileSync(join(repo, "examples/library/standard-terms.contract"), join(dir, "library/standard-terms.contract"));
    const original = readFileSync(join(repo, "examples/supply-agreement.contract"), "utf8");
    const relaid = original
      .replace(/\n {2}/g, "\n      ")
      .replace(/\n\n/g, "\n\n// a reviewer's note\n\n")
      .replace("tier 10_000 .. 49_999: USD 171.50", "tier 10000..49999: USD 171.5");
    writeFileSync(join(dir, "a.contract"), original);
    writeFileSync(join(dir, "b.contract"), relaid);
    const { code, stdout } = covenant(["diff", "--exit-code", join(dir, "a.contract"), join(dir, "b.contract")]);
    expect(stdout).toContain("no term changes");
    expect(code).toBe(0);
  });

  it("exits 2 with diagnostics for a contract that does not parse", () => {
    const dir = mkdtempSync(join(tmpdir(), "covenant-diff-"));
    writeFileSync(join(dir, "broken.contract"), 'contract "X" {\n  kind: supply\n  term: {\n');
    writeFileSync(
      join(dir, "ok.contract"),
      'product p "P" {\n  unit: module\n  supplied_by: s\n}\nparty s "S" {\n  role: supplier\n  jurisdiction: JP\n}\n',
    );
    const { code, stderr } = covenant(["diff", join(dir, "ok.contract"), join(dir, "broken.contract")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/error CV10\d/);
    expect(stderr).toContain("cannot compare terms");
  });

  it("exits 2 naming a missing file", () => {
    const { code, stderr } = covenant(["diff", "examples/supply-agreement.contract", "nope.contract"]);
    expect(code).toBe(2);
    expect(stderr).toContain("cannot read 'nope.contract'");
  });
});

describe("covenant eval", () => {
  it("reads numbers exactly from their JSON text and names a product the contract does not have", () => {
    const dir = mkdtempSync(join(tmpdir(), "covenant-eval-"));
    const facts = join(dir, "facts.json");
    writeFileSync(
      facts,
      JSON.stringify({ volumes: { airbag: 10000 }, indices: { aluminium: 0.1 } }).replace("0.1", "0.1000000000000000055511151231257827"),
    );
    const { code, stdout } = covenant(["eval", "examples/supply-agreement.contract", "--facts", facts, "-f", "json"]);
    expect(code).toBe(0);
    const price = JSON.parse(stdout).prices[0];
    // 171.50 × (1 + 35% × 0.1000000000000000055511151231257827%), rounded half up to 2 decimals.
    expect(price.indexedPrice).toEqual({ currency: "USD", amount: "171.56" });
    expect(price.trace[2]).toContain("+0.1000000000000000055511151231257827%");

    writeFileSync(facts, '{\n  "volumes": { "seatbelt": 5 }\n}\n');
    const bad = covenant(["eval", "examples/supply-agreement.contract", "--facts", facts]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(":2:16 error 'seatbelt' is not a product of this contract. Its products: airbag");
  });

  it("exits 2 on a facts file that is not JSON, at the position of the problem", () => {
    const dir = mkdtempSync(join(tmpdir(), "covenant-eval-"));
    writeFileSync(join(dir, "facts.json"), '{ "volumes": { "airbag": 100, } }');
    const { code, stderr } = covenant(["eval", "examples/supply-agreement.contract", "--facts", join(dir, "facts.json")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/facts\.json:1:31 error Expected a property name/);
  });

  it("exits 1 for a contract with errors and 2 without --facts", () => {
    expect(covenant(["eval", "test/fixtures/cli/broken.contract", "--facts", "x.json"]).code).toBe(1);
    expect(covenant(["eval", "examples/supply-agreement.contract"]).code).toBe(2);
  });
});
