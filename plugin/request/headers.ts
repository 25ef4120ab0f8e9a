import { compileOrDefer } from '../template/defer.js';
import { fieldRecordMaker } from '../template/records.js';
import { scopeOfContext, type RenderScope } from '../template/scope.js';
import type { RenderContext } from './context.js';
import { compileRow, redacting, refusal, secretsText, valueOf, type Row } from './header-rows.js';
import type { Rendered } from './invalid.js';

/** Header rows as sent, and as shown (secrets replaced by a marker). */
export interface RenderedHeaders {
  sent: Record<string, string>;
  shown: Record<string, string>;
}

/** Headers compiled once: renders the rows sent and shown over a step's scope. */
export type HeadersRenderer = (scope: RenderScope) => Rendered<RenderedHeaders>;

/**
 * Compiles header rows once: literal rows are pre-built; templated rows are renderers;
 * the shown text of a secrets-only row is computed once per set of secrets present. A
 * rendered value holding CR, LF, NUL or a character beyond U+00FF is refused; a blank one
 * leaves its header out. A row that does not compile makes the renderer throw when run.
 *
 * @example
 * compileHeaders({ Authorization: 'Bearer <<secrets.api_key>>' })(scopeOf({}, {}, { api_key: 'KEY' }))
 * // { sent: { Authorization: 'Bearer KEY' }, shown: { Authorization: 'Bearer [redacted:api_key]' } }
 */
export function compileHeaders(headers: Record<string, string> | undefined): HeadersRenderer {
  return compileOrDefer((): HeadersRenderer => {
    const rows: Row[] = [];
    for (const name in headers) {
      const row = compileRow(name, headers[name]!);
      if (row) rows.push(row);
    }
    const names = rows.map((row) => row.name);
    const makeSent = fieldRecordMaker(names, 'sentText') as (rows: Row[]) => Record<string, string>;
    const makeShown = fieldRecordMaker(names, 'shownText') as (rows: Row[]) => Record<string, string>;
    return (scope) => {
      let kept: boolean[] | undefined;
      let redacted: RenderScope | undefined;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        if (row.literal !== undefined) {
          if (row.refused) return refusal(row.name, row.literal)!;
          row.sentText = row.shownText = row.literal;
          continue;
        }
        valueOf(row, scope);
        const value = row.lastValue;
        if (row.lastVerdict === 'refused') return refusal(row.name, value)!;
        if (row.lastVerdict === 'blank') {
          // A blank value leaves its header out.
          (kept ??= rows.map(() => true))[i] = false;
          continue;
        }
        row.sentText = value;
        if (row.showAs === 'same') row.shownText = value;
        else if (row.showAs === 'secrets') row.shownText = secretsText(row, scope);
        else row.shownText = row.render((redacted ??= redacting(scope)));
      }
      // Read right away: the rows are shared by every step of this template.
      if (!kept) return { sent: makeSent(rows), shown: makeShown(rows) };
      const sent: Record<string, string> = {};
      const shown: Record<string, string> = {};
      kept.forEach((keep, i) => {
        if (!keep) return;
        sent[names[i]!] = rows[i]!.sentText;
        shown[names[i]!] = rows[i]!.shownText;
      });
      return { sent, shown };
    };
  });
}

const renderers = new WeakMap<Record<string, string>, HeadersRenderer>();

/**
 * Renders header values. A value holding CR, LF, NUL or a character beyond U+00FF is refused;
 * a header that reads a secret is rendered a second time with the secret's marker for
 * display, so the shown request never holds the key. Compiled once per headers object
 * (`compileHeaders`).
 *
 * @example
 * renderHeaders({ Authorization: 'Bearer <<secrets.api_key>>' }, ctx)
 * // { sent: { Authorization: 'Bearer KEY' }, shown: { Authorization: 'Bearer [redacted:api_key]' } }
 */
export function renderHeaders(headers: Record<string, string> | undefined, context: RenderContext): Rendered<RenderedHeaders> {
  if (!headers) return { sent: {}, shown: {} };
  let render = renderers.get(headers);
  if (!render) renderers.set(headers, (render = compileHeaders(headers)));
  return render(scopeOfContext(context));
}
