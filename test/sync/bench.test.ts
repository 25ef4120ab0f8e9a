import { describe, expect, test } from 'vitest';
import { benchSyncScale } from '../../scripts/bench/sync-scale.js';
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

  test('sync at scale: peak memory of a dry run and a full run, each in its own process, against the goal; the report checked against the file', async () => {
    const report = await benchSyncScale(3000, 'classic', 200);
    expect(report.name).toBe('sync at scale');
    expect(report.goal).toBe(1);
    expect(report.lines[0]).toMatch(/^3,000 rows \(59 repeated emails, 30 unusable\): 2,911 contacts, 59 batch requests \(classic API\), a simulated minute of 200 ms$/);
    expect(report.lines[1]).toMatch(/^peak memory, dry run: {2}\d+ MB in [\d.]+ s \(goal: at most 256 MB\)$/);
    expect(report.lines[2]).toMatch(/^peak memory, full run: \d+ MB in [\d.]+ s \(goal: at most 256 MB\)$/);
    expect(report.lines[5]).toBe('report checked: 2,911 in the group, 30 invalid rows and 15 warnings with their lines, 59 repeated emails');
    expect(report.ratio).toBeGreaterThan(0);
  }, 120_000);
});

