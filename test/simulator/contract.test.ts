import { afterAll, beforeAll, describe } from 'vitest';
import { startSimulator, type Simulator } from '../../plugin/simulator/index.js';
import { contractSuite } from './contract.js';
import type { ContractTarget } from './helpers/client.js';

const fetchImpl = (input: string | URL | Request, init?: RequestInit) => fetch(input, init);

describe('contract: simulator over HTTP', () => {
  let sim: Simulator;
  const target: ContractTarget = {
    baseUrl: '',
    key: '',
    classicKey: 'sim-classic-0000-key',
    reset: async () => sim.reset(),
  };
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    Object.assign(target, { baseUrl: sim.url, key: sim.keys.new, classicKey: sim.keys.classic });
  });
  afterAll(() => sim.close());
  contractSuite(target, fetchImpl);
});

const liveKey = process.env.MAILERLITE_API_KEY;
const live = Boolean(liveKey) && process.env.MAILERLITE_CONTRACT === '1';

describe.skipIf(!live)('contract: live MailerLite (skipped: set MAILERLITE_API_KEY and MAILERLITE_CONTRACT=1 to run)', () => {
  const classicKey = process.env.MAILERLITE_CLASSIC_API_KEY;
  contractSuite(
    {
      baseUrl: 'https://connect.mailerlite.com',
      key: liveKey ?? '',
      ...(classicKey ? { classicKey, classicBaseUrl: 'https://api.mailerlite.com' } : {}),
    },
    fetchImpl,
  );
});
