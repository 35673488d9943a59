/** Where a command writes and what it knows of its terminal; tests pass their own. */
export interface Io {
  readonly cwd: string;
  readonly color: boolean;
  readonly version: string;
  /** Whether standard output is a terminal, where binary output (a PDF) is refused. */
  readonly stdoutIsTerminal?: boolean;
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
}
