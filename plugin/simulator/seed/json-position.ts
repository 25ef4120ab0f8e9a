/**
 * Where JSON text stops being valid: a small recursive-descent scan used only to point at
 * the line and column of a syntax error (JSON.parse messages differ across Node versions
 * and often carry no position).
 *
 * @example
 * jsonErrorOffset('{"a": [,]}'); // 7
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => (text.startsWith(word, i) ? void (i += word.length) : fail());
  const string = () => {
    i += 1;
    while (i < text.length && text[i] !== '"') {
      if (text[i]! < ' ') fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i += 1;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0] === '') fail();
    i += m![0].length;
  };
  const list = (close: string, item: () => void) => {
    i += 1;
    ws();
    if (text[i] === close) return void (i += 1);
    for (;;) {
      item();
      ws();
      if (text[i] === ',') i += 1;
      else if (text[i] === close) return void (i += 1);
      else fail();
      ws();
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') list('}', () => (ws(), text[i] === '"' ? string() : fail(), ws(), text[i] === ':' ? (i += 1) : fail(), value()));
    else if (c === '[') list(']', value);
    else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  try {
    value();
    ws();
    return i < text.length ? i : undefined;
  } catch (offset) {
    return offset as number;
  }
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
