import { kindSchemas, roundingModes, shareBases, topLevelKinds, type KindSchema, type ValueType } from "@covenant/core";
import type { Json } from "./canonical.js";
import { termsFormat } from "./terms-json.js";

/**
 * The JSON Schema (draft 2020-12) of the JSON output, generated from the kind schemas of the core,
 * so the schema cannot drift from the language. `schema.json` in the package is this function's
 * output; a test checks that the committed file is current, and `pnpm golden` rewrites it.
 */

type Schema = { [key: string]: Json };

const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });
const oneOf = (...schemas: Schema[]): Schema => ({ oneOf: schemas });
const object = (properties: Record<string, Schema>, required: readonly string[]): Schema => ({
  type: "object",
  properties,
  required: [...required],
  additionalProperties: false,
});
const array = (items: Schema): Schema => ({ type: "array", items });
const durationUnitNames = ["hours", "days", "business_days", "weeks", "months", "years"];

/** Shared definitions: decimals, money, durations, conditions, ... */
const definitions: Record<string, Schema> = {
  decimal: {
    type: "string",
    pattern: "^-?\\d+(\\.\\d+)?$",
    description: "An exact decimal as a string, without trailing zeros (money keeps its currency's minor units).",
  },
  date: { type: "string", format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
  name: {
    type: "string",
    pattern: "^[A-Za-z_][A-Za-z0-9_]*$",
    description: "The name of a declaration (a party named by its role is written as the party's name).",
  },
  currency: { type: "string", pattern: "^[A-Z]{3}$" },
  country: { type: "string", pattern: "^[A-Z]{2}$" },
  percent: object({ percent: ref("decimal") }, ["percent"]),
  money: object({ amount: ref("decimal"), currency: ref("currency") }, ["amount", "currency"]),
  duration: object({ amount: ref("decimal"), unit: { enum: durationUnitNames } }, ["amount", "unit"]),
  quantity: object({ amount: ref("decimal"), unit: { type: "string" } }, ["amount", "unit"]),
  number: object({ number: ref("decimal") }, ["number"]),
  measure: oneOf(ref("percent"), ref("quantity"), ref("number")),
  share: object({ percent: ref("decimal"), of: { enum: [...shareBases] } }, ["percent", "of"]),
  band: object({ from: ref("decimal"), to: ref("decimal") }, ["from"]),
  location: object({ file: { type: "string" }, line: { type: "integer", minimum: 1 }, column: { type: "integer", minimum: 1 } }, [
    "file",
    "line",
    "column",
  ]),
  action: object(
    { verb: { type: "string" }, object: array({ type: "string" }), party: ref("name"), within: ref("duration"), for: ref("duration") },
    ["verb", "object"],
  ),
  condition: oneOf(
    object({ all: array(ref("condition")) }, ["all"]),
    object({ any: array(ref("condition")) }, ["any"]),
    object({ not: ref("condition") }, ["not"]),
    object({ event: ref("name"), operator: { enum: [">=", "<=", ">", "<", "="] }, value: ref("measure") }, ["event", "operator", "value"]),
    object({ breach: ref("name"), periods: { type: "integer", minimum: 1 }, consecutive: { type: "boolean" } }, ["breach"]),
    object({ insolvency: ref("name") }, ["insolvency"]),
    object({ change_of_control: ref("name") }, ["change_of_control"]),
    object({ lasting: ref("name"), duration: ref("duration") }, ["lasting", "duration"]),
    object({ missed: ref("name") }, ["missed"]),
    object({ text: { type: "string" } }, ["text"]),
  ),
};

/** The JSON of a field's value type. */
function valueSchema(type: ValueType): Schema {
  switch (type.type) {
    case "text":
      return { type: "string" };
    case "date":
      return ref("date");
    case "bool":
      return { type: "boolean" };
    case "integer":
      return ref("decimal");
    case "percent":
      return ref("percent");
    case "duration":
      return type.allowPerpetual ? oneOf(ref("duration"), object({ perpetual: { const: true } }, ["perpetual"])) : ref("duration");
    case "money":
      return ref("money");
    case "currency":
      return ref("currency");
    case "country":
      return ref("country");
    case "territory":
      return oneOf({ const: "worldwide" }, array(ref("country")));
    case "unit":
      return { type: "string" };
    case "enum":
      return { enum: [...type.values] };
    case "reference":
      return ref("name");
    case "list":
      return array(valueSchema(type.of));
    case "target":
      return object({ operator: { enum: [">=", "<=", ">", "<", "="] }, value: ref("measure") }, ["operator", "value"]);
    case "amount":
      return oneOf(ref("money"), ref("share"));
    case "step":
      return object({ amount: ref("measure"), direction: { enum: ["below", "above"] } }, ["amount", "direction"]);
    case "condition":
      return ref("condition");
    case "cause":
      return object({ condition: ref("condition"), cure: ref("duration") }, ["condition"]);
    case "convenience":
      return object(
        {
          party: ref("name"),
          notice: ref("duration"),
          fee: ref("money"),
          declining: object({ percent: ref("decimal"), per: { enum: durationUnitNames } }, ["percent", "per"]),
        },
        ["party", "notice"],
      );
    case "action":
      return ref("action");
    case "rounding":
      return object({ mode: { enum: [...roundingModes] }, decimals: { type: "integer", minimum: 0, maximum: 12 } }, ["mode", "decimals"]);
    case "every":
      return ref("duration");
    case "payment":
      return object({ amount: oneOf(ref("money"), ref("share")), to: ref("name") }, ["amount", "to"]);
    case "volume":
      return object({ amount: ref("quantity"), per: { type: "string" } }, ["amount", "per"]);
    case "shortfall":
      return oneOf(
        object({ amount: ref("money"), per: { type: "string" } }, ["amount", "per"]),
        ref("share"),
        object({ credit: object({ amount: ref("money"), per: { type: "string" } }, ["amount", "per"]), expires: ref("duration") }, [
          "credit",
          "expires",
        ]),
      );
    case "allocation":
      return oneOf(
        object({ by_fault: { const: true } }, ["by_fault"]),
        object({ shares: array(object({ party: ref("name"), percent: ref("decimal") }, ["party", "percent"])) }, ["shares"]),
      );
    case "quantity":
      return ref("quantity");
  }
}

/** The JSON of a declaration (or nested block) of a kind. */
function declarationSchema(schema: KindSchema): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  if (schema.name !== "forbidden") properties["name"] = ref("name");
  if (schema.name === "required") required.push("name");
  if (schema.title !== "forbidden") properties["title"] = { type: "string" };
  if (schema.title === "required") required.push("title");
  if (schema.subject) properties["for"] = ref("name");
  if (schema.subject?.required) required.push("for");
  for (const [name, field] of Object.entries(schema.fields)) {
    properties[name] = field.repeatable ? array(valueSchema(field.value)) : valueSchema(field.value);
    if (field.required && !field.repeatable) required.push(name);
  }
  for (const [word, row] of Object.entries(schema.rows ?? {})) {
    const body =
      row.head === "trigger"
        ? object({ condition: ref("condition"), location: ref("location") }, ["condition"])
        : row.head === "day"
          ? object({ day: ref("decimal"), action: ref("action"), location: ref("location") }, ["day", "action"])
          : object(
              {
                band: ref("band"),
                [row.value === "money" ? "price" : "rate"]: row.value === "money" ? ref("money") : ref("percent"),
                location: ref("location"),
              },
              ["band", row.value === "money" ? "price" : "rate"],
            );
    properties[word] = array(body);
  }
  for (const [word, block] of Object.entries(schema.blocks ?? {})) {
    properties[word] = block.repeatable ? array(declarationSchema(block)) : declarationSchema(block);
  }
  properties["location"] = ref("location");
  return { description: schema.doc, ...object(properties, required) };
}

/** The whole schema of `{ format, hash, terms }`. */
export function termsJsonSchema(): Schema {
  const kinds: Record<string, Schema> = {};
  for (const kind of topLevelKinds) kinds[kind] = declarationSchema(kindSchemas[kind]);
  const termsProperties: Record<string, Schema> = {};
  for (const kind of topLevelKinds) termsProperties[kind] = kind === "contract" ? ref(`kind_${kind}`) : array(ref(`kind_${kind}`));
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "urn:covenant:schema:terms:1",
    title: "Covenant contract terms",
    description: "The canonical JSON of a Covenant contract (`covenant build --to json`).",
    type: "object",
    properties: {
      format: { const: termsFormat },
      hash: {
        type: "string",
        pattern: "^sha256:[0-9a-f]{64}$",
        description: "SHA-256 of the canonical JSON (RFC 8785) of `terms` without locations.",
      },
      terms: object(termsProperties, ["contract"]),
    },
    required: ["format", "hash", "terms"],
    additionalProperties: false,
    $defs: { ...definitions, ...Object.fromEntries(Object.entries(kinds).map(([k, s]) => [`kind_${k}`, s])) },
  };
}
