import { isTopLevelKind, kindSchemas, type Declaration, type KindSchema } from "@covenant/core";

/**
 * The kind schema of a declaration given the chain of declarations that encloses it (outermost
 * first): a top-level kind's schema, then its nested block schemas (`penalty`, `index`, ...).
 */
export function schemaOf(chain: readonly Declaration[]): KindSchema | undefined {
  let schema: KindSchema | undefined;
  for (const [depth, declaration] of chain.entries()) {
    const keyword = declaration.keyword.text;
    if (depth === 0) schema = isTopLevelKind(keyword) ? kindSchemas[keyword] : undefined;
    else schema = schema?.blocks?.[keyword];
    if (!schema) return undefined;
  }
  return schema;
}
