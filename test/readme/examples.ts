import { spawn } from 'node:child_process';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageRoot } from '../../plugin/paths.js';

/** One `$ command` of a README code block and the output printed under it. */
export interface Example {
  /** The command as a shell would run it (continuation lines joined). */
  command: string;
  /** The lines shown under it; a line `...` stands for any number of lines. */
  expected: string[];
  /** 1-based line of the command in README.md. */
  line: number;
}

/**
 * The `$ ` commands of README.md's plain code blocks that run `mailerlite-steps`, each
 * with the output shown under it (up to the next `$ ` line or the end of the block).
 * Commands of other programs (curl, newman, node) are left out: their output is
 * checked by the real-engine tests.
 *
 * @example
 * readmeExamples(readFileSync('README.md', 'utf8'))[0] // { command: 'mailerlite-steps demo', expected: [...], line: 43 }
 */
export function readmeExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  let open = false;
  let plain = false;
  let current: Example | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^```/.test(line)) {
      // A fence opens a block, the next one closes it; only plain blocks (no language) hold commands.
      plain = !open && line.trim() === '```';
      open = !open;
      current = undefined;
      continue;
    }
    if (!open || !plain) continue;
    if (line.startsWith('$ ')) {
      let command = line.slice(2);
      while (command.endsWith('\\') && i + 1 < lines.length) command = command.slice(0, -1) + ' ' + lines[++i]!.trim();
      current = /(^|\| *)mailerlite-steps /.test(command) && !/^[A-Z_]+=/.test(command) ? { command, expected: [], line: i + 1 } : undefined;
      if (current) examples.push(current);
      continue;
    }
    current?.expected.push(line);
  }
  for (const example of examples) while (example.expected.at(-1)?.trim() === '') example.expected.pop();
  return examples;
}

/** What changes from run to run: ports, times, hashes, sizes, dates. */
const VOLATILE: Array<[RegExp, string]> = [
  [/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>'],
  [/\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?Z?/g, '<date>'],
  [/\b[0-9a-f]{12,64}\b/g, '<hash>'],
  [/\b\d{8}-\d{6}\b/g, '<stamp>'],
  [/\b\d+ ms\b/g, '<n> ms'],
  [/\(\d+ characters\)/g, '(<n> characters)'],
  [/\b\d+ bytes\b/g, '<n> bytes'],
  [/\b171\d{15}\b/g, '<id>'],
  [/\s+$/g, ''],
];

/**
 * A line with what varies between runs masked.
 *
 * @example
 * masked('GET http://127.0.0.1:36435/api ← 404 (59 ms)') // 'GET http://127.0.0.1:<port>/api ← 404 (<n> ms)'
 */
export function masked(line: string): string {
  return VOLATILE.reduce((text, [pattern, by]) => text.replace(pattern, by), line);
}

/**
 * True when the printed lines match the shown ones, masked; `...` in the shown lines
 * matches any number of printed lines.
 *
 * @example
 * matches(['a', '...', 'z'], ['a', 'b', 'c', 'z']) // true
 */
export function matches(shown: readonly string[], printed: readonly string[]): boolean {
  const want = shown.map(masked);
  const got = printed.map(masked);
  const at = (i: number, j: number): boolean => {
    if (i === want.length) return j === got.length;
    if (want[i] === '...') {
      for (let k = j; k <= got.length; k++) if (at(i + 1, k)) return true;
      return false;
    }
    return j < got.length && want[i] === got[j] && at(i + 1, j + 1);
  };
  return at(0, 0);
}

/** Commands that serve until stopped: their first lines are compared, then they are stopped. */
const SERVES = /mailerlite-steps (sim|serve)\b/;

/**
 * A folder to run README commands in, with `mailerlite-steps` on the PATH (the built CLI).
 *
 * @example
 * const dir = await exampleFolder(); // then runExample(example, dir)
 */
export async function exampleFolder(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'readme-'));
  const bin = path.join(dir, '.bin');
  await import('node:fs/promises').then((fs) => fs.mkdir(bin));
  const shim = path.join(bin, 'mailerlite-steps');
  await writeFile(shim, `#!/bin/sh\nexec "${process.execPath}" "${path.join(packageRoot(), 'bin', 'mailerlite-steps.js')}" "$@"\n`);
  await chmod(shim, 0o755);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

/**
 * Runs one README command with bash in `dir` (no colour, no key in the environment) and
 * returns the lines it printed, stdout and stderr as one stream in the order written (as
 * a terminal shows them). A serving command (`sim`, `serve`) runs on a free
 * port until it has printed as many lines as the README shows, then it is stopped.
 *
 * @example
 * const printed = await runExample(example, dir); matches(example.expected, printed)
 */
export async function runExample(example: Example, dir: string): Promise<string[]> {
  const serves = SERVES.test(example.command);
  const command = serves ? example.command.replace(/--port \d+/, '--port 0') + (/--port/.test(example.command) ? '' : ' --port 0') : example.command;
  const env: NodeJS.ProcessEnv = { PATH: `${path.join(dir, '.bin')}:${process.env.PATH ?? ''}`, NO_COLOR: '1', HOME: dir };
  // One stream, in the order things were written, as a terminal shows them.
  const child = spawn('bash', ['-c', `{ ${command}\n} 2>&1`], { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  // The whole process group: bash and the command it started.
  const stop = (): void => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  let printed = '';
  const want = example.expected.filter((line) => line !== '...').length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(stop, serves ? 10_000 : 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      if (serves && printed.split('\n').length > want) stop();
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      const text = printed.replace(/\s+$/, '');
      const lines = text === '' ? [] : text.split('\n');
      resolve(serves ? lines.slice(0, want) : lines);
    });
  });
}
