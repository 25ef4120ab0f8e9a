/** What a run does when the user presses Ctrl-C (SIGINT) or the process gets SIGTERM. */
export interface Interrupt {
  /** Aborted once a stop was asked for: send no new batch, let those in flight finish. */
  readonly signal: AbortSignal;
  /** Stops listening. */
  dispose(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Listens for Ctrl-C while a sync runs. The first one asks for a stop (`onFirst` says so
 * and the run ends cleanly: journal closed, report written, resume command printed); a
 * second one ends the process at once (`onSecond` prints, then exit 130): every line of
 * the journal is already on disk, so the resume stays exact.
 *
 * @example
 * const interrupt = listenForInterrupt(() => stderr.write('stopping…\n'), () => stderr.write('stopped\n'));
 * try { ... if (interrupt.signal.aborted) ... } finally { interrupt.dispose() }
 */
export function listenForInterrupt(onFirst: () => void, onSecond: () => void): Interrupt {
  const controller = new AbortController();
  const handler = (): void => {
    if (!controller.signal.aborted) {
      controller.abort();
      onFirst();
      return;
    }
    onSecond();
    process.exit(130);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return {
    signal: controller.signal,
    dispose() {
      for (const signal of SIGNALS) process.off(signal, handler);
    },
  };
}
