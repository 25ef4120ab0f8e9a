import { describe, expect, it } from 'vitest';
import { benchPreview } from '../../scripts/bench/preview.js';

describe('benchPreview', () => {
  it('times preview and node -e 0 in the same run and prints both with their ratio', async () => {
    const report = await benchPreview(1);
    const [baseline, preview, ratio] = report.lines;
    const ms = (line: string | undefined): number => Number(/([\d.]+) ms/.exec(line ?? '')?.[1]);
    expect(ms(baseline)).toBeGreaterThan(0);
    expect(ms(preview)).toBeGreaterThan(0);
    // The ratio printed is the one computed from the two times printed.
    expect(report.ratio).toBeCloseTo(ms(preview) / ms(baseline), 1);
    expect(ratio).toContain(`${report.ratio.toFixed(2)}x`);
  });
});
