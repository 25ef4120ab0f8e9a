import { SingleBar } from 'cli-progress';
import { duration, int } from './summary.js';

/** Progress of a run: told about settled contacts, shows rate and ETA. */
export interface Progress {
  /** `count` more contacts have a final answer. */
  advance(count: number): void;
  stop(): void;
}

/** Where and how progress shows. */
export interface ProgressOptions {
  stream: NodeJS.WritableStream;
  isTTY: boolean;
  /** Contacts this run will settle. */
  total: number;
  /** Length of a rate-limit minute, so the rate reads per (simulated) minute. */
  minuteMs: number;
  /** The pacing interval: the first batch goes at once, so its slot counts as time spent. */
  slotMs?: number;
  /** Plain lines at most this often (and at each 10%). */
  everyMs: number;
  now?: () => number;
}

/**
 * A cli-progress bar with rate and ETA on a terminal; otherwise a plain line every
 * `everyMs` and at each further 10%, e.g.
 * `sync: 4,900/10,000 contacts (49%), 5,812/min, ETA 53 s` (the rate per rate-limit
 * minute: per simulated minute against a simulator with a short one).
 *
 * @example
 * const progress = createProgress({ stream: process.stderr, isTTY: true, total: 10_000, minuteMs: 60_000, everyMs: 5000 });
 * progress.advance(49); progress.stop();
 */
export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  let done = 0;
  const per = options.minuteMs === 60_000 ? '/min' : `/${int(options.minuteMs)} ms`;
  const figures = () => {
    const elapsed = Math.max(1, now() - started + (options.slotMs ?? 0));
    const perMs = done / elapsed;
    return {
      rate: int(perMs * options.minuteMs),
      eta: done === 0 ? '…' : duration((options.total - done) / perMs),
      percent: options.total === 0 ? 100 : Math.floor((done * 100) / options.total),
    };
  };
  if (options.total === 0) return { advance() {}, stop() {} };
  if (options.isTTY) {
    const bar = new SingleBar({
      stream: options.stream,
      noTTYOutput: true,
      format: `sync |{bar}| {percentage}% | {value}/{total} contacts | {rate}${per} | ETA {etaText}`,
      barsize: 30,
      hideCursor: null,
    });
    bar.start(options.total, 0, { rate: '0', etaText: '…' });
    return {
      advance(count) {
        done += count;
        const f = figures();
        bar.update(done, { rate: f.rate, etaText: f.eta });
      },
      stop: () => bar.stop(),
    };
  }
  let lastAt = started;
  let lastTenth = 0;
  return {
    advance(count) {
      done += count;
      const f = figures();
      const tenth = Math.floor(f.percent / 10);
      if (now() - lastAt < options.everyMs && tenth <= lastTenth) return;
      lastAt = now();
      lastTenth = tenth;
      options.stream.write(`sync: ${int(done)}/${int(options.total)} contacts (${f.percent}%), ${f.rate}${per}, ETA ${f.eta}\n`);
    },
    stop() {},
  };
}
