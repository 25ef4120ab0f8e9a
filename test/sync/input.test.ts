import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UsageError } from '../../plugin/errors.js';
import { loadInput, normaliseDateTime, normalisePhone, normaliseRow, parseFieldMap } from '../../plugin/sync/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sync-input-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(name: string, text: string, map: string[] = []) {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return loadInput(file, parseFieldMap(map));
}

describe('normalising a row', () => {
  test('the email is trimmed and lower-cased; the name trimmed; empty values left out', () => {
    expect(normaliseRow({ line: 2, values: { email: ' Priya@Example.COM ', name: '  Priya Sharma ', phone: '', opted_in_at: ' ' } })).toEqual({
      ok: true,
      contact: { email: 'priya@example.com', name: 'Priya Sharma', line: 2, lines: [2], warnings: [] },
    });
  });

  test.each([
    [{}, 'email: missing'],
    [{ email: '   ' }, 'email: missing'],
    [{ email: 'priya@' }, 'email: not a valid email address: "priya@" (e.g. priya@example.com)'],
    [{ email: 'priya.example.com' }, 'email: not a valid email address: "priya.example.com" (e.g. priya@example.com)'],
  ])('a row with %j is invalid: %s', (values, reason) => {
    expect(normaliseRow({ line: 7, values })).toEqual({ ok: false, invalid: { line: 7, reason } });
  });

  test('an unusable phone or date is left out with a warning; the contact still goes', () => {
    const result = normaliseRow({ line: 3, values: { email: 'a@example.com', phone: '09820000001', opted_in_at: 'yesterday' } });
    expect(result).toEqual({
      ok: true,
      contact: {
        email: 'a@example.com',
        line: 3,
        lines: [3],
        warnings: [
          'phone left out: "09820000001" is not an international number (e.g. +919820000001)',
          'opted_in_at left out: "yesterday" is not a date-time (e.g. 2024-08-13 09:49:51)',
        ],
      },
    });
  });

  test.each([
    ['+91 98200 00001', '+919820000001'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['0044 7700 900123', '+447700900123'],
    ['919820000001', '+919820000001'],
    ['09820000001', undefined],
    ['98200', undefined],
    ['+0123456789', undefined],
  ])('phone %s → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  test.each([
    ['2024-08-13 09:49:51', '2024-08-13 09:49:51'],
    ['2024-08-13', '2024-08-13 00:00:00'],
    ['2024-08-13T11:49:51+02:00', '2024-08-13 09:49:51'],
    ['2024-08-13T09:49:51.250Z', '2024-08-13 09:49:51'],
    ['2024-02-30 10:00:00', undefined],
    ['13/08/2024 09:49', undefined],
    ['2024-08-13T09:49:51', undefined],
  ])('opted_in_at %s → %s', (input, expected) => {
    expect(normaliseDateTime(input)).toBe(expected);
  });
});

