import { CstParser, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import * as T from "./tokens.js";

function describe(type: TokenType): string {
  return T.tokenDescriptions[type.name] ?? `'${type.name}'`;
}

function describeFound(token: IToken): string {
  if (token.tokenType.name === "EOF") return "the end of the file";
  return `'${token.image}'`;
}

const ruleWords: Readonly<Record<string, string>> = {
  sourceFile: "an import or a declaration",
  declaration: 'a declaration such as `party supplier "Name" { ... }`',
  member: "a field (`name: value`), a row or a nested block",
  field: "a field",
  row: "a row",
  expression: "a value",
  andExpression: "a value",
  notExpression: "a value",
  comparison: "a value",
  phrase: "a value",
  term: "a value",
  list: "a list such as [CN, JP]",
  group: "a value in parentheses",
  importStatement: "an import",
};

/** Messages a legal engineer understands: what was expected, in words, and what was found. */
const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    // Only the top level expects the end of the input: what may come there is another item.
    if (expected.name === "EOF") return `Expected a new declaration or import, but found ${describeFound(actual)}`;
    if (expected === T.RBrace && ruleName === "declaration") {
      return `Expected a field, a row or ${describe(expected)}, but found ${describeFound(actual)}`;
    }
    return `Expected ${describe(expected)}, but found ${describeFound(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Expected a new declaration or import, but found ${describeFound(firstRedundant)}`;
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    const found = actual[0];
    return `Expected ${ruleWords[ruleName] ?? "something else"}, but found ${found ? describeFound(found) : "nothing"}`;
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    const found = actual[0];
    return `Expected ${ruleWords[ruleName] ?? "something else"}, but found ${found ? describeFound(found) : "nothing"}`;
  },
};

/** Chevrotain's own re-entry into a repetition after an error inside it (not in its public types). */
const chevrotainRepetitionRecovery = (CstParser.prototype as unknown as { tryInRepetitionRecovery: (...args: unknown[]) => void })
  .tryInRepetitionRecovery;

/** Errors one repetition may recover from, one inside the other, before the rest of its item is skipped. */
const maxRepetitionRecoveries = 50;

/** Braces the parser may invent to recover in one item; each opens a block that nests what follows. */
const maxInsertedBraces = 8;

/**
 * The Covenant grammar (one instance, reused: assign `input` and call a rule). It is left-factored:
 * the only lookahead beyond one token decides where a phrase ends, since layout is not significant
 * (`unit: module supplied_by: supplier` is two fields).
 */
