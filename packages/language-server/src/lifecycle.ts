import { ErrorCodes, ResponseError } from "vscode-languageserver";

/**
 * Where the server is in the protocol's life (LSP "Lifecycle Messages"): before `initialize`,
 * requests are answered ServerNotInitialized (-32002) and notifications dropped; after `shutdown`,
 * requests are answered InvalidRequest (-32600) and notifications other than `exit` dropped.
 */
export class Lifecycle {
  private state: "starting" | "running" | "shut down" = "starting";

  /** `initialize` arrived: requests are served from now on. */
  initialize(): void {
    if (this.state === "running") throw new ResponseError(ErrorCodes.InvalidRequest, "Covenant: the server is already initialized");
    this.state = "running";
  }

  /** `shutdown` arrived: every later request is refused; a second `shutdown` too. */
  shutDown(): void {
    this.admit("shutdown");
    this.state = "shut down";
  }

  /** True once `shutdown` was received, so `exit` (or the input closing) ends the process with 0. */
  get shutdownReceived(): boolean {
    return this.state === "shut down";
  }

  /** Throws the protocol's error for a request that arrives before `initialize` or after `shutdown`. */
  admit(method: string): void {
    if (this.state === "starting")
      throw new ResponseError(ErrorCodes.ServerNotInitialized, `Covenant: ${method} before initialize; send initialize first`);
    if (this.state === "shut down") throw new ResponseError(ErrorCodes.InvalidRequest, `Covenant: ${method} after shutdown`);
  }

  /** True when a notification is to be handled: between `initialize` and `shutdown`. */
  get admitsNotifications(): boolean {
    return this.state === "running";
  }
}
