import { Codes } from "../../diagnostics/codes.js";
import type { DeclarationModel } from "../model.js";
import { fieldOf, type RuleContext } from "./context.js";

const normalise = (text: string): string => text.trim().replace(/\s+/g, " ").toLowerCase();

/** Exclusive grants that collide, sublicensable grants without limits, and perpetual worldwide grants of core IP. */
export function checkLicences(context: RuleContext): void {
  const licences = context.declarations.filter((d) => d.kind === "license");
  // Earlier exclusive licences by subject: only those can collide with the next one. Comparing every
  // pair instead made 8,000 licences take twenty seconds.
  const exclusiveBySubject = new Map<string, DeclarationModel[]>();
  for (const licence of licences) {
    const exclusive = fieldOf(licence, "exclusive", "bool")?.value === true;
    const sublicensable = fieldOf(licence, "sublicensable", "bool");
    const field = fieldOf(licence, "field", "text");
    const territory = fieldOf(licence, "territory", "territory");
    const term = licence.fields.get("term");

    if (sublicensable?.value && !exclusive && !field && !licence.unread.has("field") && !licence.unread.has("exclusive")) {
      context.report(
        licence.uri,
        Codes.UnlimitedSublicence,
        sublicensable.range,
        "This grant may be sublicensed but is neither exclusive nor limited to a field; add a 'field' to bound what sublicensees receive",
      );
    }
    if (territory?.worldwide && term?.kind === "perpetual" && fieldOf(licence, "core", "bool")?.value === true) {
      context.report(
        licence.uri,
        Codes.PerpetualWorldwideCoreIp,
        territory.range,
        "A worldwide, perpetual grant of core IP gives away the licensor's main negotiating lever; limit the territory or the term",
      );
    }
    const subject = fieldOf(licence, "subject", "text");
    // A field or territory that did not read (reported) would count as "every field" or "nowhere".
    if (!exclusive || !subject || licence.unread.has("field") || licence.unread.has("territory")) continue;
    const key = normalise(subject.value);
    let earlier = exclusiveBySubject.get(key);
    if (!earlier) exclusiveBySubject.set(key, (earlier = []));
    for (const other of earlier) {
      if (!fieldsOverlap(licence, other)) continue;
      const shared = sharedTerritory(licence, other);
      if (!shared) continue;
      context.report(
        licence.uri,
        Codes.ExclusiveLicenceOverlap,
        (licence.node.name ?? licence.node.keyword).range,
        `This exclusive licence and '${other.name}' grant the same subject in overlapping fields and territories (${shared}); only one can be exclusive there`,
        {
          related: [
            {
              uri: other.uri,
              range: (other.node.name ?? other.node.keyword).range,
              message: `The other exclusive licence, '${other.name}'`,
            },
          ],
        },
      );
    }
    earlier.push(licence);
  }
}

/** No field means every field. */
function fieldsOverlap(a: DeclarationModel, b: DeclarationModel): boolean {
  const x = fieldOf(a, "field", "text");
  const y = fieldOf(b, "field", "text");
  return !x || !y || normalise(x.value) === normalise(y.value);
}

function sharedTerritory(a: DeclarationModel, b: DeclarationModel): string | undefined {
  const x = fieldOf(a, "territory", "territory");
  const y = fieldOf(b, "territory", "territory");
  if (!x || !y) return undefined;
  if (x.worldwide && y.worldwide) return "worldwide";
  if (x.worldwide) return y.countries.map((c) => c.code).join(", ") || undefined;
  if (y.worldwide) return x.countries.map((c) => c.code).join(", ") || undefined;
  const codes = new Set(y.countries.map((c) => c.code));
  const common = [...new Set(x.countries.map((c) => c.code).filter((c) => codes.has(c)))];
  return common.length ? common.join(", ") : undefined;
}
