import { createRequire } from 'node:module';

interface Expression {
  evaluate(input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
}

const require = createRequire(import.meta.url);

/** JSONata as Node-RED 4 runs it: the version its @node-red/util depends on. Throws when Node-RED is missing. */
function jsonata(): (source: string) => Expression {
  const util = require.resolve('@node-red/util/package.json');
  return createRequire(util)('jsonata') as (source: string) => Expression;
}

/**
 * Compiles a JSONata expression with Node-RED's JSONata (throws on a syntax error).
 *
 * @example
 * compileJsonata('$blank(x)')
 */
export function compileJsonata(source: string): Expression {
  return jsonata()(source);
}

/**
 * Evaluates an expression over a message, with Node-RED's `$env` reading `env`.
 *
 * @example
 * await evaluateJsonata('$lookup($$, "a")', { a: 1 }) // 1
 */
export async function evaluateJsonata(source: string, msg: unknown, env: Record<string, string> = {}): Promise<unknown> {
  return compileJsonata(source).evaluate(msg, { env: (name: string) => env[name] });
}
