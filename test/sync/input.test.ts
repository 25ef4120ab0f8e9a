import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UsageError } from '../../plugin/errors.js';
import { normaliseDateTime, normalisePhone, normaliseRow, parseFieldMap, scanInput } from '../../plugin/sync/index.js';
import { readBack } from './support/read.js';

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
  return readBack(file, parseFieldMap(map));
}

describe('normalising a row', () => {
  test('the email is trimmed and lower-cased; the name trimmed; empty values left out', () => {
    expect(normaliseRow({ line: 2, values: { email: ' Priya@Example.COM ', name: '  Priya Sharma ', phone: '', opted_in_at: ' ' } })).toEqual({
      ok: true,
      contact: { email: 'priya@example.com', name: 'Priya Sharma', line: 2 },
      warnings: [],
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
      contact: { email: 'a@example.com', line: 3 },
      warnings: [
        'phone left out: "09820000001" is not an international number (e.g. +919820000001)',
        'opted_in_at left out: "yesterday" is not a date-time (e.g. 2024-08-13 09:49:51)',
      ],
    });
  });

  test.each([
    ['+91 98200 00001', '+919820000001'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['0044 7700 900123', '+447700900123'],
    ['919820000001', '+919820000001'],
    ['09820000001', undefined],
    ['98200 00002', undefined],
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
    expect(input.scan.rows).toBe(5);
    expect(input.contacts).toEqual([
      { email: 'priya@example.com', name: 'Sharma,\nPriya', phone: '+919820000001', optedInAt: '2024-08-13 09:49:51', line: 2 },
      { email: 'meera@example.com', name: 'Meera', line: 8 },
    ]);
    expect(input.scan).toMatchObject({ contacts: 2, merged: 1, invalidRows: 2 });
    expect(input.scan.duplicates.list()).toEqual([{ email: 'priya@example.com', lines: [2, 6] }]);
    expect(input.invalid).toEqual([
      { line: 5, reason: 'email: not a valid email address: "bad-email" (e.g. priya@example.com)' },
      { line: 7, reason: '5 fields but the header has 4: quote values that hold a comma, e.g. "Sharma, Priya"' },
    ]);
  });

  test('later non-empty values win; empty ones never blank an earlier value', async () => {
    const input = await load('b.csv', 'email,name,phone\np@example.com,First,+919820000001\np@example.com,,\np@example.com,Last,\n');
    expect(input.contacts).toEqual([{ email: 'p@example.com', name: 'Last', phone: '+919820000001', line: 2 }]);
    expect(input.scan.duplicates.list()).toEqual([{ email: 'p@example.com', lines: [2, 3, 4] }]);
  });

  test('--map names other headers', async () => {
    const input = await load('c.csv', 'E-mail,Full name,WhatsApp\np@example.com,Priya,+919820000001\n', ['E-mail=email', 'full name=name', 'WhatsApp=phone']);
    expect(input.contacts[0]).toMatchObject({ email: 'p@example.com', name: 'Priya', phone: '+919820000001' });
  });

  test('the sha256 is of the bytes of the file', async () => {
    const text = 'email\np@example.com\n';
    expect((await load('d.csv', text)).scan.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  test.each([
    ['no email column', 'mail,name\nx@example.com,X\n', [], /e\.csv:1: no email column; the header has "mail", "name"\. .*--map "E-mail=email"/],
    ['a --map column that is not there', 'email\nx@example.com\n', ['E-mail=email'], /e\.csv:1: --map names column "e-mail", but the header has "email"/],
    ['two columns for one field', 'email,E-mail\nx@example.com,y@example.com\n', ['E-mail=email'], /columns "email", "E-mail" all mean "email"/],
    ['an empty file', '', [], /e\.csv: empty; expected a header row/],
    ['a header that is not readable', 'email,"name\nx@example.com,Priya\n', [], /^.*e\.csv:1: the header is not readable as CSV: a quote opened on this line is never closed/],
  ])('%s is a usage error naming the file and line', async (_what, text, map, message) => {
    const error = await load('e.csv', text, map).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });

  test('a missing file is a usage error', async () => {
    await expect(scanInput(path.join(dir, 'nope.csv'), new Map())).rejects.toThrow(/nope\.csv: cannot read \(ENOENT\); expected a CSV or JSON Lines file/);
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
      { email: 'p@example.com', name: 'Priya', phone: '+919820000001', line: 1 },
      { email: 'm@example.com', line: 5 },
      { email: 'r@example.com', name: 'Ravi', line: 7 },
    ]);
    expect(input.invalid.map((i) => i.line)).toEqual([3, 4, 6]);
    expect(input.invalid[0]!.reason).toMatch(/^not JSON \(.+\); expected one object per line, e.g. \{"email": "priya@example.com", "name": "Priya"\}$/);
    expect(input.invalid[1]!.reason).toBe('expected a JSON object such as {"email": "priya@example.com"}, got an array');
    expect(input.invalid[2]!.reason).toBe('email: expected text, got an object');
    expect(input.scan.format).toBe('jsonl');
  });

  test('10,000 rows load quickly', async () => {
    const text = Array.from({ length: 10_000 }, (_, i) => JSON.stringify({ email: `c${i}@example.com`, name: `C ${i}` })).join('\n');
    const started = performance.now();
    const input = await load('big.ndjson', text);
    expect(input.contacts).toHaveLength(10_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('a CSV line that cannot be read is an invalid row; the rest is read', () => {
  const header = 'email,name,phone\n';
  const emails = (input: Awaited<ReturnType<typeof load>>) => input.contacts.map((c) => c.email);

  test('a quote that is never closed (it would swallow the rest of the file)', async () => {
    const input = await load('unclosed.csv', header + 'a@example.com,Asha,\nb@example.com,"Bina,+919820000002\nc@example.com,Chandra,\n\nd@example.com,Devi,+919820000004\n');
    expect(emails(input)).toEqual(['a@example.com', 'c@example.com', 'd@example.com']);
    expect(input.contacts[2]).toEqual({ email: 'd@example.com', name: 'Devi', phone: '+919820000004', line: 6 });
    expect(input.invalid).toEqual([
      { line: 3, reason: 'not readable as CSV: a quote opened on this line is never closed; close it, or quote whole values (e.g. "Sharma, Priya")' },
    ]);
    expect(input.scan).toMatchObject({ rows: 4, contacts: 3, invalidRows: 1 });
  });

  test('a quote left open that pairs with a later quote does not swallow the rows between', async () => {
    const input = await load(
      'paired.csv',
      header + 'a@example.com,Asha,\nb@example.com,"Bina,\nc@example.com,Chandra,\nf@example.com,"Sharma, Priya",+919820000006\ng@example.com,G,\n',
    );
    expect(emails(input)).toEqual(['a@example.com', 'c@example.com', 'f@example.com', 'g@example.com']);
    expect(input.contacts[2]).toMatchObject({ name: 'Sharma, Priya', line: 5 });
    expect(input.invalid).toEqual([{ line: 3, reason: 'a quote opened on this line runs over the next 2 lines; close it, or quote whole values (e.g. "Sharma, Priya")' }]);
  });

  test('a quote left open with as many fields as the header: the rows it ran over are read again', async () => {
    const input = await load('same-width.csv', 'email,name\nb@example.com,"Bina\nc@example.com,Chandra\nd@example.com,Devi"\ne@example.com,Esha\n');
    expect(emails(input)).toEqual(['c@example.com', 'e@example.com']);
    expect(input.invalid).toEqual([
      { line: 2, reason: 'a quote opened on this line runs over the next 2 lines; close it, or quote whole values (e.g. "Sharma, Priya")' },
      { line: 4, reason: 'not readable as CSV: a quote inside a value; quote the whole value and double the quotes inside it, e.g. "Priya ""P"" Sharma"' },
    ]);
  });

  test('a stray quote inside a value, and one after a closing quote', async () => {
    const input = await load('stray.csv', header + 'a@example.com,Pri"ya,\nb@example.com,"Bina" K,\r\nc@example.com,Chandra,\n');
    expect(emails(input)).toEqual(['c@example.com']);
    expect(input.invalid).toEqual([
      { line: 2, reason: 'not readable as CSV: a quote inside a value; quote the whole value and double the quotes inside it, e.g. "Priya ""P"" Sharma"' },
      { line: 3, reason: 'not readable as CSV: a quote inside a value; quote the whole value and double the quotes inside it, e.g. "Priya ""P"" Sharma"' },
    ]);
  });

  test('a wrong column count on a line of its own, and a malformed last line', async () => {
    const input = await load('count.csv', '\uFEFF' + header + 'a@example.com,Asha,,extra\nb@example.com,Bina\nc@example.com,"Chandra');
    expect(emails(input)).toEqual(['b@example.com']);
    expect(input.invalid.map((i) => i.line)).toEqual([2, 4]);
    expect(input.invalid[0]!.reason).toBe('4 fields but the header has 3: quote values that hold a comma, e.g. "Sharma, Priya"');
  });

  test('a value that really spans lines is still one value', async () => {
    const input = await load('multiline.csv', header + 'a@example.com,"Asha\nKumar",\nb@example.com,Bina,\n');
    expect(input.contacts).toEqual([
      { email: 'a@example.com', name: 'Asha\nKumar', line: 2 },
      { email: 'b@example.com', name: 'Bina', line: 4 },
    ]);
    expect(input.invalid).toEqual([]);
  });
});

describe('columns sync does not read', () => {
  test('CSV: each unread column with the --map that would read it', async () => {
    const input = await load('unread.csv', 'Email,WhatsApp Number,Full Name,City\na@example.com,+919820000001,Asha,Pune\n');
    expect(input.scan.unread).toEqual([
      { column: 'WhatsApp Number', field: 'phone', option: "--map 'WhatsApp Number=phone'" },
      { column: 'Full Name', field: 'name', option: "--map 'Full Name=name'" },
      { column: 'City', option: "--map 'City=<name|phone|opted_in_at>'" },
    ]);
  });

  test('a guess is not offered for a field another column already gives', async () => {
    const input = await load('unread2.csv', 'email,name,phone,opted_in_at,Mobile\na@example.com,A,,,+919820000001\n');
    expect(input.scan.unread).toEqual([{ column: 'Mobile' }]);
  });

  test('JSON Lines: the keys no field is read from', async () => {
    const input = await load('unread.jsonl', '{"email":"a@example.com","wa_id":"919820000001"}\n{"email":"b@example.com","tags":["x"]}\n');
    expect(input.scan.unread).toEqual([
      { column: 'wa_id', field: 'phone', option: '--map wa_id=phone' },
      { column: 'tags', option: "--map 'tags=<name|phone|opted_in_at>'" },
    ]);
  });
});
