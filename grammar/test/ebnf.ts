/**
 * Reads grammar/covenant.ebnf (the W3C EBNF subset it uses) into a shape that can be compared
 * with chevrotain's serialized productions, so the grammar test can tell when the two drift.
 */

/** A grammar element, stripped of everything but its structure. */
export type Shape =
  | { readonly kind: "token"; readonly name: string }
  | { readonly kind: "rule"; readonly name: string }
  | { readonly kind: "optional" | "many" | "atLeastOne"; readonly body: readonly Shape[] }
  | { readonly kind: "choice"; readonly alternatives: readonly (readonly Shape[])[] };

export interface Production {
  readonly name: string;
  /** The names the definition refers to, in order. */
  readonly references: readonly string[];
  /** The text of a definition that is one quoted literal, like `LBrace ::= '{'`. */
  readonly literal: string | undefined;
  readonly tokens: readonly EbnfToken[];
}

/** The productions of each `/* == Section == *\/` of the file, by section title. */
export function readEbnf(text: string): Map<string, Production[]> {
  const sections = new Map<string, Production[]>();
  const parts = text.split(/^\/\* == (.+?) == \*\/$/m);
  for (let i = 1; i < parts.length; i += 2) sections.set(parts[i]!, productions(tokenize(parts[i + 1]!)));
  return sections;
}

export type EbnfToken =
  | { readonly type: "name"; readonly text: string }
  | { readonly type: "literal"; readonly text: string }
  | { readonly type: "operator"; readonly text: string }
  | { readonly type: "characters"; readonly text: string };

function tokenize(text: string): EbnfToken[] {
  const tokens: EbnfToken[] = [];
  const pattern = /\s+|\/\*[\s\S]*?\*\/|'([^']*)'|"([^"]*)"|([A-Za-z_][A-Za-z0-9_]*)|(::=|[|?*+()-])|(\[[^\]]*\]|#x[0-9A-Fa-f]+)/y;
  for (let at = 0; at < text.length; at = pattern.lastIndex) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) throw new Error(`covenant.ebnf: cannot read ${JSON.stringify(text.slice(at, at + 20))}`);
    const [, single, double, name, operator, characters] = match;
    if (single !== undefined || double !== undefined) tokens.push({ type: "literal", text: single ?? double! });
    else if (name !== undefined) tokens.push({ type: "name", text: name });
    else if (operator !== undefined) tokens.push({ type: "operator", text: operator });
    else if (characters !== undefined) tokens.push({ type: "characters", text: characters });
  }
  return tokens;
}

function productions(tokens: readonly EbnfToken[]): Production[] {
  const starts: number[] = [];
  tokens.forEach((token, i) => {
    if (token.type === "name" && tokens[i + 1]?.text === "::=") starts.push(i);
  });
  return starts.map((start, n) => {
    const body = tokens.slice(start + 2, starts[n + 1] ?? tokens.length);
    const only = body.length === 1 && body[0]!.type === "literal" ? body[0]!.text : undefined;
    return { name: tokens[start]!.text, references: body.filter((t) => t.type === "name").map((t) => t.text), literal: only, tokens: body };
  });
}

/**
 * The shape of a syntax production. `ruleNames` tells rules from tokens; `tokenOfLiteral` names the
 * token for a quoted literal (`'{'` is LBrace).
 */
export function shapeOf(production: Production, ruleNames: ReadonlySet<string>, tokenOfLiteral: ReadonlyMap<string, string>): Shape[] {
  const tokens = production.tokens;
  let at = 0;
  const peek = (): EbnfToken | undefined => tokens[at];
  const atOperator = (...texts: string[]): boolean => peek()?.type === "operator" && texts.includes(peek()!.text);
  const fail = (why: string): never => {
    throw new Error(`covenant.ebnf, ${production.name}: ${why} at token ${at}`);
  };

  const alternatives = (): Shape[] => {
    const choices = [sequence()];
    while (atOperator("|")) {
      at++;
      choices.push(sequence());
    }
    return choices.length === 1 ? choices[0]! : [{ kind: "choice", alternatives: choices }];
  };

  const sequence = (): Shape[] => {
    const items: Shape[] = [];
    while (peek() && !atOperator("|", ")")) {
      const primary = element();
      if (atOperator("?", "*", "+")) {
        const suffix = peek()!.text;
        at++;
        items.push({ kind: suffix === "?" ? "optional" : suffix === "*" ? "many" : "atLeastOne", body: primary });
      } else items.push(...primary);
    }
    return items;
  };

  const element = (): Shape[] => {
    const token = peek() ?? fail("unexpected end");
    at++;
    if (token.type === "name")
      return [ruleNames.has(token.text) ? { kind: "rule", name: token.text } : { kind: "token", name: token.text }];
    if (token.type === "literal") return [{ kind: "token", name: tokenOfLiteral.get(token.text) ?? fail(`no token is '${token.text}'`) }];
    if (token.type === "operator" && token.text === "(") {
      const inner = alternatives();
      if (!atOperator(")")) fail("missing ')'");
      at++;
      return inner;
    }
    return fail(`unexpected '${token.text}'`);
  };

  const shape = alternatives();
  if (at < tokens.length) fail(`unexpected '${tokens[at]!.text}'`);
  return shape;
}

/** A chevrotain serialized production (`ISerializedGast`), as far as its structure goes. */
export interface SerializedGast {
  readonly type: string;
  readonly name?: string;
  readonly definition?: readonly SerializedGast[];
}

/** The shape of a chevrotain production, comparable with `shapeOf`. */
export function shapeOfGast(node: SerializedGast): Shape[] {
  const body = (): Shape[] => (node.definition ?? []).flatMap(shapeOfGast);
  switch (node.type) {
    case "Rule":
    case "Alternative":
      return body();
    case "Terminal":
      return [{ kind: "token", name: node.name! }];
    case "NonTerminal":
      return [{ kind: "rule", name: node.name! }];
    case "Option":
      return [{ kind: "optional", body: body() }];
    case "Repetition":
      return [{ kind: "many", body: body() }];
    case "RepetitionMandatory":
      return [{ kind: "atLeastOne", body: body() }];
    case "Alternation":
      return [{ kind: "choice", alternatives: (node.definition ?? []).map(shapeOfGast) }];
    default:
      throw new Error(`the grammar uses ${node.type}; teach grammar/test/ebnf.ts to read it`);
  }
}
