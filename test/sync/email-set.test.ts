import { describe, expect, test } from 'vitest';
import { EmailSet } from '../../plugin/sync/email-set.js';

describe('EmailSet', () => {
  test('answers like a Set of strings over 300,000 entries, through its table growing and its chunks filling', () => {
    const set = new EmailSet();
    const reference = new Set<string>();
    for (let i = 0; i < 300_000; i++) {
      const email = `contact${(i * 7919) % 250_000}@example.com`;
      expect(set.add(email)).toBe(!reference.has(email));
      reference.add(email);
    }
    expect(set.size).toBe(reference.size);
    expect(set.size).toBe(250_000);
    for (let i = 0; i < 1000; i++) expect(set.add(`contact${i}@example.com`)).toBe(false);
    expect(set.add('contact250000@example.com')).toBe(true);
  });

  test('strings that differ only in length, case or non-ASCII letters are different entries', () => {
    const set = new EmailSet();
    for (const email of ['a@x.co', 'a@x.com', 'A@x.com', 'josé@x.com', 'jose@x.com', 'jos\u00e9@x.com', '']) set.add(email);
    expect(set.size).toBe(6);
    expect(set.add('jos\u0065\u0301@x.com')).toBe(true);
  });

  test('a long entry (beyond its scratch buffer) is kept whole', () => {
    const set = new EmailSet();
    const long = `${'a'.repeat(3000)}@example.com`;
    expect(set.add(long)).toBe(true);
    expect(set.add(long)).toBe(false);
    expect(set.add(`${'a'.repeat(2999)}b@example.com`)).toBe(true);
  });
});
