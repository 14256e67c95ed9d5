import { SingleBar, Presets } from 'cli-progress';

/**
 * A progress bar on stderr for long work. It stays silent when stderr is not a terminal or
 * --json is set, so scripts and logs get no control characters.
 */
export class ProgressReporter {
  private bar: SingleBar | null = null;

  constructor(
    private readonly enabled: boolean,
    private readonly label: string,
  ) {}

  update(done: number, total: number): void {
    if (!this.enabled) return;
    if (this.bar === null) {
      this.bar = new SingleBar(
        {
          format: `${this.label} [{bar}] {value}/{total}`,
          stream: process.stderr,
          hideCursor: true,
        },
        Presets.shades_classic,
      );
      this.bar.start(total, 0);
    }
    this.bar.setTotal(total);
    this.bar.update(done);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}

export function progressEnabled(json: boolean): boolean {
  return !json && process.stderr.isTTY === true;
}
