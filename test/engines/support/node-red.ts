import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Node-RED 4 from the dev dependencies. Throws (so the engine tests fail, never skip) when
 * it is missing or of another major version.
 *
 * @example
 * nodeRedVersion() // '4.1.8'
 */
export function nodeRedVersion(): string {
  let version: string;
  try {
    version = (require('node-red/package.json') as { version: string }).version;
  } catch {
    throw new Error('node-red is not installed: the Node-RED export tests need the devDependency node-red 4 (npm install)');
  }
  if (!version.startsWith('4.')) throw new Error(`the Node-RED export tests need node-red 4, found ${version}`);
  return version;
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

/** An answer from a Node-RED flow. */
export interface NodeRedAnswer {
  status: number;
  body: unknown;
}

/** A running Node-RED: its origin, a POST helper, its log, and a way to stop it. */
export interface NodeRed {
  readonly url: string;
  /** POSTs a JSON body to a path of the running flows. */
  post(route: string, body: unknown): Promise<NodeRedAnswer>;
  /** What Node-RED printed so far (for failure messages). */
  log(): string;
  close(): Promise<void>;
}

/** Settings of the test instance: loopback only, no editor and no admin API, no diagnostics. */
function settingsFile(port: number): string {
  const settings = {
    uiHost: '127.0.0.1',
    uiPort: port,
    httpAdminRoot: false,
    httpNodeRoot: '/',
    flowFile: 'flows.json',
    credentialSecret: false,
    diagnostics: { enabled: false, ui: false },
    runtimeState: { enabled: false, ui: false },
    telemetry: { enabled: false, updateNotification: false },
    logging: { console: { level: 'info', metrics: false, audit: false } },
  };
  return `module.exports = ${JSON.stringify(settings, null, 2)};\n`;
}

function waitForStart(child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`Node-RED did not start its flows within ${timeoutMs} ms:\n${output()}`)), timeoutMs);
    const check = (): void => {
      if (output().includes('Started flows')) done();
      else if (/\[error\]|Error loading flows/.test(output())) done(new Error(`Node-RED failed to start its flows:\n${output()}`));
    };
    const exited = (code: number | null): void => done(new Error(`Node-RED exited (${code}) before starting its flows:\n${output()}`));
    function done(error?: Error): void {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', exited);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', check);
    child.once('exit', exited);
  });
}

/**
 * Starts Node-RED 4 (`node node_modules/node-red/red.js`) on a free port of 127.0.0.1 with a
 * temporary user directory holding `flows.json`, no editor and no admin API, and the
 * given environment variables (MailerLite variables of the test process are not passed on).
 *
 * @example
 * const red = await startNodeRed(files[0].content, { MAILERLITE_BASE_URL: sim.url, MAILERLITE_API_KEY: sim.keys.new });
 * await red.post('/mailerlite-steps/whatsapp.join', { customer_email: 'priya@example.com' });
 * await red.close();
 */
export async function startNodeRed(flows: string, environment: Record<string, string>): Promise<NodeRed> {
  nodeRedVersion();
  const userDir = mkdtempSync(path.join(tmpdir(), 'node-red-'));
  const port = await freePort();
  writeFileSync(path.join(userDir, 'flows.json'), flows);
  writeFileSync(path.join(userDir, 'settings.js'), settingsFile(port));
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAILERLITE_')));
  const child = spawn(process.execPath, [require.resolve('node-red/red.js'), '--userDir', userDir, '--settings', path.join(userDir, 'settings.js')], {
    env: { ...inherited, ...environment, NODE_RED_ENABLE_PROJECTS: 'false' },
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
    rmSync(userDir, { recursive: true, force: true });
  };
  try {
    await waitForStart(child, () => output, 30_000);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    url,
    log: () => output,
    close,
    async post(route, body) {
      const response = await fetch(url + route, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(20_000) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // kept as text: the assertion shows it
      }
      return { status: response.status, body: parsed };
    },
  };
}
