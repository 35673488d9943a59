import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from "vscode-languageserver";

/**
 * The one wrapper around every handler: the server never dies. An exception is logged with its
 * stack and answered with an InternalError; a ResponseError thrown on purpose (a request on a
 * document that is not open, a refused rename) is answered as it is; a request cancelled before
 * or while it ran is answered with RequestCancelled.
 */
export function guard<P, R>(
  log: (message: string) => void,
  name: string,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params, token) => {
    if (token.isCancellationRequested) return cancelled(name);
    try {
      const result = await handler(params, token);
      return token.isCancellationRequested ? cancelled(name) : result;
    } catch (error) {
      if (error instanceof ResponseError) return error as ResponseError<void>;
      log(`Covenant: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return new ResponseError(
        ErrorCodes.InternalError,
        `Covenant: ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
}

/** The same for notifications, which have no answer: the exception is logged. */
export function guardNotification<P>(log: (message: string) => void, name: string, handler: (params: P) => void): (params: P) => void {
  return (params) => {
    try {
      handler(params);
    } catch (error) {
      log(`Covenant: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
}

function cancelled(name: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `Covenant: ${name} was cancelled`);
}
