/**
 * Debounced re-checking with a version token. Every change bumps the token and (re)schedules one
 * run over the documents it affects; a run yields to the event loop between documents and stops as
 * soon as the token moves on, handing what it did not reach to the next run. So a burst of edits
 * costs one check of the last text, and a new edit cancels a stale run between two documents.
 */
export class CheckScheduler {
  private readonly pending = new Set<string>();
  private generation = 0;
  private timer: { cancel(): void } | undefined;
  private running: Promise<void> | undefined;

  /**
   * @param check re-checks one document and publishes what it found.
   * @param delay milliseconds to wait after the last change before checking.
   */
  constructor(
    private readonly check: (uri: string) => void,
    private readonly delay: number,
    private readonly onError: (uri: string, error: unknown) => void,
  ) {}

  /** Schedules a re-check of `uris`; any run in progress stops at its next yield. */
  schedule(uris: Iterable<string>): void {
    for (const uri of uris) this.pending.add(uri);
    this.generation++;
    this.timer?.cancel();
    const fire = (): void => {
      this.timer = undefined;
      void this.run();
    };
    // Without a delay, the next turn of the event loop is enough: edits already received are handled first.
    if (this.delay > 0) {
      const handle = setTimeout(fire, this.delay);
      this.timer = { cancel: () => clearTimeout(handle) };
    } else {
      const handle = setImmediate(fire);
      this.timer = { cancel: () => clearImmediate(handle) };
    }
  }

  /** Forgets a document that is no longer open. */
  drop(uri: string): void {
    this.pending.delete(uri);
  }

  /** Resolves once nothing is pending or running; for tests and shutdown. */
  async idle(): Promise<void> {
    while (this.timer || this.running || this.pending.size > 0) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, Math.max(1, this.delay)));
    }
  }

  private async run(): Promise<void> {
    if (this.running) {
      // The current run sees the new token at its next yield and stops; then this one starts.
      await this.running;
      if (this.timer) return;
    }
    const generation = this.generation;
    this.running = (async () => {
      // Let messages already received (a further edit, say) be handled first.
      await yieldToEventLoop();
      while (this.pending.size > 0 && generation === this.generation) {
        const [uri] = this.pending;
        this.pending.delete(uri!);
        try {
          this.check(uri!);
        } catch (error) {
          this.onError(uri!, error);
        }
        await yieldToEventLoop();
      }
    })();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
