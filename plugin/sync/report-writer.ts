import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { UsageError } from '../errors.js';
import type { Problem, ReportHead } from './report.js';
import type { RowWarning } from './types.js';

/** Text as `JSON.stringify(value, null, 2)` writes it, moved right by `indent` spaces. */
function pretty(value: unknown, indent: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(indent)}`);
}

/** Writes a stream, waiting when its buffer is full; a write error becomes a UsageError naming the option. */
class Out {
  private failed: Error | undefined;

  constructor(
    readonly stream: WriteStream,
    private readonly what: string,
  ) {
    stream.on('error', (error) => (this.failed ??= error));
  }

  async write(text: string): Promise<void> {
    this.check();
    if (!this.stream.write(text)) await once(this.stream, 'drain');
    this.check();
  }

  async close(): Promise<void> {
    if (this.stream.closed) return;
    await new Promise<void>((resolve) => this.stream.end(resolve));
    this.check();
  }

  private check(): void {
    if (this.failed) throw new UsageError(`${this.what}: cannot write (${(this.failed as NodeJS.ErrnoException).code ?? this.failed.message})`);
  }
}

/**
 * Writes the JSON report as the rows come: the head first, then the problems straight
 * into the file and the warnings into a spool beside it (their list comes after the
 * problems), then the warnings and duplicates; the result is the text
 * `JSON.stringify(report, null, 2)` would give, renamed into place when complete.
 *
 * @example
 * const writer = await ReportWriter.open('report.json', head);
 * await writer.problem({ line: 7, kind: 'invalid_row', reason: 'email: missing' });
 * await writer.finish([]);
 */
export class ReportWriter {
  private problems = 0;

  private constructor(
    private readonly file: string,
    private readonly out: Out,
    private readonly spool: Out,
  ) {}

  /**
   * Checks, before a run, that the report can be written where asked (a run of an hour
   * must not end on "cannot write").
   */
  static async check(file: string): Promise<void> {
    const probe = `${file}.partial`;
    try {
      await (await open(probe, 'w')).close();
      await rm(probe, { force: true });
    } catch (error) {
      throw new UsageError(`--report ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }

  /** Opens `<file>.partial` and the warnings spool, and writes the head. */
  static async open(file: string, head: ReportHead): Promise<ReportWriter> {
    const what = `--report ${file}`;
    const out = new Out(createWriteStream(`${file}.partial`), what);
    const spool = new Out(createWriteStream(`${file}.warnings.partial`), what);
    const writer = new ReportWriter(file, out, spool);
    try {
      await Promise.all([once(out.stream, 'open'), once(spool.stream, 'open')]);
    } catch (error) {
      await writer.discard();
      throw new UsageError(`${what}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    const fields = Object.entries(head).map(([key, value]) => `  ${JSON.stringify(key)}: ${pretty(value, 2)},\n`);
    await out.write(`{\n${fields.join('')}  "problems": [`);
    return writer;
  }

  async problem(problem: Problem): Promise<void> {
    await this.out.write(`${this.problems++ === 0 ? '\n' : ',\n'}    ${pretty(problem, 4)}`);
  }

  async warning(warning: RowWarning): Promise<void> {
    await this.spool.write(JSON.stringify(warning) + '\n');
  }

  /** Writes the warnings and the duplicates, closes and renames the report into place. */
  async finish(duplicates: ReadonlyArray<{ email: string; lines: number[] }>): Promise<void> {
    await this.out.write(`${this.problems ? '\n  ' : ''}],\n  "warnings": [`);
    await this.spool.close();
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(this.spool.stream.path) })) {
      await this.out.write(`${n++ === 0 ? '\n' : ',\n'}    ${pretty(JSON.parse(line) as RowWarning, 4)}`);
    }
    await this.out.write(`${n ? '\n  ' : ''}],\n  "duplicates": [`);
    n = 0;
    for (const entry of duplicates) await this.out.write(`${n++ === 0 ? '\n' : ',\n'}    ${pretty(entry, 4)}`);
    await this.out.write(`${n ? '\n  ' : ''}]\n}\n`);
    await this.out.close();
    await rename(`${this.file}.partial`, this.file);
  }

  /** Removes what is left of the spool and the partial file (after `finish`, only the spool). */
  async discard(): Promise<void> {
    this.out.stream.destroy();
    this.spool.stream.destroy();
    await rm(`${this.file}.warnings.partial`, { force: true });
    await rm(`${this.file}.partial`, { force: true });
  }
}