export class CovenantGrammar extends CstParser {
  constructor(options: { skipValidations: boolean }) {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      skipValidations: options.skipValidations,
      errorMessageProvider: messages,
    });
    this.performSelfAnalysis();
  }

  /**
   * True when the next tokens start a member, not another term of the phrase in progress: a field
   * (`word:`) or a declaration header (`word name? "Title"? (for subject)? {`). `10 days penalty {`
   * reads either as `10 days` then `penalty {` or as `10` then a block `days` named `penalty`; the
   * tie is broken by layout: a name counts as one only on the same line as its kind.
   */
  private startsMember(): boolean {
    const kind = this.LA(1);
    if (!tokenMatcher(kind, T.Word)) return false;
    if (tokenMatcher(this.LA(2), T.Colon)) return true;
    let next = 2;
    const name = this.LA(next);
    if (tokenMatcher(name, T.Word) && !tokenMatcher(name, T.For) && name.startLine === kind.startLine) next++;
    if (tokenMatcher(this.LA(next), T.Text)) next++;
    if (tokenMatcher(this.LA(next), T.For) && tokenMatcher(this.LA(next + 1), T.Word)) next += 2;
    return tokenMatcher(this.LA(next), T.LBrace);
  }

  private repetitionRecoveries = 0;
  private insertedBraces = 0;

  override reset(): void {
    super.reset();
    this.insertedBraces = 0;
  }

  /**
   * Recovery inserts a missing `{` so that `party x "X" role: buyer }` still reads its fields. In a
   * run of stray words every second word would open another invented block inside the last one, one
   * stack level each, until the stack overflowed: after a few, the parser recovers otherwise.
   */
  protected override canTokenTypeBeInsertedInRecovery(tokType: TokenType): boolean {
    return tokType !== T.LBrace || this.insertedBraces < maxInsertedBraces;
  }

  protected override getTokenToInsert(tokType: TokenType): IToken {
    if (tokType === T.LBrace) this.insertedBraces++;
    return super.getTokenToInsert(tokType);
  }

  /**
   * Chevrotain re-enters a repetition after each error inside it by calling itself: one stack level
   * per error, so a few hundred stray words in one item overflowed the stack. Past a limit the parser
   * stops re-entering; the rest of the item becomes one error and the next item is parsed as usual.
   */
  protected tryInRepetitionRecovery(...args: unknown[]): void {
    if (this.repetitionRecoveries >= maxRepetitionRecoveries) return;
    this.repetitionRecoveries++;
    try {
      chevrotainRepetitionRecovery.apply(this, args);
    } finally {
      this.repetitionRecoveries--;
    }
  }

  private startsFieldOrBlock(): boolean {
    const second = this.LA(2);
    return tokenMatcher(this.LA(1), T.Word) && (tokenMatcher(second, T.Colon) || tokenMatcher(second, T.LBrace));
  }

  public sourceFile = this.RULE("sourceFile", () => {
    this.MANY(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.importStatement) }, { ALT: () => this.SUBRULE(this.declaration) }]);
    });
  });

  public importStatement = this.RULE("importStatement", () => {
    this.CONSUME(T.Import);
    this.CONSUME(T.Text, { LABEL: "path" });
  });

  public declaration = this.RULE("declaration", () => {
    this.CONSUME(T.Word, { LABEL: "keyword" });
    this.OPTION({ GATE: () => !tokenMatcher(this.LA(1), T.For), DEF: () => this.CONSUME2(T.Word, { LABEL: "name" }) });
    this.OPTION2(() => this.CONSUME(T.Text, { LABEL: "title" }));
    this.OPTION3(() => {
      this.CONSUME(T.For);
      this.CONSUME3(T.Word, { LABEL: "subject" });
    });
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.member));
    this.CONSUME(T.RBrace);
  });

  public member = this.RULE("member", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.row) },
      { GATE: () => tokenMatcher(this.LA(2), T.Colon), ALT: () => this.SUBRULE(this.field) },
      { ALT: () => this.SUBRULE(this.declaration) },
    ]);
  });

  public field = this.RULE("field", () => {
    this.CONSUME(T.Word, { LABEL: "name" });
    this.CONSUME(T.Colon);
    // `name:` directly followed by another field or block has no value (reported by the tree builder).
    this.OPTION({ GATE: () => !this.startsFieldOrBlock(), DEF: () => this.SUBRULE(this.expression) });
  });

  public row = this.RULE("row", () => {
    this.CONSUME(T.RowWord, { LABEL: "keyword" });
    this.SUBRULE(this.expression, { LABEL: "head" });
    this.OPTION(() => {
      this.CONSUME(T.Colon);
      this.SUBRULE2(this.expression, { LABEL: "value" });
    });
  });

  public expression = this.RULE("expression", () => {
    this.SUBRULE(this.andExpression, { LABEL: "operands" });
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpression, { LABEL: "operands" });
    });
  });

  public andExpression = this.RULE("andExpression", () => {
    this.SUBRULE(this.notExpression, { LABEL: "operands" });
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpression, { LABEL: "operands" });
    });
  });

  public notExpression = this.RULE("notExpression", () => {
    this.MANY(() => this.CONSUME(T.Not));
    this.SUBRULE(this.comparison);
  });

  public comparison = this.RULE("comparison", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Comparator, { LABEL: "operator" });
          this.SUBRULE(this.phrase, { LABEL: "right" });
        },
      },
      {
        ALT: () => {
          this.SUBRULE2(this.phrase, { LABEL: "left" });
          this.OPTION(() => {
            this.CONSUME2(T.Comparator, { LABEL: "operator" });
            this.SUBRULE3(this.phrase, { LABEL: "right" });
          });
        },
      },
    ]);
  });

  public phrase = this.RULE("phrase", () => {
    this.SUBRULE(this.term);
    this.MANY({ GATE: () => !this.startsMember(), DEF: () => this.SUBRULE2(this.term) });
  });

  public term = this.RULE("term", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.NumberLiteral, { LABEL: "number" });
          this.OPTION(() => {
            this.CONSUME(T.DotDot);
            this.OPTION2(() => this.CONSUME2(T.NumberLiteral, { LABEL: "high" }));
          });
        },
      },
      { ALT: () => this.CONSUME(T.PercentLiteral) },
      { ALT: () => this.CONSUME(T.DateLiteral) },
      { ALT: () => this.CONSUME(T.Text) },
      { ALT: () => this.CONSUME(T.Word) },
      { ALT: () => this.SUBRULE(this.list) },
      { ALT: () => this.SUBRULE(this.group) },
    ]);
  });

  public list = this.RULE("list", () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression, { LABEL: "items" });
      this.MANY({
        GATE: () => !tokenMatcher(this.LA(2), T.RBracket),
        DEF: () => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.expression, { LABEL: "items" });
        },
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
    this.CONSUME(T.RBracket);
  });

  public group = this.RULE("group", () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });
}
