import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** A node of a flows.json: any properties, `id` and `type` always. */
export interface FlowNode {
  id: string;
  type: string;
  [property: string]: unknown;
}

/** An HTTP answer: status and body (parsed as JSON when it is). */
export interface Answer {
  status: number;
  text: string;
  body: unknown;
}

/** A running Node-RED 4 over a user directory. */
export interface NodeRed {
  readonly url: string;
  /** Everything Node-RED printed so far. */
  log(): string;
  /** A request to the admin API (or any route), with an admin token when given. */
  request(method: string, route: string, body?: unknown, token?: string): Promise<Answer>;
  /** Replaces the flows (a full deploy through the admin API) and waits until they run. */
  deploy(nodes: FlowNode[]): Promise<void>;
  close(): Promise<void>;
}

/** Node-RED 4 from the dev dependencies; throws (so the suite fails, never skips) when absent or of another major. */
export function nodeRedVersion(): string {
  const version = (require('node-red/package.json') as { version: string }).version;
  if (!version.startsWith('4.')) throw new Error(`the Node-RED palette tests need node-red 4, found ${version}`);
  return version;
}

/**
 * A bcrypt hash of a password, as adminAuth's users hold them, made with the bcryptjs
 * that Node-RED itself depends on.
 */
export function adminPasswordHash(password: string): string {
  const fromNodeRed = createRequire(require.resolve('node-red/package.json'));
  const bcrypt = fromNodeRed(fromNodeRed.resolve('bcryptjs', { paths: [path.dirname(require.resolve('@node-red/editor-api/package.json'))] })) as { hashSync(text: string, rounds: number): string };
  return bcrypt.hashSync(password, 8);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function waitFor(child: ChildProcess, output: () => string, done: (text: string) => boolean, what: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`Node-RED: ${what} did not happen within ${timeoutMs} ms:\n${output().slice(-4000)}`)), timeoutMs);
    const check = (): void => {
      if (done(output())) finish();
    };
    const exited = (code: number | null): void => finish(new Error(`Node-RED exited (${String(code)}) before ${what}:\n${output().slice(-4000)}`));
    function finish(error?: Error): void {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', exited);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', check);
    child.once('exit', exited);
    check();
  });
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** Options of one Node-RED instance. */
export interface StartOptions {
  userDir: string;
  /** Environment variables of the Node-RED process (MAILERLITE_* of the test process are never passed on). */
  env?: Record<string, string>;
  /** Turns on Node-RED's admin authentication with one user of every permission. */
  adminAuth?: { username: string; passwordHash: string };
}

/**
 * Starts Node-RED 4 headless (`node node_modules/node-red/red.js`) on a free port of
 * 127.0.0.1 over a user directory: editor and admin API at `/`, HTTP-in routes at `/`,
 * credentials encrypted, no tours, telemetry or update checks.
 *
 * @example
 * const red = await startNodeRed({ userDir });
 * await red.deploy([...nodes]);
 * await red.request('POST', '/probe/1', { customer_email: 'priya@example.com' });
 */
export async function startNodeRed(options: StartOptions): Promise<NodeRed> {
  nodeRedVersion();
  const port = await freePort();
  const settings = {
    uiHost: '127.0.0.1',
    uiPort: port,
    httpAdminRoot: '/',
    httpNodeRoot: '/',
    flowFile: 'flows.json',
    credentialSecret: 'palette-test-credential-secret',
    diagnostics: { enabled: false, ui: false },
    runtimeState: { enabled: false, ui: false },
    telemetry: { enabled: false, updateNotification: false },
    editorTheme: { tours: false, projects: { enabled: false } },
    externalModules: { palette: { allowInstall: false } },
    logging: { console: { level: 'info', metrics: false, audit: false } },
    ...(options.adminAuth ? { adminAuth: { type: 'credentials', users: [{ username: options.adminAuth.username, password: options.adminAuth.passwordHash, permissions: '*' }] } } : {}),
  };
  const settingsFile = path.join(options.userDir, 'settings.js');
  await writeFile(settingsFile, `module.exports = ${JSON.stringify(settings, null, 2)};\n`);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAILERLITE_')));
  const child = spawn(process.execPath, [require.resolve('node-red/red.js'), '--userDir', options.userDir, '--settings', settingsFile], {
    env: { ...inherited, ...options.env, NODE_RED_ENABLE_PROJECTS: 'false', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
  try {
    await waitFor(child, () => output, (text) => text.includes('Started flows') || text.includes('Flows file not found') || /Server now running/.test(text), 'the start', 30_000);
    await waitFor(child, () => output, (text) => /Server now running at/.test(text), 'the server', 30_000);
  } catch (error) {
    await close();
    throw error;
  }
  const request = async (method: string, route: string, body?: unknown, token?: string): Promise<Answer> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(url + route, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }), signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // kept as text
    }
    return { status: response.status, text, body: parsed };
  };
  return {
    url,
    log: () => output,
    request,
    close,
    async deploy(nodes) {
      const before = count(output, 'Started flows');
      const response = await fetch(`${url}/flows`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Node-RED-API-Version': 'v1', 'Node-RED-Deployment-Type': 'full' },
        body: JSON.stringify(nodes),
      });
      if (response.status !== 204 && response.status !== 200) throw new Error(`deploy answered ${response.status}: ${await response.text()}`);
      await waitFor(child, () => output, (text) => count(text, 'Started flows') > before, 'the deploy', 30_000);
    },
  };
}
