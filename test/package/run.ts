import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** What a finished command printed and how it exited. */
export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command (no shell) in a folder and collects its output. The live API key is
 * removed from the environment, so nothing here can reach MailerLite with it; `extraEnv`
 * adds variables (a test may set a key it knows is never sent).
 *
 * @example
 * const { code, stdout } = await run('npm', ['pack', '--json'], '/path/to/project');
 */
export function run(command: string, args: string[], cwd: string, timeoutMs = 170_000, extraEnv: Record<string, string> = {}): Promise<Ran> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false' };
  delete env.MAILERLITE_API_KEY;
  Object.assign(env, extraEnv);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Newest modification time of the `.ts` files under a folder (0 when there are none). */
export async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Modification time of a file, or undefined when it does not exist. */
export async function modified(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * Why the build in `root/dist` cannot be used: missing, or older than a source under
 * `plugin/`; undefined when it is current.
 *
 * @example
 * await staleBuild(root) // 'dist/plugin/index.js is missing: run `npm run build`'
 */
export async function staleBuild(root: string): Promise<string | undefined> {
  const files = ['dist/plugin/index.js', 'dist/plugin/harness/cli/main.js'];
  const times = await Promise.all(files.map((file) => modified(path.join(root, file))));
  const absent = files.filter((_, i) => times[i] === undefined);
  if (absent.length > 0) return `${absent.join(' and ')} missing: run \`npm run build\``;
  const newest = await newestSource(path.join(root, 'plugin'));
  if (Math.min(...times.map((t) => t ?? 0)) < newest) return 'dist/ is older than plugin/: run `npm run build`';
  return undefined;
}
