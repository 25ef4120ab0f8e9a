import type { Readable } from 'node:stream';

/**
 * The items of an object stream, as one array each time it holds some: everything
 * readable is taken at once, so a file of a million rows costs a few thousand awaits, not
 * a million, and rows do not wait in the stream's buffer long enough to age into the
 * garbage collector's old generation. An error of the stream is thrown.
 *
 * @example
 * for await (const records of batchesOf<string[]>(createReadStream(file).pipe(parse()))) for (const record of records) use(record);
 */
export async function* batchesOf<T>(stream: Readable): AsyncGenerator<T[]> {
  for (;;) {
    const batch: T[] = [];
    let item: T | null;
    while ((item = stream.read() as T | null) !== null) batch.push(item);
    if (stream.errored) throw stream.errored;
    if (batch.length > 0) yield batch;
    else if (stream.readableEnded || stream.destroyed) return;
    else await readableOrEnd(stream);
  }
}

/** Resolves when the stream has more to read or has ended; rejects on its error. */
function readableOrEnd(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: unknown): void => {
      stream.off('readable', settle);
      stream.off('end', settle);
      stream.off('close', settle);
      stream.off('error', settle);
      if (error instanceof Error) reject(error);
      else resolve();
    };
    stream.on('readable', settle);
    stream.on('end', settle);
    stream.on('close', settle);
    stream.on('error', settle);
  });
}
