import { describe, expect, it } from 'vitest';
import { benchEngine } from '../../scripts/bench/engine.js';

describe('engine bench', () => {
  it('reports a well-formed ratio for the upsert and lookup templates (no timing asserted)', async () => {
    const report = await benchEngine({ iterations: 50, rounds: 3, warmup: 20 });
    expect(report.name).toBe('engine');
    expect(report.goal).toBe(1.5);
    expect(Number.isFinite(report.ratio) && report.ratio > 0).toBe(true);
    expect(report.ok).toBe(report.ratio <= report.goal);
    expect(report.lines).toHaveLength(3);
    expect(report.lines[0]).toMatch(/^mailerlite\.subscriber\.upsert: engine [\d.]+ µs\/step, by hand [\d.]+ µs\/step, ratio [\d.]+x$/);
    expect(report.lines[1]).toMatch(/^mailerlite\.subscriber\.lookup: engine [\d.]+ µs\/step, by hand [\d.]+ µs\/step, ratio [\d.]+x$/);
    expect(report.lines[2]).toBe('goal: at most 1.5x (median of 3 rounds of 50 steps, after 20 warm-up steps)');
  });
});
