import { contractTerms, type CheckedDocument, type DeclarationModel } from "@covenant/core";

/**
 * The declarations that make up a contract's terms (see `contractTerms` in the core, which the
 * checker's rules read too), computed once per checked document: the prose and the JSON both need it.
 */
export function contractDeclarations(checked: CheckedDocument): readonly DeclarationModel[] {
  let selected = selections.get(checked);
  if (!selected) selections.set(checked, (selected = contractTerms(checked)));
  return selected;
}

/** A checked document is immutable, so its selection is computed once. */
const selections = new WeakMap<CheckedDocument, readonly DeclarationModel[]>();
