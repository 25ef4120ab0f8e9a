import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run, type Ran } from '../../package/run.js';
import { PROJECT } from './build.js';

/** A Node-RED user directory with the packed package installed, as `npm install mailerlite-steps` leaves it. */
export interface InstalledPalette {
  userDir: string;
  /** Files in the tarball, as `npm pack --json` lists them. */
  files: string[];
  remove(): Promise<void>;
}

function explain(step: string, ran: Ran): string {
  return `${step} exited ${String(ran.code)}\n--- stdout\n${ran.stdout}\n--- stderr\n${ran.stderr}`;
}

/**
 * Packs the package (from the current dist; `--ignore-scripts` keeps npm pack from
 * rebuilding) and installs the tarball into an empty Node-RED user directory. npm
 * resolves the runtime dependencies from its cache when it can (`--prefer-offline`).
 */
export async function installPalette(): Promise<InstalledPalette> {
  const packDir = await mkdtemp(path.join(tmpdir(), 'mls-nr-pack-'));
  const userDir = await mkdtemp(path.join(tmpdir(), 'mls-nr-user-'));
  const remove = async (): Promise<void> => {
    await Promise.all([rm(packDir, { recursive: true, force: true }), rm(userDir, { recursive: true, force: true })]);
  };
  try {
    const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], PROJECT);
    if (pack.code !== 0) throw new Error(explain('npm pack', pack));
    const [packed] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    if (!packed) throw new Error(`npm pack printed no package: ${pack.stdout}`);
    // What Node-RED writes into a new user directory.
    await writeFile(path.join(userDir, 'package.json'), JSON.stringify({ name: 'node-red-project', description: 'A Node-RED Project', version: '0.0.1', private: true }, null, 2));
    const install = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', path.join(packDir, packed.filename)], userDir);
    if (install.code !== 0) throw new Error(explain('npm install', install));
    return { userDir, files: packed.files.map((f) => f.path), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
