import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { devDependencyVersion } from './dev-dependency.js';

const require = createRequire(import.meta.url);

/** A node of a flows.json: any properties, `id` and `type` always. */
export interface FlowNode {
  id: string;
  type: string;
  [property: string]: unknown;
}

/** An HTTP answer: status, text and body (the text parsed as JSON when it is). */
export interface NodeRedAnswer {
  status: number;
  text: string;
  body: unknown;
}

/** A running Node-RED 4. */
export interface NodeRed {
  readonly url: string;
  /** Everything Node-RED printed so far (for failure messages and log assertions). */
  log(): string;
  /** A request to a route of the instance (HTTP-in flows or the admin API), with an admin token when given. */
  request(method: string, route: string, body?: unknown, token?: string): Promise<NodeRedAnswer>;
  /** Replaces the flows (a full deploy through the admin API) and waits until they run. */
  deploy(nodes: FlowNode[], token?: string): Promise<void>;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s) and removes a user directory it made itself. */
  close(): Promise<void>;
}

/** Options of one Node-RED instance. */
export interface NodeRedOptions {
  /** The user directory; when absent, a temporary one removed by `close`. */
  userDir?: string;
  /** A flows.json written into the user directory before the start; the start then waits until they run. */
  flows?: string;
  /** Environment variables of the Node-RED process (MAILERLITE_* of the test process are never passed on). */
  env?: Record<string, string>;
  /** Serves the editor and admin API at `/` (default: off, HTTP-in routes only). */
  admin?: boolean;
  /** Turns on Node-RED's admin authentication with one user of every permission. */
  adminAuth?: { username: string; passwordHash: string };
  /** The key that encrypts flows_cred.json; false (the default) stores credentials unencrypted. */
  credentialSecret?: string | false;
  /** Further settings, over the ones these options make. */
  settings?: Record<string, unknown>;
}

/**
 * Node-RED 4 from the dev dependencies. Throws (so a suite fails, never skips) when it is
 * missing or of another major version.
 *
 * @example
 * nodeRedVersion() // '4.1.8'
 */
export function nodeRedVersion(): string {
  return devDependencyVersion('node-red', 4, 'the Node-RED tests');
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

/** A free TCP port on 127.0.0.1: bound to port 0, read, released. */
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

/** What a wait on Node-RED's output looks for: when it is done, and (optionally) when it has failed. */
interface Until {
  what: string;
  done(output: string): boolean;
  failed?(output: string): boolean;
}

/** Resolves once `until.done` holds of the output; rejects when it fails, the process exits, or the time is up. */
function waitFor(child: ChildProcess, output: () => string, until: Until, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const tail = (): string => output().slice(-4000);
    const timer = setTimeout(() => finish(new Error(`Node-RED: ${until.what} did not happen within ${timeoutMs} ms:\n${tail()}`)), timeoutMs);
    const check = (): void => {
      if (until.done(output())) finish();
      else if (until.failed?.(output())) finish(new Error(`Node-RED failed before ${until.what}:\n${tail()}`));
    };
    const exited = (code: number | null): void => finish(new Error(`Node-RED exited (${String(code)}) before ${until.what}:\n${tail()}`));
    function finish(error?: Error): void {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('exit', exited);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', exited);
    check();
  });
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** Settings of a test instance: loopback only, no diagnostics, tours, telemetry, update checks or palette installs. */
function settingsOf(port: number, options: NodeRedOptions): Record<string, unknown> {
  return {
    uiHost: '127.0.0.1',
    uiPort: port,
    httpAdminRoot: options.admin ? '/' : false,
    httpNodeRoot: '/',
    flowFile: 'flows.json',
    credentialSecret: options.credentialSecret ?? false,
    diagnostics: { enabled: false, ui: false },
    runtimeState: { enabled: false, ui: false },
    telemetry: { enabled: false, updateNotification: false },
    editorTheme: { tours: false, projects: { enabled: false } },
    externalModules: { palette: { allowInstall: false } },
    logging: { console: { level: 'info', metrics: false, audit: false } },
    ...(options.adminAuth ? { adminAuth: { type: 'credentials', users: [{ username: options.adminAuth.username, password: options.adminAuth.passwordHash, permissions: '*' }] } } : {}),
    ...options.settings,
  };
}

/**
 * Starts Node-RED 4 (`node node_modules/node-red/red.js`) on a free port of 127.0.0.1 over a
 * user directory, and waits until its server listens and, when `flows` are given, until
 * they run (an `[error]` line before then fails the start).
 *
 * @example
 * const red = await startNodeRedProcess({ flows, env: { MAILERLITE_BASE_URL: sim.url } });
 * await red.request('POST', '/mailerlite-steps/whatsapp.join', { customer_email: 'priya@example.com' });
 * await red.close();
 */
export async function startNodeRedProcess(options: NodeRedOptions): Promise<NodeRed> {
  nodeRedVersion();
  const ownDir = options.userDir === undefined;
  const userDir = options.userDir ?? (await mkdtemp(path.join(tmpdir(), 'node-red-')));
  const port = await freePort();
  if (options.flows !== undefined) await writeFile(path.join(userDir, 'flows.json'), options.flows);
  const settingsFile = path.join(userDir, 'settings.js');
  await writeFile(settingsFile, `module.exports = ${JSON.stringify(settingsOf(port, options), null, 2)};\n`);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAILERLITE_')));
  const child = spawn(process.execPath, [require.resolve('node-red/red.js'), '--userDir', userDir, '--settings', settingsFile], {
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
    if (ownDir) await rm(userDir, { recursive: true, force: true });
  };
  const started: Until = {
    what: options.flows === undefined ? 'the start' : 'the start of the flows',
    done: (text) => /Server now running at/.test(text) && (options.flows === undefined || text.includes('Started flows')),
    failed: (text) => /\[error\]|Error loading flows/.test(text),
  };
  try {
    await waitFor(child, () => output, started, 30_000);
  } catch (error) {
    await close();
    throw error;
  }
  const request = async (method: string, route: string, body?: unknown, token?: string): Promise<NodeRedAnswer> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(url + route, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }), signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // kept as text: the assertion shows it
    }
    return { status: response.status, text, body: parsed };
  };
  return {
    url,
    log: () => output,
    request,
    close,
    async deploy(nodes, token) {
      const before = count(output, 'Started flows');
      const headers: Record<string, string> = { 'content-type': 'application/json', 'Node-RED-API-Version': 'v1', 'Node-RED-Deployment-Type': 'full' };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(`${url}/flows`, { method: 'POST', headers, body: JSON.stringify(nodes), signal: AbortSignal.timeout(30_000) });
      if (response.status !== 204 && response.status !== 200) throw new Error(`deploy answered ${response.status}: ${await response.text()}`);
      await waitFor(child, () => output, { what: 'the deploy', done: (text) => count(text, 'Started flows') > before }, 30_000);
    },
  };
}
