import {
  countryName,
  currencyInfo,
  type CheckedDocument,
  type DeclarationModel,
  type Decimal,
  type ReferenceValue,
  type Value,
} from "@covenant/core";
import type { Wording } from "../wording/wording.js";
import type { Inline } from "./model.js";
import { clauseRef, runs, type Phrase } from "./phrase.js";
import { authorText } from "./defined-terms.js";

/** A party as the prose names it: by role ("the Supplier") when its role is unique, else by its name. */
export interface PartyInfo {
  readonly name: string;
  readonly declaration: DeclarationModel;
  readonly role: string | undefined;
  readonly term: string;
  /** "the Supplier" takes an article; "Brenner" does not. */
  readonly article: boolean;
}

/** Where a defined term is defined: in a clause, in the introduction, or in the Definitions clause itself. */
export type TermDefinition =
  | { readonly where: "clause"; readonly clause: string }
  | { readonly where: "introduction" }
  | { readonly where: "definitions"; readonly meaning: readonly Inline[] };

/** Roles that face each other: the counterparty of a supplier is the buyer, and so on. */
const counterRoles: Readonly<Record<string, readonly string[]>> = {
  supplier: ["buyer"],
  buyer: ["supplier"],
  licensor: ["licensee"],
  licensee: ["licensor"],
  developer: ["manufacturer", "buyer"],
  manufacturer: ["developer", "buyer"],
  guarantor: ["buyer", "licensee"],
};

/**
 * What every clause builder needs: the wording, the contract's declarations by name, the parties
 * and their terms, the defined-terms register, and the phrases for values (money in the contract's
 * minor units, durations in words and figures, dates written out).
 */
export class BuildContext {
  readonly contract: DeclarationModel | undefined;
  readonly parties: readonly PartyInfo[];
  private readonly partyByName = new Map<string, PartyInfo>();
  private readonly partyByRole = new Map<string, PartyInfo>();
  /** Top-level and nested (committee, index) declarations by name. */
  readonly byName = new Map<string, DeclarationModel>();
  /** Defined terms in the order they are registered; the Definitions clause sorts them. */
  readonly definitions = new Map<string, TermDefinition>();
  /** Defined terms free text written by the author may use, keyed by their exact spelling ("Buyer"). */
  readonly textTerms: ReadonlyMap<string, string>;
  /** The term of each user `define`, by the name of the define (`annual_volume` → "Annual Volume"). */
  readonly defineTerms = new Map<string, string>();
  /** Events already defined in a force-majeure clause. */
  readonly definedEvents = new Set<string>();

  constructor(
    readonly w: Wording,
    readonly checked: CheckedDocument,
    readonly declarations: readonly DeclarationModel[],
  ) {
    this.contract = checked.contract;
    for (const declaration of declarations) {
      if (declaration.name) this.byName.set(declaration.name, declaration);
      for (const block of declaration.blocks) if (block.name) this.byName.set(block.name, block);
      if (declaration.kind === "define" && declaration.name && declaration.title) this.defineTerms.set(declaration.name, declaration.title);
    }
    this.parties = this.nameParties();
    for (const party of this.parties) {
      this.partyByName.set(party.name, party);
      if (party.role && this.parties.filter((p) => p.role === party.role).length === 1) this.partyByRole.set(party.role, party);
    }
    this.textTerms = this.collectTextTerms();
  }

  private nameParties(): PartyInfo[] {
    const parties = this.declarations.filter((d) => d.kind === "party" && d.name);
    const roleOf = (d: DeclarationModel): string | undefined => {
      const role = d.fields.get("role");
      return role?.kind === "enum" ? role.value : undefined;
    };
    return parties.map((declaration) => {
      const role = roleOf(declaration);
      const unique = role !== undefined && parties.filter((other) => roleOf(other) === role).length === 1;
      return unique
        ? { name: declaration.name!, declaration, role, term: this.w.parties.roleTerm(role), article: true }
        : { name: declaration.name!, declaration, role, term: this.w.parties.nameTerm(declaration.name!), article: false };
    });
  }

  private collectTextTerms(): Map<string, string> {
    const terms = new Map<string, string>();
    const add = (name: string): void => {
      terms.set(name, name);
    };
    for (const party of this.parties) if (party.article) add(party.term);
    const standard = this.w.terms;
    for (const name of [
      standard.party,
      standard.parties,
      standard.agreement,
      standard.effectiveDate,
      standard.contractYear,
      standard.contractValue,
    ])
      add(name);
    for (const declaration of this.declarations) {
      if (declaration.kind === "define" && declaration.title) add(declaration.title);
      if (declaration.kind === "governance") for (const committee of declaration.blocks) if (committee.title) add(committee.title);
    }
    return terms;
  }