describe('reading CSV', () => {
  test('line numbers count the header, blank lines and quoted line breaks; duplicates merge into the first line', async () => {
    const input = await load(
      'a.csv',
      '\uFEFFEmail,Name,Phone,opted_in_at\n' +
        'priya@example.com,"Sharma,\nPriya",,\n' +
        '\n' +
        'bad-email,X,,\n' +
        'PRIYA@example.com ,,+919820000001,2024-08-13 09:49:51\n' +
        'ravi@example.com,Ravi,,,extra\n' +
        'meera@example.com,Meera\n',
    );
    expect(input.rows).toBe(5);
    expect(input.contacts).toEqual([
      { email: 'priya@example.com', name: 'Sharma,\nPriya', phone: '+919820000001', optedInAt: '2024-08-13 09:49:51', line: 2, lines: [2, 6], warnings: [] },
      { email: 'meera@example.com', name: 'Meera', line: 8, lines: [8], warnings: [] },
    ]);
    expect(input.merged).toBe(1);
    expect(input.duplicates).toEqual([{ email: 'priya@example.com', lines: [2, 6] }]);
    expect(input.invalid).toEqual([
      { line: 5, reason: 'email: not a valid email address: "bad-email" (e.g. priya@example.com)' },
      { line: 7, reason: '5 fields but the header has 4: quote values that hold a comma, e.g. "Sharma, Priya"' },
    ]);
  });

  test('later non-empty values win; empty ones never blank an earlier value', async () => {
    const input = await load('b.csv', 'email,name,phone\np@example.com,First,+919820000001\np@example.com,,\np@example.com,Last,\n');
    expect(input.contacts).toEqual([{ email: 'p@example.com', name: 'Last', phone: '+919820000001', line: 2, lines: [2, 3, 4], warnings: [] }]);
  });

  test('--map names other headers', async () => {
    const input = await load('c.csv', 'E-mail,Full name,WhatsApp\np@example.com,Priya,+919820000001\n', ['E-mail=email', 'full name=name', 'WhatsApp=phone']);
    expect(input.contacts[0]).toMatchObject({ email: 'p@example.com', name: 'Priya', phone: '+919820000001' });
  });

  test('the sha256 is of the bytes of the file', async () => {
    const text = 'email\np@example.com\n';
    expect((await load('d.csv', text)).sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  test.each([
    ['no email column', 'mail,name\nx@example.com,X\n', [], /e\.csv:1: no email column; the header has "mail", "name"\. .*--map "E-mail=email"/],
    ['a --map column that is not there', 'email\nx@example.com\n', ['E-mail=email'], /e\.csv:1: --map names column "e-mail", but the header has "email"/],
    ['two columns for one field', 'email,E-mail\nx@example.com,y@example.com\n', ['E-mail=email'], /columns "email", "E-mail" all mean "email"/],
    ['an empty file', '', [], /e\.csv: empty; expected a header row/],
    ['broken quoting', 'email,name\nx@example.com,"Priya\n', [], /e\.csv:\d+: not readable as CSV: /],
  ])('%s is a usage error naming the file and line', async (_what, text, map, message) => {
    const error = await load('e.csv', text, map).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });

  test('a missing file is a usage error', async () => {
    await expect(loadInput(path.join(dir, 'nope.csv'), new Map())).rejects.toThrow(/nope\.csv: cannot read \(ENOENT\); expected a CSV or JSON Lines file/);
  });

  test('--map with an unknown field says which fields there are', () => {
    expect(() => parseFieldMap(['E-mail=emil'])).toThrow('--map "E-mail=emil": unknown field "emil" (did you mean "email"?); fields: email, name, phone, opted_in_at');
    expect(() => parseFieldMap(['email'])).toThrow('--map "email": expected column=field, e.g. --map "E-mail=email"');
  });
});

describe('reading JSON Lines', () => {
  test('one object per line; bad lines are invalid rows, not the end of the read', async () => {
    const input = await load(
      'a.jsonl',
      '{"email":"p@example.com","name":"Priya","phone":919820000001}\n' +
        '\n' +
        '{"email": "r@example.com", \n' +
        '["x@example.com"]\r\n' +
        '{"Mail":"m@example.com","opted_in_at":null}\n' +
        '{"email":{"x":1}}\n' +
        '{"email":"r@example.com","name":"Ravi"}',
      ['mail=email'],
    );
    expect(input.contacts).toEqual([
      { email: 'p@example.com', name: 'Priya', phone: '+919820000001', line: 1, lines: [1], warnings: [] },
      { email: 'm@example.com', line: 5, lines: [5], warnings: [] },
      { email: 'r@example.com', name: 'Ravi', line: 7, lines: [7], warnings: [] },
    ]);
    expect(input.invalid.map((i) => i.line)).toEqual([3, 4, 6]);
    expect(input.invalid[0]!.reason).toMatch(/^not JSON \(.+\); expected one object per line, e.g. \{"email": "priya@example.com", "name": "Priya"\}$/);
    expect(input.invalid[1]!.reason).toBe('expected a JSON object such as {"email": "priya@example.com"}, got an array');
    expect(input.invalid[2]!.reason).toBe('email: expected text, got an object');
    expect(input.format).toBe('jsonl');
  });

  test('10,000 rows load quickly', async () => {
    const text = Array.from({ length: 10_000 }, (_, i) => JSON.stringify({ email: `c${i}@example.com`, name: `C ${i}` })).join('\n');
    const started = performance.now();
    const input = await load('big.ndjson', text);
    expect(input.contacts).toHaveLength(10_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
