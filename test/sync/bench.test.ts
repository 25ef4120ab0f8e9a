import { describe, expect, test } from 'vitest';
import { benchSync } from '../../scripts/bench/sync.js';

describe('benchSync', () => {
  test('reports the measured rate next to one-by-one and the bound, from one real run', async () => {
    const report = await benchSync(600, 1000);
    expect(report.name).toBe('sync');
    expect(report.goal).toBe(0.98);
    expect(report.lines).toHaveLength(4);
    expect(report.lines[0]).toMatch(/^600 contacts, 13 batch requests, a simulated minute of 1,000 ms, [\d.]+ s of sending$/);
    expect(report.lines[2]).toMatch(/^one request per contact: 120 contacts per minute \(120 requests per minute\) → [\d.]+x \(goal: at least 2x\)$/);
    expect(report.lines[3]).toMatch(/^bound for the strategy:  5,880 contacts per minute \(49 per batch × 120 batches\) → [\d.]+% \(goal: at least 98%\)$/);
    expect(report.ratio).toBeGreaterThan(0);
  });
});
