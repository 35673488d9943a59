import { Codes } from "../../diagnostics/codes.js";
import type { RuleContext } from "./context.js";

/** Kinds that only matter when something refers to them. */
const referredKinds: ReadonlySet<string> = new Set(["party", "product", "event", "escalation", "committee"]);

/**
 * Declarations of the root file that nothing refers to (CV203, a warning shown faded). Only a
 * document with a contract header is complete enough to say so; clause libraries are never flagged.
 */
export function checkUnused(context: RuleContext): void {
  if (!context.contract) return;
  const used = new Set<string>();
  const roles = new Set<string>();
  for (const site of context.references) {
    if (site.target) used.add(site.target.name);
    if (site.role) roles.add(site.role);
  }
  // A skipped declaration (CV104) was not read: any name written in it may be a use, and it is reported already.
  for (const symbol of context.symbols.values()) {
    if (!symbol.skipped) continue;
    used.add(symbol.name);
    for (const word of symbol.skipped.mentions) {
      used.add(word);
      roles.add(word);
    }
  }
  for (const symbol of context.symbols.values()) {
    if (symbol.uri !== context.rootUri || !referredKinds.has(symbol.kind) || used.has(symbol.name)) continue;
    if (symbol.kind === "party") {
      const role = symbol.declaration.members.find((m) => m.type === "Field" && m.name.text === "role");
      const roleWord =
        role?.type === "Field" && role.value?.type === "Phrase" && role.value.terms[0]?.type === "Word"
          ? role.value.terms[0].text
          : undefined;
      if (roleWord && roles.has(roleWord)) continue;
    }
    context.report(
      symbol.uri,
      Codes.UnusedDeclaration,
      symbol.nameRange,
      `The ${symbol.kind.replace("_", " ")} '${symbol.name}' is never referred to; use it or remove it`,
      { unnecessary: true },
    );
  }
}
