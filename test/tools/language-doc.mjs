#!/usr/bin/env node
/**
 * Renders docs/language.md — the reference of every declaration kind, its fields, rows and nested
 * blocks — from the kind schemas in packages/core (the one source of truth). `--write` updates the
 * file; the test suite fails when the committed file is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { kindSchemas, topLevelKinds, durationUnits, quantityUnits, shareBases, escalationActions, roundingModes, partyRoles } from "../../packages/core/dist/index.js";

const typeNames = {
  text: "Text",
  date: "Date",
  bool: "Bool",
  integer: "Number (whole)",
  percent: "Percent",
  duration: "Duration",
  money: "Money",
  currency: "Code (ISO 4217 currency)",
  country: "Code (ISO 3166-1 alpha-2 country)",
  territory: "List of country codes, or `worldwide`",
  unit: "Unit",
  target: "Comparison (`>= 98%`, `<= 50 ppm`)",
  amount: "Money or Share (`USD 2_000`, `0.5% of invoice`)",
  step: "Step (`1% below target`, `10 ppm above target`)",
  condition: "Condition",
  cause: "Condition, optionally `cure DURATION`",
  convenience: "`PARTY with notice DURATION` (`paying MONEY declining PERCENT per UNIT`)",
  action: "Action (`suspend delivery for 60 days`)",
  rounding: "Rounding (`half_up to 2 decimals`)",
  every: "Interval (`every 12 months`)",
  payment: "Payment (`MONEY to PARTY`, `PERCENT of contract_value to PARTY`)",
  volume: "Rate (`400_000 module per year`)",
  shortfall: "Rate, Share or Credit (`USD 12.00 per module`, `10% of price`, `credit USD 5.00 per module expiring 12 months`)",
  allocation: "Allocation (`by fault`, `[supplier 70%, buyer 30%]`)",
  quantity: "Quantity (`500 module`)",
};

function typeName(type) {
  if (type.type === "enum") return `one of ${type.values.map((v) => `\`${v}\``).join(", ")}`;
  if (type.type === "reference") return `Reference to ${type.kinds.map((k) => `\`${k}\``).join(" or ")}`;
  if (type.type === "list") return `List of ${typeName(type.of)}`;
  if (type.type === "duration" && type.allowPerpetual) return "Duration or `perpetual`";
  return typeNames[type.type];
}

function header(schema) {
  const parts = [schema.kind];
  if (schema.name !== "forbidden") parts.push(schema.name === "required" ? "name" : "name?");
  if (schema.title !== "forbidden") parts.push(schema.title === "required" ? '"Title"' : '"Title"?');
  if (schema.subject) parts.push(`for ${schema.subject.kinds.join("|")}`);
  return `${parts.join(" ")} { ... }`;
}

const ruleWords = { positive: "> 0", non_negative: "≥ 0", any: "any sign" };

/** The sign rules of a field or row: `time > 0`, `level ≥ 0; time > 0`. */
function signs(rules) {
  const parts = Object.entries(rules ?? {}).map(([part, rule]) => `${part} ${ruleWords[rule]}`);
  return parts.length ? parts.join("; ") : "—";
}

function section(schema, level) {
  const hashes = "#".repeat(level);
  const once = level > 3 ? [schema.repeatable ? "May be given more than once." : "Given at most once (CV302)."] : [];
  const out = [`${hashes} \`${schema.kind}\``, "", [schema.doc, ...once].join(" "), "", "```contract", header(schema), "```", ""];
  const fields = Object.entries(schema.fields);
  if (fields.length) {
    out.push("| field | type | required | numbers | meaning |", "|---|---|---|---|---|");
    for (const [name, spec] of fields) {
      out.push(`| \`${name}\` | ${typeName(spec.value)} | ${spec.required ? "yes" : spec.repeatable ? "repeatable" : "no"} | ${signs(spec.signs)} | ${spec.doc.replace(/\|/g, "\\|")} |`);
    }
    out.push("");
  }
  for (const [word, row] of Object.entries(schema.rows ?? {})) out.push(`Rows \`${word}\`: ${row.doc} Numbers: ${signs(row.signs)}.`, "");
  for (const block of Object.values(schema.blocks ?? {})) out.push(...section(block, level + 1));
  return out;
}

export function renderLanguageDoc() {
  const lines = [
    "# Covenant language reference",
    "",
    "<!-- Generated from packages/core/src/semantics/schema.ts by `pnpm docs:language`; do not edit by hand. -->",
    "",
    "The syntax is in [`grammar/README.md`](../grammar/README.md); what each declaration kind holds is here.",
    "Every field has a type; the checker reads the field's phrase as a value of that type and reports",
    "CV303 when it cannot. Unknown fields are CV300, missing required fields CV301, repeated fields and blocks CV302.",
    "The numbers column gives the sign rule of each part of a value that holds a number (CV307): `amount`",
    "(money, percentages, shares, quantities), `time` (durations), `level` (targets and thresholds) and `band`",
    "(the volumes of a band); `> 0` must be more than zero, `≥ 0` zero or more.",
    "",
    "## Vocabulary",
    "",
    `- Durations: ${Object.keys(durationUnits).map((u) => `\`${u}\``).join(", ")}.`,
    `- Units of quantities and products: ${quantityUnits.map((u) => `\`${u}\``).join(", ")}; a product's or event's own \`unit\` is accepted too.`,
    `- Shares are percentages of: ${shareBases.map((u) => `\`${u}\``).join(", ")}.`,
    `- Party roles (a reference to a party may name a role): ${partyRoles.map((u) => `\`${u}\``).join(", ")}.`,
    `- Escalation actions: ${escalationActions.map((u) => `\`${u}\``).join(", ")}.`,
    `- Rounding modes: ${roundingModes.map((u) => `\`${u}\``).join(", ")}.`,
    "- Conditions: `breach of NAME (for N (consecutive)? periods)?`, `insolvency of PARTY`, `insolvency of any party`,",
    "  `change_of_control of PARTY`, `NAME lasting DURATION`, `missed MILESTONE`, `EVENT >= LEVEL`, free text in quotes",
    "  (legal but not measurable: CV900), combined with `and`, `or`, `not` and parentheses.",
    "",
    "## Declaration kinds",
    "",
  ];
  for (const kind of topLevelKinds) lines.push(...section(kindSchemas[kind], 3));
  return lines.join("\n").replace(/\n+$/, "\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = fileURLToPath(new URL("../../docs/language.md", import.meta.url));
  const text = renderLanguageDoc();
  if (process.argv.includes("--write")) writeFileSync(target, text);
  else if (readFileSync(target, "utf8") !== text) {
    console.error("docs/language.md is stale: run `pnpm docs:language`");
    process.exitCode = 1;
  }
}
