import { createInterface } from 'node:readline';

/** Reads input line by line on demand; `next()` resolves undefined at end of input. */
export interface LineReader {
  next(prompt: string): Promise<string | undefined>;
  close(): void;
}

/**
 * A line reader over a stream that works for a terminal (shows the prompt) and for
 * piped input (no prompt echo), so `chat` can be scripted.
 */
export function lineReader(input: NodeJS.ReadableStream & { isTTY?: boolean }, output: NodeJS.WritableStream): LineReader {
  const rl = createInterface({ input, ...(input.isTTY ? { output, terminal: true } : {}), crlfDelay: Infinity });
  const queued: string[] = [];
  const waiting: Array<(line: string | undefined) => void> = [];
  let ended = false;
  rl.on('line', (line) => {
    const resolve = waiting.shift();
    if (resolve) resolve(line);
    else queued.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const resolve of waiting.splice(0)) resolve(undefined);
  });
  return {
    next(prompt) {
      if (input.isTTY) output.write(prompt);
      const line = queued.shift();
      if (line !== undefined) return Promise.resolve(line);
      if (ended) return Promise.resolve(undefined);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => rl.close(),
  };
}
