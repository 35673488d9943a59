/**
 * The golden cases of `covenant diff` and `covenant eval`: each runs the built CLI from the
 * repository root and compares what it prints (stdout, or stderr for bad input) and its exit code
 * with the file in golden/. `pnpm golden:review` rewrites the files; read their diff before committing.
 */
const supply = ["examples/supply-agreement.contract", "test/review/supply-agreement.v2.contract"];
const preferred = ["examples/preferred-supplier.contract", "test/review/preferred-supplier.v2.contract"];
const evalCase = (name) => ["eval", `examples/${name}.contract`, "--facts", `test/review/facts/${name}.facts.json`];

export const cases = [
  { golden: "supply-agreement.diff.txt", args: ["diff", "--exit-code", ...supply], exit: 1 },
  { golden: "supply-agreement.diff.md", args: ["diff", "-f", "markdown", ...supply], exit: 0 },
  { golden: "supply-agreement.diff.json", args: ["diff", "-f", "json", ...supply], exit: 0 },
  { golden: "supply-agreement.redline.md", args: ["diff", "--prose", ...supply], exit: 0 },
  { golden: "supply-agreement.redline.html", args: ["diff", "--prose", "--to", "html", ...supply], exit: 0 },
  { golden: "supply-agreement.redline-changed.md", args: ["diff", "--prose", "--changed-only", ...supply], exit: 0 },
  { golden: "supply-agreement.redline-changed.html", args: ["diff", "--prose", "--changed-only", "--to", "html", ...supply], exit: 0 },
  { golden: "supply-agreement.terms.txt", args: ["diff", "--terms", supply[0]], exit: 0 },
  { golden: "preferred-supplier.diff.txt", args: ["diff", ...preferred], exit: 0 },
  { golden: "preferred-supplier.diff.md", args: ["diff", "-f", "markdown", ...preferred], exit: 0 },
  { golden: "preferred-supplier.diff.json", args: ["diff", "-f", "json", ...preferred], exit: 0 },
  { golden: "preferred-supplier.redline.md", args: ["diff", "--prose", ...preferred], exit: 0 },
  { golden: "preferred-supplier.redline-changed.md", args: ["diff", "--prose", "--changed-only", ...preferred], exit: 0 },
  { golden: "supply-agreement.eval.txt", args: evalCase("supply-agreement"), exit: 0 },
  { golden: "supply-agreement.eval.json", args: [...evalCase("supply-agreement"), "-f", "json"], exit: 0 },
  { golden: "preferred-supplier.eval.txt", args: evalCase("preferred-supplier"), exit: 0 },
  { golden: "preferred-supplier.eval.json", args: [...evalCase("preferred-supplier"), "-f", "json"], exit: 0 },
  { golden: "licence-tech-transfer.eval.txt", args: evalCase("licence-tech-transfer"), exit: 0 },
  { golden: "joint-development.eval.txt", args: evalCase("joint-development"), exit: 0 },
  { golden: "supply-agreement.facts-schema.json", args: ["eval", "--facts-schema", supply[0]], exit: 0 },
  {
    golden: "bad-facts.stderr.txt",
    args: ["eval", supply[0], "--facts", "test/review/facts/bad.facts.json"],
    exit: 2,
    stream: "stderr",
  },
];
