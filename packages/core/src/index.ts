export * from "./syntax/position.js";
export type * from "./syntax/ast.js";
export { parse, type ParseResult } from "./syntax/parser.js";
export { topLevelKinds, isTopLevelKind, type TopLevelKind } from "./syntax/keywords.js";
export * from "./diagnostics/diagnostic.js";
export * from "./diagnostics/codes.js";
