import cliProgress from 'cli-progress';

/** Reports progress of long work (seed, verify, import). */
export interface Progress {
  /** Starts a phase of `total` units. */
  start(label: string, total: number): void;
  increment(by?: number): void;
  stop(): void;
}

/** Says nothing: for tests and library use. */
export const silentProgress: Progress = { start() {}, increment() {}, stop() {} };

/**
 * A progress bar with rate and ETA on a terminal; plain lines (one per 10 %) when output is not a TTY,
 * so CI logs stay readable.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: '{label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}',
        stream,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let startedAt = 0;
    let value = 0;
    return {
      start(label, total) {
        startedAt = Date.now();
        value = 0;
        bar.start(total, 0, { label, rate: 0 });
      },
      increment(by = 1) {
        value += by;
        const seconds = (Date.now() - startedAt) / 1000;
        bar.increment(by, { rate: seconds > 0 ? Math.round(value / seconds) : 0 });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let label = '';
  let total = 0;
  let value = 0;
  let nextReport = 0;
  let startedAt = 0;
  const report = () => {
    const seconds = (Date.now() - startedAt) / 1000;
    const rate = seconds > 0 ? Math.round(value / seconds) : 0;
    stream.write(
      `${label}: ${value}/${total} (${total ? Math.round((value / total) * 100) : 100}%, ${rate}/s)\n`,
    );
  };
  return {
    start(newLabel, newTotal) {
      label = newLabel;
      total = newTotal;
      value = 0;
      nextReport = newTotal / 10;
      startedAt = Date.now();
    },
    increment(by = 1) {
      value += by;
      if (value >= nextReport && value < total) {
        report();
        nextReport += total / 10;
      }
    },
    stop() {
      report();
    },
  };
}
