/** Where a command writes and what it knows of its terminal; tests pass their own. */
export interface Io {
  readonly cwd: string;
  readonly color: boolean;
  readonly version: string;
  stdout(text: string): void;
  stderr(text: string): void;
}
