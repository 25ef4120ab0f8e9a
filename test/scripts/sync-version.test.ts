import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncManifestVersion } from '../../scripts/sync-version.js';

describe('syncManifestVersion', () => {
  it("writes package.json's version into manifest.json and keeps the rest", async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'version-'));
    await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'x', version: '1.4.0' }));
    await writeFile(path.join(root, 'manifest.json'), JSON.stringify({ id: 'x', version: '1.3.2', flows: [] }, null, 2) + '\n');
    expect(await syncManifestVersion(root)).toEqual({ version: '1.4.0', changed: true });
    expect(JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'))).toEqual({ id: 'x', version: '1.4.0', flows: [] });
    expect(await syncManifestVersion(root)).toEqual({ version: '1.4.0', changed: false });
  });
});
