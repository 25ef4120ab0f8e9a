import { runInNewContext } from 'node:vm';
import type { PostmanCollection } from '../../../plugin/export/postman/index.js';
import type { JsonValue } from '../../../plugin/json.js';

/** What one script run did through its `pm` object. */
export interface ScriptRun {
  skipped: boolean;
  /** The last `pm.execution.setNextRequest` value; undefined when not called. */
  next: string | null | undefined;
  removedQuery: string[];
  removedHeaders: string[];
  failedTests: string[];
}

/** A response as the test script sees it. */
export interface FakeResponse {
  code: number;
  body: JsonValue | string;
  headers?: Record<string, string>;
}

/**
 * Local variables (`pm.variables.set`) and the environment, kept across script runs the
 * way newman keeps them through one iteration.
 */
export class Variables {
  readonly locals = new Map<string, string>();
  readonly environment: Map<string, string>;

  constructor(given: Record<string, string>) {
    this.environment = new Map(Object.entries(given));
  }

  /** The script's state (`mailerlite_steps.state`), parsed. */
  state(): { vars: Record<string, JsonValue>; replies: string[]; at: string | null; done: boolean } {
    return JSON.parse(this.locals.get('mailerlite_steps.state') ?? 'null') as ReturnType<Variables['state']>;
  }
}

/**
 * Runs the collection's script once, as Postman runs it before (`prerequest`) or after
 * (`test`) the request `requestName`, with a stand-in `pm` object in a fresh `node:vm`
 * context. For fast tables; the real proof is the newman suite.
 *
 * @example
 * const vars = new Variables({ customer_email: 'priya@example.com' });
 * runScript(collection, 'prerequest', 'lookup', vars).skipped // false
 */
export function runScript(collection: PostmanCollection, event: 'prerequest' | 'test', requestName: string, vars: Variables, response?: FakeResponse): ScriptRun {
  const script = collection.event.find((e) => e.listen === event)?.script.exec.join('\n');
  if (script === undefined) throw new Error(`the collection has no ${event} script`);
  const run: ScriptRun = { skipped: false, next: undefined, removedQuery: [], removedHeaders: [], failedTests: [] };
  const headers = new Map(Object.entries(response?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const pm = {
    info: { eventName: event, requestName, iteration: 0 },
    variables: {
      get: (name: string) => (vars.locals.has(name) ? vars.locals.get(name) : vars.environment.get(name)),
      set: (name: string, value: string) => void vars.locals.set(name, value),
    },
    environment: { set: (name: string, value: string) => void vars.environment.set(name, value) },
    request: {
      url: { query: { remove: (key: string) => void run.removedQuery.push(key) } },
      headers: { remove: (name: string) => void run.removedHeaders.push(name) },
    },
    execution: {
      setNextRequest: (name: string | null) => void (run.next = name),
      skipRequest: () => void (run.skipped = true),
    },
    response: response && {
      code: response.code,
      text: () => (typeof response.body === 'string' ? response.body : JSON.stringify(response.body)),
      headers: { get: (name: string) => headers.get(name.toLowerCase()) },
    },
    test: (name: string, check: () => void) => {
      try {
        check();
      } catch {
        run.failedTests.push(name);
      }
    },
  };
  runInNewContext(script, { pm, setTimeout });
  return run;
}