  /** Registers where a term is defined; the first definition wins. */
  define(term: string, definition: TermDefinition): void {
    if (!this.definitions.has(term)) this.definitions.set(term, definition);
  }

  /** The stable id of the clause a declaration is written in. */
  clauseId(declaration: DeclarationModel): string {
    if (declaration.name) return `${declaration.kind}.${declaration.name}`;
    return `${declaration.kind}.${this.declarations.filter((d) => d.kind === declaration.kind).indexOf(declaration) + 1}`;
  }

  /** A reference to the clause of a declaration. */
  ref(declaration: DeclarationModel): Inline {
    return clauseRef(this.clauseId(declaration));
  }

  partyInfo(reference: ReferenceValue | undefined): PartyInfo | undefined {
    if (!reference) return undefined;
    return reference.byRole ? this.partyByRole.get(reference.name) : this.partyByName.get(reference.name);
  }

  /** "the Supplier", "Brenner", "the Joint Steering Committee", or "a Party" for `any party`. */
  party(reference: ReferenceValue | undefined): Inline[] {
    if (!reference) return this.w.parties.responsibleParty();
    if (reference.byRole && reference.name === "any") return this.w.parties.aParty();
    const info = this.partyInfo(reference);
    if (info) return this.w.parties.party(info.term, info.article);
    const committee = this.byName.get(reference.name);
    if (committee?.kind === "committee") return this.w.parties.party(this.committeeTerm(committee), true);
    return runs(reference.name);
  }

  partyByRoleName(role: string): PartyInfo | undefined {
    return this.partyByRole.get(role);
  }

  /** The party on the other side of `party`: the buyer for a supplier, the licensee for a licensor; "the other Party" otherwise. */
  counterparty(reference: ReferenceValue | undefined): Inline[] {
    const info = this.partyInfo(reference);
    if (info?.role) {
      for (const role of counterRoles[info.role] ?? []) {
        const other = this.partyByRole.get(role);
        if (other && other !== info) return this.w.parties.party(other.term, other.article);
      }
    }
    if (info && this.parties.length === 2) {
      const other = this.parties.find((p) => p !== info)!;
      return this.w.parties.party(other.term, other.article);
    }
    return this.w.parties.otherParty(this.parties.length);
  }

  committeeTerm(committee: DeclarationModel): string {
    return committee.title ?? this.w.parties.nameTerm(committee.name ?? "");
  }

  /** The party with role `role` ("the Buyer"), or else the counterparty of `facing`. */
  roleOrOther(role: string, facing: ReferenceValue | undefined): Inline[] {
    const info = this.partyByRole.get(role);
    return info ? this.w.parties.party(info.term, info.article) : this.counterparty(facing);
  }

  // ---- values ---------------------------------------------------------------------------------

  /** `USD 1,200,000.00`: an amount in its currency's minor units. */
  money(currency: string, amount: Decimal): string {
    const digits = currencyInfo(currency)?.digits ?? 2;
    return this.w.values.money(currency, amount.toFixed(digits));
  }

  date(value: Value | undefined): string {
    return value?.kind === "date" ? this.w.values.date(value.year, value.month, value.day) : "";
  }

  duration(value: Value | undefined): Phrase {
    return value?.kind === "duration" ? this.w.values.duration(value) : "";
  }

  country(code: string): string {
    return this.w.values.country(code, countryName(code));
  }

  text(value: Value | undefined): string | undefined {
    return value?.kind === "text" ? value.value : undefined;
  }

  /** Author's text exactly as written; the defined terms it writes with their capitals count as used. */
  prose(text: string): Inline[] {
    return authorText(text, this.textTerms);
  }

  /** The contract's currency code. */
  get currency(): string {
    const currency = this.contract?.fields.get("currency");
    return currency?.kind === "code" ? currency.code : "";
  }

  /** The ISO 4217 name of the contract's currency. */
  get currencyName(): string | undefined {
    return currencyInfo(this.currency)?.name;
  }

  /** The defined term of a `define` whose name matches a word the language uses (`annual_volume`, `net_sales`). */
  definedTerm(name: string): string | undefined {
    return this.defineTerms.get(name);
  }
}

/** A field's value if it is of the given kind. */
export function field<K extends Value["kind"]>(
  declaration: DeclarationModel,
  name: string,
  kind: K,
): Extract<Value, { kind: K }> | undefined {
  const value = declaration.fields.get(name);
  return value?.kind === kind ? (value as Extract<Value, { kind: K }>) : undefined;
}
