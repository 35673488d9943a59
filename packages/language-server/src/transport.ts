import {
  AbstractMessageReader,
  Disposable,
  ErrorCodes,
  type DataCallback,
  type Message,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
  type ResponseMessage,
} from "vscode-languageserver/node";
import { paramsProblem, type NotificationMethod, type RequestMethod } from "./params.js";

/** Largest header section accepted (the protocol's headers are two short lines). */
const maxHeaderBytes = 8 * 1024;
/** Largest message body accepted; a document's full text fits with room to spare. */
export const maxBodyBytes = 256 * 1024 * 1024;

const headerEnd = Buffer.from("\r\n\r\n", "ascii");

/**
 * Reads the LSP base protocol (`Content-Length: N\r\n\r\n` + N bytes of JSON) strictly. A stream
 * that breaks the framing cannot be resynchronised: vscode-jsonrpc's own reader reports such an
 * error and then waits for a header that never comes, leaving the server deaf. Here every
 * violation (no Content-Length, one that is not a plain decimal or is too large, a header section
 * without an end) fires an error and stops reading, so the process can end and the client restart
 * it. A body that is framed correctly but is no message is answered as JSON-RPC 2.0 says, and
 * reading goes on (the next message starts where the Content-Length says): a body that is not
 * JSON (or not UTF-8) gets Parse error (-32700), one that is not a valid request object (a batch,
 * no `jsonrpc: "2.0"`, an id that is not a string or number, no method) Invalid Request (-32600),
 * with the request's id when it is usable and null otherwise.
 */
export class StrictMessageReader extends AbstractMessageReader implements MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The body length of the message being read, once its header is in. */
  private bodyLength: number | undefined;
  private broken = false;

  /** `reply` sends the answer to a body that is no message (the connection's writer). */
  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly reply: (answer: ResponseMessage) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer | string): void => this.receive(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk, callback);
    const onError = (error: Error): void => this.fireError(error);
    const onClose = (): void => this.fireClose();
    this.input.on("data", onData);
    this.input.on("error", onError);
    this.input.on("end", onClose);
    this.input.on("close", onClose);
    return Disposable.create(() => {
      this.input.off("data", onData);
      this.input.off("error", onError);
      this.input.off("end", onClose);
      this.input.off("close", onClose);
    });
  }

  private receive(chunk: Buffer, callback: DataCallback): void {
    if (this.broken) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.bodyLength === undefined) {
        const head = this.take(headerEnd);
        if (head === undefined) {
          if (this.buffered > maxHeaderBytes)
            this.fail(`a message header longer than ${maxHeaderBytes} bytes without its end (\\r\\n\\r\\n)`);
          return;
        }
        const length = contentLength(head);
        if (typeof length === "string") return this.fail(length);
        this.bodyLength = length;
      }
      if (this.buffered < this.bodyLength) return;
      const body = this.takeBytes(this.bodyLength);
      this.bodyLength = undefined;
      const decoded = decodeMessage(body);
      if ("answer" in decoded) this.reply(decoded.answer);
      else this.deliver(callback, decoded.message);
    }
  }

  /**
   * Hands one message on. An exception in the dispatcher must not stop the reading of the messages
   * already buffered behind it (the server would wait for input that has already come): it is
   * rethrown on its own, where the process's uncaught-exception handler logs it.
   */
  private deliver(callback: DataCallback, message: Message): void {
    try {
      callback(message);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  private fail(problem: string): void {
    this.broken = true;
    this.chunks = [];
    this.buffered = 0;
    this.fireError(new Error(`malformed message: ${problem}`));
  }

  /** The header section up to its terminator (which is consumed), or undefined while incomplete. */
  private take(terminator: Buffer): string | undefined {
    const all = this.joined();
    const at = all.indexOf(terminator);
    if (at < 0 || at > maxHeaderBytes) return undefined;
    const head = all.subarray(0, at).toString("ascii");
    this.chunks = [all.subarray(at + terminator.length)];
    this.buffered = this.chunks[0]!.length;
    return head;
  }

  private takeBytes(length: number): Buffer {
    const all = this.joined();
    this.chunks = [all.subarray(length)];
    this.buffered = this.chunks[0]!.length;
    return all.subarray(0, length);
  }

  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }
}

