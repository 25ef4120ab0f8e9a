import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PackRefusedError, packBundle, runPack, scanSecrets } from '../../plugin/pack/index.js';
import { literalCredential } from '../../plugin/validate/header-credential.js';
import { capture, copyPluginTree, editJson, FAKE_CLASSIC_KEY, FAKE_JWT, removeAll, tempDir } from './tree.js';

const dirs: string[] = [];
afterEach(() => removeAll(dirs));

interface Refusal {
  error: PackRefusedError;
  outDir: string;
  located: Array<{ file: string; pointer: string; rule: string }>;
}

/** Copies the real tree, applies one edit, packs, and returns the refusal. */
async function refusal(file: string, edit: (value: Record<string, unknown>) => void, env: NodeJS.ProcessEnv = {}): Promise<Refusal> {
  const root = await copyPluginTree();
  const outDir = await tempDir('pack-out-');
  dirs.push(root, outDir);
  await editJson(root, file, edit);
  const error = await packBundle({ root, outDir, env }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PackRefusedError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { error, outDir, located: error.problems.map(({ file: f, pointer, rule }) => ({ file: f, pointer, rule })) };
}

const headers = (template: Record<string, unknown>): Record<string, string> => (template.request as { headers: Record<string, string> }).headers;

describe('pack refuses a tree holding a secret value, naming file and JSON Pointer', () => {
  it('a literal Bearer token in the Authorization header', async () => {
    const { error, outDir, located } = await refusal('templates/steps/new/subscriber-upsert.json', (t) => {
      headers(t).Authorization = `Bearer ${FAKE_JWT}`;
    });
    expect(error.reason).toBe('secret');
    expect(located[0]).toEqual({ file: 'templates/steps/new/subscriber-upsert.json', pointer: '/request/headers/Authorization', rule: 'secret-in-header' });
    expect(located.filter((p) => p.rule.startsWith('secret-'))).toHaveLength(1);
    expect(error.message).toContain('pack refused: 1 secret value in the tree');
    expect(error.message).toContain('templates/steps/new/subscriber-upsert.json at /request/headers/Authorization: the Authorization header holds a literal key');
    expect(error.message).not.toContain(FAKE_JWT);
    expect(error.message).not.toContain(FAKE_JWT.slice(0, 20));
    expect(await readdir(outDir)).toEqual([]);
  });

  it('a literal key in the classic X-MailerLite-ApiKey header, also in what runPack prints', async () => {
    const root = await copyPluginTree();
    const outDir = await tempDir('pack-out-');
    dirs.push(root, outDir);
    await editJson(root, 'templates/steps/classic/subscriber-lookup.json', (t) => {
      headers(t)['X-MailerLite-ApiKey'] = 'my-literal-classic-key';
    });
    const [stdout, stderr] = [capture(), capture()];
    expect(await runPack({ out: outDir, root }, { stdout, stderr, env: {} })).toBe(2);
    expect(stderr.text()).toContain('templates/steps/classic/subscriber-lookup.json at /request/headers/X-MailerLite-ApiKey: the X-MailerLite-ApiKey header holds a literal key');
    expect(stderr.text()).toContain('[secret-in-header]');
    expect(stdout.text() + stderr.text()).not.toContain('my-literal-classic-key');
    expect(await readdir(outDir)).toEqual([]);
  });

  it('a literal key in the manifest\'s auth header declaration', async () => {
    const { located } = await refusal('manifest.json', (m) => {
      (m.apis as { new: { auth_header: { value: string } } }).new.auth_header.value = 'Bearer abc-literal-token';
    });
    expect(located).toContainEqual({ file: 'manifest.json', pointer: '/apis/new/auth_header/value', rule: 'secret-in-header' });
  });

  it('a JWT-like new-API key anywhere, e.g. in a flow reply', async () => {
    const { located } = await refusal('templates/flows/new/whatsapp-join.json', (f) => {
      (f.nodes as Record<string, { text?: string }>).reply_already!.text = `Debug token ${FAKE_JWT}`;
    });
    expect(located).toEqual([{ file: 'templates/flows/new/whatsapp-join.json', pointer: '/nodes/reply_already/text', rule: 'secret-api-key' }]);
  });

  it('a 32-hex classic key anywhere, e.g. in a query value', async () => {
    const { error, located } = await refusal('templates/steps/classic/groups-list.json', (t) => {
      (t.request as { query: Record<string, string> }).query.apikey = FAKE_CLASSIC_KEY;
    });
    expect(located[0]).toEqual({ file: 'templates/steps/classic/groups-list.json', pointer: '/request/query/apikey', rule: 'secret-api-key' });
    expect(error.message).toContain('looks like a classic MailerLite API key (32 hex characters)');
    expect(error.message).not.toContain(FAKE_CLASSIC_KEY);
  });

  it('the value of MAILERLITE_API_KEY from the environment, wherever it sits', async () => {
    const live = 'live-key-from-the-environment-42';
    const edit = (t: Record<string, unknown>): void => {
      t.description = `Uses ${live} for tests.`;
    };
    const { error, located } = await refusal('templates/steps/new/groups-list.json', edit, { MAILERLITE_API_KEY: live });
    expect(located).toEqual([{ file: 'templates/steps/new/groups-list.json', pointer: '/description', rule: 'secret-env-value' }]);
    expect(error.message).toContain('holds the API key from the environment variable MAILERLITE_API_KEY');
    expect(error.message).not.toContain(live);
  });

  it('does not let a validation message quote the key: it is redacted', async () => {
    const { error } = await refusal('templates/steps/new/subscriber-lookup.json', (t) => {
      headers(t).Authorization = 'Bearer plain-literal-token-123';
    });
    expect(error.problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['secret-in-header', 'auth-header']));
    expect(error.message).not.toContain('plain-literal-token-123');
    expect(error.message).toContain('[redacted]');
  });
});

describe('scanSecrets and literalCredential', () => {
  it('accepts <<secrets.*>> placeholders and flags literal text after the scheme', () => {
    expect(literalCredential('Bearer <<secrets.api_key>>')).toBe(false);
    expect(literalCredential('<<secrets.api_key>>')).toBe(false);
    expect(literalCredential('<< secrets.api_key >>')).toBe(false);
    expect(literalCredential(`Bearer ${FAKE_JWT}`)).toBe(true);
    expect(literalCredential('Bearer x<<secrets.api_key>>')).toBe(true);
    expect(literalCredential(FAKE_CLASSIC_KEY)).toBe(true);
  });

  it('checks object keys too, and ignores hex runs longer than a key (a sha256)', () => {
    const scan = scanSecrets(
      [{ file: 'templates/steps/new/x.json', value: { request: { body: { [FAKE_CLASSIC_KEY]: 'x', digest: 'a'.repeat(64) } } } }],
      {},
    );
    expect(scan.problems.map((p) => p.pointer)).toEqual([`/request/body/${FAKE_CLASSIC_KEY}`]);
    expect(scan.values).toEqual([FAKE_CLASSIC_KEY]);
  });
});
