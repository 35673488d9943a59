import type { SourceRange } from "../syntax/position.js";
import type { EntryKey } from "./schema.js";
import type * as V from "./values.js";

/** What one entry of a repeatable field or row is about: entries with the same key say the same thing twice. */
export interface EntryIdentity {
  /** Equal for two entries about the same thing. */
  readonly key: string;
  /** The thing, in words for a message: `the party 'buyer'`, `'breach of defects'`, `'port_closure' above a level`. */
  readonly label: string;
}

/**
 * The identity of an entry under its field's key (CV302 for a second entry with the same one):
 * `party` — one entry per party (a right to terminate for convenience); `condition` — one entry per
 * ground (a termination cause, a force-majeure trigger): the same breach, insolvency, lasting event or
 * threshold direction on the same event, whatever the numbers, since of two the weaker one is dead
 * letter and readers must guess which was meant. `party` names a role's one party when there is one.
 */
export function entryIdentity(
  key: EntryKey,
  value: V.Value,
  partyOfRole: (role: string) => string | undefined,
  sourceText: (range: SourceRange) => string,
): EntryIdentity | undefined {
  if (key === "party") {
    if (value.kind !== "convenience") return undefined;
    const name = value.party.byRole ? (partyOfRole(value.party.name) ?? value.party.name) : value.party.name;
    return { key: `party ${name}`, label: `the party '${value.party.name}'` };
  }
  const condition = value.kind === "cause" || value.kind === "condition" ? value.condition : undefined;
  return condition ? conditionIdentity(condition, sourceText) : undefined;
}

function conditionIdentity(condition: V.Condition, sourceText: (range: SourceRange) => string): EntryIdentity {
  switch (condition.form) {
    case "threshold": {
      const direction = condition.operator.startsWith(">") ? "above" : condition.operator.startsWith("<") ? "below" : "at";
      return { key: `threshold ${condition.event.name} ${direction}`, label: `'${condition.event.name}' ${direction} a level` };
    }
    case "breach":
      return { key: `breach ${condition.target.name}`, label: `'breach of ${condition.target.name}'` };
    case "insolvency":
    case "change_of_control":
      return { key: `${condition.form} ${condition.party.name}`, label: `'${condition.form} of ${condition.party.name}'` };
    case "lasting":
      return { key: `lasting ${condition.target.name}`, label: `'${condition.target.name} lasting'` };
    case "missed":
      return { key: `missed ${condition.target.name}`, label: `'missed ${condition.target.name}'` };
    default: {
      // A combination or free text: the same words (spacing aside) are the same ground.
      const words = sourceText(condition.range).replace(/\s+/g, " ").trim();
      return { key: `${condition.form} ${words}`, label: `'${words}'` };
    }
  }
}
