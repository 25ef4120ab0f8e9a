import { describe, expect, it } from 'vitest';
import { benchPreview } from '../../scripts/bench/preview.js';

describe('benchPreview', () => {
  it('measures preview and node -e 0 in the same run and reports the ratio', async () => {
    const report = await benchPreview(1);
    expect(report.name).toBe('preview cold start');
    expect(report.goal).toBe(3);
    expect(report.ratio).toBeGreaterThan(0);
    expect(report.lines).toHaveLength(3);
    expect(report.lines[2]).toContain('ratio:');
  });
});
