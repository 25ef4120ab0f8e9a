import type { JsonObject } from '../json.js';
import { classicGroupView, classicSubscriberView } from './classic/views.js';
import { groupView, subscriberView } from './new-api/views.js';
import type { Accounts } from './seed/apply.js';
import { exportSeed } from './seed/export.js';
import type { Seed } from './seed/types.js';
import { findSubscriber } from './store/subscribers.js';
import type { ApiFlavor } from './types.js';

/** Read-only views of the simulator's data, for tests and the web page. */
export interface SimulatorState {
  /** Everything, in seed format (re-seedable). */
  snapshot(): Seed;
  /** A subscriber by id or email, rendered as that API would (undefined when absent). */
  subscriber(api: ApiFlavor, idOrEmail: string): JsonObject | undefined;
  /** A group by id, rendered as that API would. */
  group(api: ApiFlavor, id: string | number): JsonObject | undefined;
  /** How many records an account holds. */
  count(api: ApiFlavor): { subscribers: number; groups: number; fields: number };
}

/** State views over the current accounts (looked up on each call, so they survive resets). */
export function stateView(accounts: () => Accounts): SimulatorState {
  return {
    snapshot: () => exportSeed(accounts()),
    subscriber(api, idOrEmail) {
      const account = accounts()[api];
      const sub = findSubscriber(account, idOrEmail);
      if (!sub) return undefined;
      return api === 'new' ? subscriberView(account, sub, { groups: true }) : classicSubscriberView(account, sub);
    },
    group(api, id) {
      const group = accounts()[api].groups.get(String(id));
      if (!group) return undefined;
      return api === 'new' ? groupView(group) : classicGroupView(group);
    },
    count(api) {
      const account = accounts()[api];
      return { subscribers: account.subscribers.size, groups: account.groups.size, fields: account.fields.size };
    },
  };
}
