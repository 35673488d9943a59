import { ErrorCodes, ResponseError } from "vscode-languageserver";
import { URI } from "vscode-uri";

/**
 * The shapes of the requests' params, checked at the edge before any handler runs: params that do
 * not fit are answered InvalidParams (-32602) with a message naming the field, never reach a
 * feature, and so never surface as an InternalError. One table for every request the server
 * answers.
 */

/** The problem with one value, or undefined when it fits. */
type Check = (value: unknown, at: string) => string | undefined;

/** A request's params: each field's check; optional fields are checked only when present. */
export interface ParamsShape {
  readonly required: Readonly<Record<string, Check>>;
  readonly optional?: Readonly<Record<string, Check>>;
}

/** The protocol's `uinteger`: 0 to 2^31 - 1. */
const maxUinteger = 2 ** 31 - 1;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const describe = (value: unknown): string => (value === undefined ? "nothing" : (JSON.stringify(value)?.slice(0, 40) ?? String(value)));

const uinteger: Check = (value, at) =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= maxUinteger
    ? undefined
    : `${at} must be an integer from 0 to ${maxUinteger} (got ${describe(value)})`;

const text: Check = (value, at) => (typeof value === "string" ? undefined : `${at} must be a string (got ${describe(value)})`);

const boolean: Check = (value, at) => (typeof value === "boolean" ? undefined : `${at} must be true or false (got ${describe(value)})`);

const object =
  (shape: ParamsShape): Check =>
  (value, at) =>
    isObject(value) ? fieldsProblem(shape, value, at) : `${at} must be an object (got ${describe(value)})`;

const arrayOf =
  (item: Check): Check =>
  (value, at) => {
    if (!Array.isArray(value)) return `${at} must be an array (got ${describe(value)})`;
    for (const [i, element] of value.entries()) {
      const problem = item(element, `${at}[${i}]`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };

const uri: Check = (value, at) => {
  if (typeof value !== "string") return `${at} must be a URI string (got ${describe(value)})`;
  try {
    URI.parse(value, true);
    return undefined;
  } catch (error) {
    return `${at} is not a URI: ${(error as Error).message}`;
  }
};

const position = object({ required: { line: uinteger, character: uinteger } });

const range: Check = (value, at) => {
  const problem = object({ required: { start: position, end: position } })(value, at);
  if (problem !== undefined) return problem;
  const { start, end } = value as { start: { line: number; character: number }; end: { line: number; character: number } };
  const reversed = end.line < start.line || (end.line === start.line && end.character < start.character);
  return reversed ? `${at}.end must not come before ${at}.start` : undefined;
};

const textDocument = object({ required: { uri } });

const formattingOptions = object({ required: { tabSize: uinteger, insertSpaces: boolean } });

/** Params of requests on one document. */
const onDocument: ParamsShape = { required: { textDocument } };
/** Params of requests at one position of a document. */
const atPosition: ParamsShape = { required: { textDocument, position } };
/** Params of requests over a range of a document. */
const overRange: ParamsShape = { required: { textDocument, range } };

const integer: Check = (value, at) =>
  typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= maxUinteger
    ? undefined
    : `${at} must be an integer (got ${describe(value)})`;

const orNull =
  (check: Check): Check =>
  (value, at) =>
    value === null ? undefined : check(value, at);

const anyObject = object({ required: {} });

/** A change of `textDocument/didChange`: a range and its new text, or the whole text. */
const contentChange: Check = (value, at) => {
  if (!isObject(value)) return `${at} must be an object (got ${describe(value)})`;
  return "range" in value ? fieldsProblem({ required: { range, text } }, value, at) : fieldsProblem({ required: { text } }, value, at);
};

/** Every request the server answers, by method, with the shape of its params. */
export const requestShapes = {
  initialize: {
    required: { capabilities: anyObject },
    optional: {
      processId: orNull(integer),
      rootUri: orNull(uri),
      workspaceFolders: orNull(arrayOf(object({ required: { uri, name: text } }))),
      initializationOptions: () => undefined,
    },
  },
  "textDocument/hover": atPosition,
  "textDocument/completion": { required: atPosition.required, optional: { context: object({ required: { triggerKind: uinteger } }) } },
  "textDocument/definition": atPosition,
  "textDocument/references": { required: { ...atPosition.required, context: object({ required: { includeDeclaration: boolean } }) } },
  "textDocument/prepareRename": atPosition,
  "textDocument/rename": { required: { ...atPosition.required, newName: text } },
  "textDocument/documentHighlight": atPosition,
  "textDocument/codeAction": {
    required: { ...overRange.required, context: object({ required: { diagnostics: arrayOf(object({ required: {} })) } }) },
  },
  "textDocument/inlayHint": overRange,
  "textDocument/documentSymbol": onDocument,
  "textDocument/foldingRange": onDocument,
  "textDocument/selectionRange": { required: { textDocument, positions: arrayOf(position) } },
  "textDocument/documentLink": onDocument,
  "textDocument/formatting": { required: { textDocument, options: formattingOptions } },
  "textDocument/rangeFormatting": { required: { ...overRange.required, options: formattingOptions } },
  "textDocument/semanticTokens/full": onDocument,
  "textDocument/semanticTokens/range": overRange,
  "workspace/symbol": { required: { query: text } },
  "workspace/executeCommand": { required: { command: text }, optional: { arguments: arrayOf(() => undefined) } },
} satisfies Record<string, ParamsShape>;

export type RequestMethod = keyof typeof requestShapes;

/** The notifications the server handles, with the shape of their params. */
export const notificationShapes = {
  "textDocument/didOpen": { required: { textDocument: object({ required: { uri, languageId: text, version: integer, text } }) } },
  "textDocument/didChange": {
    required: { textDocument: object({ required: { uri, version: integer } }), contentChanges: arrayOf(contentChange) },
  },
  "textDocument/didClose": { required: { textDocument } },
  "workspace/didChangeWatchedFiles": { required: { changes: arrayOf(object({ required: { uri, type: uinteger } })) } },
  // Handled inside vscode-languageserver, which reads their params without looking.
  "$/cancelRequest": { required: { id: (value, at) => (typeof value === "string" ? undefined : integer(value, at)) } },
  "$/setTrace": { required: { value: text } },
} satisfies Record<string, ParamsShape>;

export type NotificationMethod = keyof typeof notificationShapes;

/** The problem with a request's or notification's params, naming the first field that does not fit; undefined when they fit. */
export function paramsProblem(method: RequestMethod | NotificationMethod, params: unknown): string | undefined {
  const shape: ParamsShape =
    method in requestShapes ? requestShapes[method as RequestMethod] : notificationShapes[method as NotificationMethod];
  const problem = isObject(params) ? fieldsProblem(shape, params, "params") : `params must be an object (got ${describe(params)})`;
  return problem === undefined ? undefined : `Covenant: ${method}: ${problem}`;
}

/** Throws InvalidParams naming the first field of `params` that does not fit the request's shape. */
export function checkParams(method: RequestMethod, params: unknown): void {
  const problem = paramsProblem(method, params);
  if (problem !== undefined) throw new ResponseError(ErrorCodes.InvalidParams, problem);
}

function fieldsProblem(shape: ParamsShape, value: Record<string, unknown>, at: string): string | undefined {
  for (const [name, check] of Object.entries(shape.required)) {
    const problem = check(value[name], `${at}.${name}`);
    if (problem !== undefined) return problem;
  }
  for (const [name, check] of Object.entries(shape.optional ?? {})) {
    if (value[name] === undefined || value[name] === null) continue;
    const problem = check(value[name], `${at}.${name}`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
