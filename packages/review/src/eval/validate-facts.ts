import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { kpiPeriodLabels } from "./kpi-periods.js";
import { factCategories, type JsonSchema } from "./facts-schema.js";
import { maxFactsProblems, pathOf, problemAt, type FactsFile, type FactsProblem } from "./facts-json.js";

/**
 * Validates facts against the contract's facts schema with ajv, and turns ajv's errors into one
 * plain message per problem, at the line and column of the value (or key) it is about:
 * `'seatbelt' is not a product of this contract; its products are airbag`.
 */
export function validateFacts(file: FactsFile, schema: JsonSchema): FactsProblem[] {
  const validate = validatorFor(schema);
  if (validate(file.value)) return [];
  const errors = validate.errors ?? [];
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const here = byPath.get(error.instancePath);
    if (here) here.push(error);
    else byPath.set(error.instancePath, [error]);
  }
  // Every pointer with an error below it, from each error's ancestors: linear in the errors, where
  // comparing every pair of pointers was quadratic (minutes for a file of 500,000 wrong values).
  const hasDeeper = new Set<string>();
  for (const pointer of byPath.keys()) {
    if (pointer !== "") hasDeeper.add("");
    for (let slash = pointer.lastIndexOf("/"); slash > 0; slash = pointer.lastIndexOf("/", slash - 1))
      hasDeeper.add(pointer.slice(0, slash));
  }
  const problems: FactsProblem[] = [];
  for (const [pointer, here] of byPath) {
    // One more than are reported, so the caller knows there were more; each message costs a search of its object.
    const room = maxFactsProblems + 1 - problems.length;
    if (room <= 0) break;
    // An object given where a number or an object may go: the deeper error is the real one.
    if (hasDeeper.has(pointer) && here.every((e) => e.keyword === "anyOf" || e.keyword === "type" || e.keyword === "pattern")) continue;
    for (const item of messagesAt(file, schema, pointer, here, room)) problems.push(item);
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Compiling a schema costs far more than validating with it: the last few compiled validators are kept. */
const compiled = new Map<string, ValidateFunction>();

function validatorFor(schema: JsonSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    if (compiled.size >= 8) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, validate);
  }
  return validate;
}

/** The problems at one pointer, at most `limit` of them. */
function messagesAt(file: FactsFile, schema: JsonSchema, pointer: string, errors: readonly ErrorObject[], limit: number): FactsProblem[] {
  const path = pathOf(pointer);
  const where = pointer === "" ? "the facts" : `'${path.join(".")}'`;
  const extra = errors.filter((e) => e.keyword === "additionalProperties" || e.keyword === "propertyNames");
  if (extra.length > 0) {
    return extra.slice(0, limit).map((e) => {
      const params = e.params as { additionalProperty?: string; propertyName?: string };
      const key = String(params.additionalProperty ?? params.propertyName);
      return problemAt(file, path, unknownKeyMessage(schema, path, key), key);
    });
  }
  const required = errors.filter((e) => e.keyword === "required");
  if (required.length > 0) {
    return required
      .slice(0, limit)
      .map((e) => problemAt(file, path, `${where} needs '${(e.params as { missingProperty: string }).missingProperty}'`));
  }
  const schemaPaths = errors.map((e) => e.schemaPath).join(" ");
  if (path[0] === "events" && path.length === 2) {
    return [
      problemAt(file, path, `${where} must be a measurement (a number or a decimal string) or { "value": ..., "since": "YYYY-MM-DD" }`),
    ];
  }
  if (path[0] === "milestones" && path[2] === "delivered") {
    return [problemAt(file, path, `${where} must be the date it was delivered ("2026-10-01") or null`)];
  }
  if (schemaPaths.includes("$defs/decimal")) {
    return [problemAt(file, path, `${where} must be a number or a decimal string such as "23000" or "0.1"`)];
  }
  if (schemaPaths.includes("$defs/date")) return [problemAt(file, path, `${where} must be a date such as "2027-01-15"`)];
  if (path[0] === "kpis" && path[3] === "period" && errors.some((e) => e.keyword === "pattern")) {
    const forms = Object.entries(kpiPeriodLabels).map(([period, label]) => `${label.example} (${period.replace("_", "-")})`);
    return [problemAt(file, path, `${where} is not a period: write it as the KPI's period is, one of ${forms.join(", ")}`)];
  }
  const first = errors.find((e) => e.keyword !== "anyOf") ?? errors[0]!;
  return [problemAt(file, path, `${where} ${first.message ?? "is not valid"}`)];
}

/** `'seatbelt' is not a product of this contract; its products are airbag`. */
function unknownKeyMessage(schema: JsonSchema, path: readonly (string | number)[], key: string): string {
  const allowed = namesAt(schema, path);
  if (path.length === 0) {
    if (key in factCategories)
      return `This contract has no ${factCategories[key as keyof typeof factCategories].many}, so it takes no '${key}'`;
    const known = allowed.filter((k) => k !== "$schema");
    const near = closest(key, [...known, ...Object.keys(factCategories)]);
    return `Unknown fact '${key}'${near ? `; did you mean '${near}'?` : "."} This contract's facts may give: ${known.join(", ")}`;
  }
  if (path.length === 1 && String(path[0]) in factCategories) {
    const noun = factCategories[String(path[0]) as keyof typeof factCategories];
    const near = closest(key, allowed);
    return `'${key}' is not ${noun.one} of this contract${near ? `; did you mean '${near}'?` : "."} Its ${noun.many}: ${allowed.join(", ")}`;
  }
  return `'${key}' is not expected in '${path.join(".")}'; expected ${allowed.join(", ")}`;
}

/** The candidate within two edits of `word` (a typo such as `volume` for `volumes`), if one is. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    // Lengths further apart than two edits cannot be within two: skipping them keeps a megabyte-long key from costing seconds per candidate.
    if (Math.abs(word.length - candidate.length) > 2) continue;
    const distance = editDistance(word, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The names the schema allows at a path: a category's `propertyNames`, or an object's `properties`. */
function namesAt(schema: JsonSchema, path: readonly (string | number)[]): string[] {
  let node: Record<string, unknown> | undefined = schema as Record<string, unknown>;
  for (const part of path) {
    if (!node) break;
    const properties = node["properties"] as Record<string, Record<string, unknown>> | undefined;
    node =
      typeof part === "number"
        ? (node["items"] as Record<string, unknown>)
        : (properties?.[part] ?? (node["additionalProperties"] as Record<string, unknown>));
  }
  const names = (node?.["propertyNames"] as { enum?: string[] } | undefined)?.enum;
  return names ?? Object.keys((node?.["properties"] as Record<string, unknown>) ?? {});
}
