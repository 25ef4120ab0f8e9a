import { describe, expect, it } from 'vitest';
import { palette } from '../../plugin/harness/format/color.js';

describe('palette', () => {
  it('colours a terminal', () => {
    expect(palette({ isTTY: true }, {}).green('ok')).toBe('\u001b[32mok\u001b[39m');
  });
  it('respects NO_COLOR', () => {
    expect(palette({ isTTY: true }, { NO_COLOR: '1' }).green('ok')).toBe('ok');
  });
  it('does not colour a pipe or a file', () => {
    expect(palette({ isTTY: false }, {}).green('ok')).toBe('ok');
  });
});
