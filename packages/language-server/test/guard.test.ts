import { describe, expect, it } from "vitest";
import { CancellationTokenSource, ErrorCodes, LSPErrorCodes, ResponseError } from "vscode-languageserver";
import { guard } from "../src/guard.js";

describe("guard", () => {
  const token = new CancellationTokenSource().token;

  it("answers an exception with an InternalError and logs its stack", async () => {
    const logged: string[] = [];
    const handler = guard(
      (m) => logged.push(m),
      "hover",
      () => {
        throw new Error("bad");
      },
    );
    const result = await handler({}, token);
    expect(result).toBeInstanceOf(ResponseError);
    expect((result as ResponseError<void>).code).toBe(ErrorCodes.InternalError);
    expect(logged[0]).toMatch(/^Covenant: hover failed: Error: bad\n\s+at /);
  });

  it("passes a deliberate ResponseError through without logging", async () => {
    const logged: string[] = [];
    const result = await guard(
      (m) => logged.push(m),
      "rename",
      () => {
        throw new ResponseError(ErrorCodes.InvalidParams, "no");
      },
    )({}, token);
    expect((result as ResponseError<void>).code).toBe(ErrorCodes.InvalidParams);
    expect(logged).toEqual([]);
  });

  it("answers a cancelled request with RequestCancelled", async () => {
    const source = new CancellationTokenSource();
    source.cancel();
    const result = await guard(
      () => undefined,
      "completion",
      () => "late",
    )({}, source.token);
    expect((result as ResponseError<void>).code).toBe(LSPErrorCodes.RequestCancelled);
  });

  it("returns the result otherwise, awaiting promises", async () => {
    expect(
      await guard(
        () => undefined,
        "x",
        async () => 42,
      )({}, token),
    ).toBe(42);
  });
});