/** The Content-Length of a header section, or the problem with it. */
function contentLength(head: string): number | string {
  let length: number | undefined;
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) return `a header line without a name and value: ${JSON.stringify(line.slice(0, 80))}`;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "content-length") {
      if (!/^[0-9]{1,12}$/.test(value))
        return `Content-Length must be a decimal number of bytes (got ${JSON.stringify(value.slice(0, 40))})`;
      length = Number(value);
      if (length > maxBodyBytes) return `Content-Length ${length} is larger than ${maxBodyBytes} bytes`;
    } else if (name === "content-type") {
      const charset = /charset=([^;\s]+)/i.exec(value)?.[1]?.toLowerCase().replace(/"/g, "");
      if (charset !== undefined && charset !== "utf-8" && charset !== "utf8")
        return `the charset must be utf-8 (got ${JSON.stringify(charset)})`;
    }
  }
  return length ?? "a header without Content-Length";
}

/** The answer to a body that is no JSON-RPC message: `code` with `message`, for the request `id` (null when unusable). */
function refusal(id: string | number | null, code: number, message: string): { answer: ResponseMessage } {
  return { answer: { jsonrpc: "2.0", id, error: { code, message } } };
}

/**
 * The JSON-RPC message in a correctly framed body, or the answer JSON-RPC 2.0 gives when it is
 * none: Parse error (-32700) for a body that is not UTF-8 JSON, Invalid Request (-32600) for a
 * value that is not one request, notification or response object. A message without a method is
 * a response to one of the server's requests only when it has an id and a result or an error.
 */
function decodeMessage(body: Buffer): { message: Message } | { answer: ResponseMessage } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return refusal(null, ErrorCodes.ParseError, "Parse error: the message body is not UTF-8");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refusal(null, ErrorCodes.ParseError, `Parse error: the message body is not JSON (${(error as Error).message})`);
  }
  if (Array.isArray(value))
    return refusal(
      null,
      ErrorCodes.InvalidRequest,
      "Invalid Request: the Language Server Protocol has no batches; send each message in its own frame",
    );
  if (typeof value !== "object" || value === null)
    return refusal(null, ErrorCodes.InvalidRequest, "Invalid Request: a message must be a JSON object");
  const fields = value as Record<string, unknown>;
  const id = fields.id;
  const usableId = typeof id === "string" || (typeof id === "number" && Number.isFinite(id)) ? id : null;
  if (id !== undefined && id !== null && usableId === null)
    return refusal(null, ErrorCodes.InvalidRequest, `Invalid Request: the id must be a string or a number (got ${describe(id)})`);
  if (fields.jsonrpc !== "2.0") return refusal(usableId, ErrorCodes.InvalidRequest, 'Invalid Request: the member "jsonrpc" must be "2.0"');
  if ("method" in fields) {
    if (id === null)
      return refusal(null, ErrorCodes.InvalidRequest, "Invalid Request: a request's id must not be null (a notification has no id)");
    if (typeof fields.method !== "string")
      return refusal(usableId, ErrorCodes.InvalidRequest, `Invalid Request: the method must be a string (got ${describe(fields.method)})`);
    return { message: value as Message };
  }
  if (id !== undefined && ("result" in fields || "error" in fields)) return { message: value as Message };
  return refusal(usableId, ErrorCodes.InvalidRequest, "Invalid Request: a request must name its method");
}

/** A JSON value's kind, for a message: `an object`, `an array`, `true`, `1.5`. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return JSON.stringify(value).slice(0, 40);
}

/** Messages vscode-languageserver handles itself, reading their params before any handler of the server runs. */
const handledByLibrary: ReadonlySet<string> = new Set<RequestMethod | NotificationMethod>(["initialize", "$/cancelRequest", "$/setTrace"]);

/**
 * Checks the params of the messages vscode-languageserver handles itself (`initialize`,
 * `$/cancelRequest`, `$/setTrace`) before the library sees them: it reads `params.processId` or
 * `params.id` without looking, so null params would come back as an InternalError or an uncaught
 * exception. A request that does not fit is answered InvalidParams; a notification is dropped.
 * Every other message passes through (the server's own edge checks those).
 */
export class LibraryParamsGate implements MessageReader {
  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {}

  get onError(): MessageReader["onError"] {
    return this.inner.onError;
  }

  get onClose(): MessageReader["onClose"] {
    return this.inner.onClose;
  }

  get onPartialMessage(): MessageReader["onPartialMessage"] {
    return this.inner.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      const { method, id, params } = message as Partial<RequestMessage>;
      if (method === undefined || !handledByLibrary.has(method)) return callback(message);
      const problem = paramsProblem(method as RequestMethod | NotificationMethod, params ?? null);
      if (problem === undefined) return callback(message);
      if (id === undefined) return;
      const answer: ResponseMessage = { jsonrpc: "2.0", id, error: { code: ErrorCodes.InvalidParams, message: problem } };
      void this.writer.write(answer);
    });
  }

  dispose(): void {
    this.inner.dispose();
  }
}
