import cliProgress from 'cli-progress';

/**
 * A progress bar per phase on a terminal (cli-progress); on a pipe or in CI, one line per finished
 * phase instead, so logs stay readable.
 */
export class Progress {
  private bar: cliProgress.SingleBar | undefined;
  private started = 0;
  private name = '';
  private value = 0;

  constructor(private readonly interactive = Boolean(process.stderr.isTTY)) {}

  phase(name: string, total: number, unit: string): void {
    this.done();
    this.name = name;
    this.value = 0;
    this.started = Date.now();
    if (!this.interactive) return;
    this.bar = new cliProgress.SingleBar(
      {
        format: `${name.padEnd(22)} {bar} {percentage}% | {value}/{total} ${unit} | {duration_formatted}`,
        hideCursor: true,
        stream: process.stderr,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total, 0);
  }

  tick(step = 1): void {
    this.value += step;
    this.bar?.increment(step);
  }

  done(detail = ''): void {
    if (!this.name) return;
    this.bar?.stop();
    this.bar = undefined;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    console.error(`  ${this.name}: done in ${seconds} s${detail ? ` (${detail})` : ''}`);
    this.name = '';
  }
}
