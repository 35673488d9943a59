/** Where a command writes and what it knows of its terminal; tests pass their own. */
export interface Io {
  readonly cwd: string;
  readonly color: boolean;
  readonly version: string;
  /** Whether stdout is a terminal: binary output (`--to docx`) is refused there and written to a pipe or file. */
  readonly stdoutIsTerminal?: boolean;
  stdout(text: string): void;
  /** Writes bytes to stdout as they are; without it a command cannot send binary output to stdout. */
  stdoutBytes?(bytes: Uint8Array): void;
  stderr(text: string): void;
}
