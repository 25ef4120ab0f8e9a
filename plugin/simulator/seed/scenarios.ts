import type { FaultSpec } from '../faults.js';
import type { Seed } from './types.js';

/** The guide's contact: created on either account, she gets the guide's id. */
const GUIDE_EMAIL = 'priya@example.com';

/**
 * The default seed reproduces the guide's setting: its "WhatsApp Opt-Ins" group on both
 * accounts, no subscribers, and the guide's Priya (`priya@example.com`) gets the guide's
 * id 987654321 when she is created. Everyone else gets a production-like id (18 digits on
 * the new API).
 */
export const DEFAULT_SEED: Seed = {
  description: 'Default: the "WhatsApp Opt-Ins" group on both accounts, no subscribers yet.',
  new: {
    groups: [{ id: '123456789', name: 'WhatsApp Opt-Ins', created_at: '2024-01-15 10:00:00' }],
    next_ids: { subscriber_by_email: { [GUIDE_EMAIL]: '987654321' } },
  },
  classic: {
    groups: [{ id: 3640549, name: 'WhatsApp Opt-Ins', date_created: '2024-01-15 10:00:00' }],
    next_ids: { subscriber_by_email: { [GUIDE_EMAIL]: 987654321 } },
  },
};

/** Named scenarios offered by the web page and `POST /__sim/seed {"scenario": ...}`. */
export type ScenarioName = 'priya-subscribed' | 'unsubscribed-contact' | 'rate-limited';

/** A scenario: a seed plus faults injected right after seeding. */
export interface Scenario {
  title: string;
  seed: Seed;
  faults: FaultSpec[];
}

const PRIYA = { email: GUIDE_EMAIL, fields: { name: 'Priya Sharma', phone: '+919820000001' } };
const JOINED = '2024-02-01 09:30:00';

function withPriya(status: 'active' | 'unsubscribed'): Seed {
  const unsubscribed_at = status === 'unsubscribed' ? '2024-03-01 18:00:00' : null;
  return {
    description: `Default seed plus Priya Sharma (${status}) in "WhatsApp Opt-Ins".`,
    new: {
      groups: DEFAULT_SEED.new?.groups,
      subscribers: [{ id: '987654321', ...PRIYA, status, groups: ['123456789'], subscribed_at: JOINED, created_at: JOINED, unsubscribed_at }],
    },
    classic: {
      groups: DEFAULT_SEED.classic?.groups,
      subscribers: [{ id: 987654321, ...PRIYA, type: status, groups: [3640549], date_created: JOINED, date_unsubscribe: unsubscribed_at }],
    },
  };
}

/** Every named scenario, by name. */
export const SCENARIOS: Readonly<Record<ScenarioName, Scenario>> = {
  'priya-subscribed': { title: 'Priya already subscribed', seed: withPriya('active'), faults: [] },
  'unsubscribed-contact': { title: 'An unsubscribed contact', seed: withPriya('unsubscribed'), faults: [] },
  'rate-limited': {
    title: 'Rate limited next requests',
    seed: DEFAULT_SEED,
    faults: [{ kind: 'rate-limit', count: 3, retryAfterMs: 1000 }],
  },
};

/** True for a known scenario name. */
export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && Object.hasOwn(SCENARIOS, value);
}
