import { describe, expect, it } from 'vitest';
import { inProcess } from './helpers/sim.js';

describe('bulk load', () => {
  it('takes 10,000 contacts in 200 batches of 50 (then lists and counts them)', async () => {
    const { sim, client } = inProcess({ limits: { requests: 1_000, imports: 1_000 } });
    for (let b = 0; b < 200; b += 1) {
      const requests = Array.from({ length: 50 }, (_, i) => ({
        method: 'POST',
        path: 'api/subscribers',
        body: { email: `contact${b * 50 + i}@example.com`, fields: { name: `Contact ${b * 50 + i}` }, groups: ['123456789'] },
      }));
      const res = await client.api('POST', '/batch', { requests });
      expect(res.body.successful).toBe(50);
    }
    expect(sim.state.count('new').subscribers).toBe(10_000);
    expect(sim.state.group('new', '123456789')).toMatchObject({ active_count: 10_000 });
    expect((await client.api('GET', '/subscribers?limit=0')).body).toEqual({ total: 10_000 });
    const again = await client.api('POST', '/batch', { requests: [{ method: 'POST', path: 'api/subscribers', body: { email: 'contact9999@example.com' } }] });
    expect(again.body.responses[0].code).toBe(200);
    let cursor: string | null = null;
    let seen = 0;
    do {
      const page = await client.api('GET', `/groups/123456789/subscribers?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
      seen += page.body.data.length;
      cursor = page.body.meta.next_cursor;
    } while (cursor);
    expect(seen).toBe(10_000);
  });
});
