import type * as A from "../syntax/ast.js";
import type { CheckedDocument, ReferenceSite, SymbolInfo } from "../semantics/model.js";
import type { SourceRange } from "../syntax/position.js";

const contains = (range: SourceRange, offset: number): boolean => range.start.offset <= offset && offset <= range.end.offset;

/** The chain of syntax nodes that contain `offset`, outermost first (empty when the offset is between declarations). */
export function nodePathAt(file: A.SourceFile, offset: number): A.Node[] {
  const path: A.Node[] = [file];
  const visitExpression = (expression: A.Expression): void => {
    if (!contains(expression.range, offset)) return;
    path.push(expression);
    switch (expression.type) {
      case "Logical":
        expression.operands.forEach(visitExpression);
        return;
      case "Not":
        visitExpression(expression.operand);
        return;
      case "Comparison":
        if (expression.left) visitExpression(expression.left);
        if (expression.right) visitExpression(expression.right);
        return;
      case "Phrase":
        for (const term of expression.terms) {
          if (!contains(term.range, offset)) continue;
          path.push(term);
          if (term.type === "List") term.items.forEach(visitExpression);
          else if (term.type === "Group" && term.expression) visitExpression(term.expression);
          return;
        }
    }
  };
  const visitDeclaration = (declaration: A.Declaration): void => {
    path.push(declaration);
    for (const name of [declaration.keyword, declaration.name, declaration.subject]) {
      if (name && contains(name.range, offset)) {
        path.push(name);
        return;
      }
    }
    if (declaration.title && contains(declaration.title.range, offset)) {
      path.push(declaration.title);
      return;
    }
    for (const member of declaration.members) {
      if (!contains(member.range, offset)) continue;
      if (member.type === "Declaration") return visitDeclaration(member);
      path.push(member);
      if (member.type === "Field") {
        if (contains(member.name.range, offset)) path.push(member.name);
        else if (member.value) visitExpression(member.value);
      } else {
        if (contains(member.keyword.range, offset)) path.push(member.keyword);
        else for (const part of [member.head, member.value]) if (part) visitExpression(part);
      }
      return;
    }
  };
  for (const statement of file.imports) {
    if (contains(statement.range, offset)) {
      path.push(statement);
      return path;
    }
  }
  for (const declaration of file.declarations) {
    if (contains(declaration.range, offset)) {
      visitDeclaration(declaration);
      break;
    }
  }
  return path;
}

/** The use of a name at `offset` in `uri`, if there is one. */
export function referenceAt(document: CheckedDocument, uri: string, offset: number): ReferenceSite | undefined {
  return document.references.find((site) => site.uri === uri && contains(site.range, offset));
}

/** The declaration whose name is at `offset` in `uri`, or that the name used at `offset` refers to. */
export function symbolAt(document: CheckedDocument, uri: string, offset: number): SymbolInfo | undefined {
  for (const symbol of document.symbols.values()) {
    if (symbol.uri === uri && contains(symbol.nameRange, offset)) return symbol;
  }
  return referenceAt(document, uri, offset)?.target;
}

/** Every use of a declaration in the document, in file and position order. */
export function usesOf(document: CheckedDocument, symbol: SymbolInfo): ReferenceSite[] {
  return document.references
    .filter((site) => site.target === symbol)
    .sort((a, b) => (a.uri === b.uri ? a.range.start.offset - b.range.start.offset : a.uri < b.uri ? -1 : 1));
}
