import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCatalog } from '../../plugin/catalog.js';
import type { StepTemplate } from '../../plugin/generated/step-template.js';
import { nodeTypeOf, paletteTypes } from '../../plugin/node-red/palette.js';
import { DEFAULT_SEED, startSimulator, type JournalEntry, type Simulator } from '../../plugin/simulator/index.js';
import { prepareStep } from '../../plugin/step/prepare.js';
import { runStep } from '../../plugin/step/run.js';
import { describeNeeding } from '../harness/requirement.js';
import { runFlowScenario, runStepScenario } from '../scenarios/support/execute.js';
import { readScenarioFiles, type FlowScenario } from '../scenarios/support/scenario.js';
import { adminPasswordHash, type FlowNode, type NodeRed, type NodeRedAnswer } from '../support/node-red-process.js';
import { ensureBuilt, PROJECT } from './support/build.js';
import { EXAMPLE_ACCOUNT, exampleCopy, exampleRoute, installedExample, type ExampleName } from './support/examples.js';
import { accountNode, loggers, probe, statusesIn, tab, type ProbeAnswer } from './support/flows.js';
import { installPalette, type InstalledPalette } from './support/install.js';
import { startNodeRed } from './support/node-red.js';
import { nodeScenarios, reachableOutcomes, type NodeScenario } from './support/scenarios.js';

const catalog = loadCatalog();
const types = paletteTypes(catalog);
const scenarios = nodeScenarios(catalog);
/** Keys of this run only (every simulator accepts them), so finding one anywhere means it leaked. */
const KEYS = { new: `nr-new-${randomBytes(12).toString('hex')}`, classic: `nr-classic-${randomBytes(12).toString('hex')}` };
const SECRETS = [KEYS.new, KEYS.classic];
/** Node-RED's environment: the key accounts without one fall back to, and a value for an env-typed input. */
const HOSTILE_PHONE = '+919820000001';
const HOSTILE_NAME = 'Priya "Q" O\'Brien \\ back\\slash\nnew line\ttab 😀 <<customer_email>> {{name}} </script>';
const HOSTILE_EMAIL = '  Priya+News@Example.COM ';
const PROBES = 'probes';

const missing = await ensureBuilt();

/** A journal entry as it went over the wire (arrival details left out). */
function wire(entry: JournalEntry): Record<string, unknown> {
  return { method: entry.method, path: entry.path, query: entry.query, headers: entry.headers, rawBody: entry.rawBody, status: entry.status };
}

async function settled(sim: Simulator, count: number): Promise<JournalEntry[]> {
  const deadline = Date.now() + 3000;
  while (sim.journal().length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return [...sim.journal()];
}

function keyless(text: string): string[] {
  return SECRETS.filter((key) => text.includes(key));
}

/** The flow scenarios of test/scenarios a shipped example can run: one message, the new API. */
function exampleScenarios(flow: string): Array<{ name: string; scenario: FlowScenario }> {
  return readScenarioFiles(path.join(PROJECT, 'test', 'scenarios'))
    .filter((f) => f.id === flow)
    .map((f) => ({ name: f.name, scenario: f.scenario as unknown as FlowScenario }))
    .filter(({ scenario }) => scenario.api === 'new' && scenario.answers === undefined && scenario.patch === undefined && scenario.skip === undefined);
}

/** The account of an example copy: settings and key of a scenario group, pointed at a simulator. */
function variantKey(scenario: FlowScenario): string {
  return JSON.stringify([scenario.settings ?? {}, scenario.key ?? 'new']);
}

describeNeeding(missing, 'the package as a Node-RED 4 palette, installed from its tarball', () => {
  let installed: InstalledPalette;
  let deployed: FlowNode[] = [];
  let red: NodeRed;
  const sims = new Map<string, Simulator>();
  /** Every text Node-RED answered over HTTP. */
  const answered: string[] = [];
  const variants = new Map<string, { example: ExampleName; route: string; sim: Simulator; scenarios: Array<{ name: string; scenario: FlowScenario }> }>();

  async function sim(name: string): Promise<Simulator> {
    const started = await startSimulator({ port: 0, keys: KEYS });
    sims.set(name, started);
    return started;
  }

  async function post(route: string, body: unknown): Promise<NodeRedAnswer> {
    const answer = await red.request('POST', route, body);
    answered.push(answer.text);
    return answer;
  }

  async function probeAnswer(route: string, body: unknown): Promise<ProbeAnswer> {
    const answer = await post(route, body);
    expect(answer.status, `${route}: ${answer.text}\n${red.log().slice(-3000)}`).toBe(200);
    return answer.body as ProbeAnswer;
  }

  function stepNodeOf(template: StepTemplate, account: string, inputs: Record<string, [string, string]> = {}): FlowNode {
    const node: FlowNode = { id: '', type: nodeTypeOf(template.id), name: '', account };
    for (const name of Object.keys(template.inputs)) {
      const [type, value] = inputs[name] ?? ['msg', `payload.${name}`];
      node[`input_${name}`] = value;
      node[`input_${name}Type`] = type;
    }
    return node;
  }

  beforeAll(async () => {
    installed = await installPalette();
    const flows: FlowNode[] = [tab(PROBES, 'probes'), ...loggers(PROBES)];
    const lookup = catalog.template('mailerlite.subscriber.lookup')!;
    const upsert = catalog.template('mailerlite.subscriber.upsert')!;

    // Every golden step scenario a node can run: an account with its settings and key, a probe.
    for (const template of catalog.templates) await sim(template.id);
    scenarios.forEach((s, i) => {
      const template = catalog.template(s.template)!;
      const settings = s.scenario.settings ?? {};
      const account = `account-s${i}`;
      const text = (name: string): string | undefined => (typeof settings[name] === 'string' ? (settings[name] as string) : undefined);
      flows.push(accountNode(account, { api: template.api, baseUrl: sims.get(template.id)!.url, groupId: text('group_id'), optinFormUrl: text('optin_form_url'), groupName: text('group_name') }, KEYS[s.scenario.key ?? template.api]));
      flows.push(...probe(`s${i}`, PROBES, stepNodeOf(template, account), types.find((t) => t.template.id === template.id)!.outputs.length));
    });

    // Hostile values, each input from another source: global, flow and env.
    const hostile = await sim('hostile');
    flows.push(accountNode('account-hostile', { api: 'new', baseUrl: hostile.url, groupId: '123456789' }, KEYS.new));
    const fill: FlowNode = {
      id: 'hostile-fill',
      type: 'change',
      name: 'contact into context',
      rules: [
        { t: 'set', p: 'hostile_email', pt: 'global', to: 'payload.contact.email', tot: 'msg' },
        { t: 'set', p: 'hostile_name', pt: 'flow', to: 'payload.contact.name', tot: 'msg' },
      ],
    };
    flows.push(...probe('hostile-upsert', PROBES, stepNodeOf(upsert, 'account-hostile', { customer_email: ['global', 'hostile_email'], customer_name: ['flow', 'hostile_name'], customer_phone: ['env', 'MLS_TEST_PHONE'] }), 7, [fill]));
    flows.push(...probe('hostile-lookup', PROBES, stepNodeOf(lookup, 'account-hostile', { customer_email: ['msg', 'payload.contact.email'] }), 6));

    // The key from MAILERLITE_API_KEY when the account has none; an account of the other API version.
    const fallback = await sim('env-key');
    flows.push(accountNode('account-env', { api: 'new', baseUrl: fallback.url, groupId: '123456789' }));
    flows.push(...probe('env-key', PROBES, stepNodeOf(lookup, 'account-env'), 6));
    flows.push(accountNode('account-classic', { api: 'classic', baseUrl: fallback.url, groupId: '3640549' }, KEYS.classic));
    flows.push(...probe('wrong-version', PROBES, stepNodeOf(lookup, 'account-classic'), 6));
    flows.push(
      { id: 'wrong-version-catch', type: 'catch', z: PROBES, name: '', scope: ['probe-wrong-version-step'], uncaught: false, wires: [['wrong-version-error']] },
      { id: 'wrong-version-error', type: 'change', z: PROBES, name: '', rules: [{ t: 'set', p: 'payload', pt: 'msg', to: '{"error": error.message}', tot: 'jsonata' }], wires: [['probe-wrong-version-response']] },
    );

    // The shipped examples, as installed, once per account their scenarios need.
    for (const [example, flow] of [['whatsapp-join', 'whatsapp.join'], ['whatsapp-stop', 'whatsapp.stop']] as const) {
      const nodes = await installedExample(installed.userDir, example);
      for (const entry of exampleScenarios(flow)) {
        const key = `${example} ${variantKey(entry.scenario)}`;
        let variant = variants.get(key);
        if (!variant) {
          const prefix = `v${variants.size}`;
          const exampleSim = await sim(`${example}-${prefix}`);
          const settings = entry.scenario.settings ?? {};
          const account = accountNode(EXAMPLE_ACCOUNT, { api: 'new', baseUrl: exampleSim.url, groupId: String(settings.group_id ?? ''), optinFormUrl: String(settings.optin_form_url ?? ''), groupName: 'WhatsApp Opt-Ins' }, KEYS[entry.scenario.key ?? 'new']);
          const copy = exampleCopy(nodes, prefix, account);
          flows.push(...copy);
          variant = { example, route: exampleRoute(copy), sim: exampleSim, scenarios: [] };
          variants.set(key, variant);
        }
        variant.scenarios.push(entry);
      }
    }

    red = await startNodeRed({ userDir: installed.userDir, env: { MAILERLITE_API_KEY: KEYS.new, MLS_TEST_PHONE: HOSTILE_PHONE } });
    await red.deploy(flows);
    deployed = flows;
  }, 120_000);

  afterAll(async () => {
    await red?.close();
    await Promise.all([...sims.values()].map((s) => s.close()));
    await installed?.remove();
  }, 30_000);

  it('ships the runtime module and the editor HTML side by side, the examples, and a node-red section', async () => {
    const files = installed.files;
    expect(files).toEqual(expect.arrayContaining(['dist/plugin/node-red/mailerlite-steps.cjs', 'dist/plugin/node-red/mailerlite-steps.html', 'examples/whatsapp-join.json', 'examples/whatsapp-stop.json']));
    expect(files.filter((f) => /^plugin\/node-red\/|^scripts\//.test(f)), 'sources stay out of the tarball').toEqual([]);
    const pkg = JSON.parse(await readFile(path.join(installed.userDir, 'node_modules', 'mailerlite-steps', 'package.json'), 'utf8')) as { keywords: string[]; 'node-red': unknown; dependencies: Record<string, string> };
    expect(pkg['node-red']).toEqual({ version: '>=4.0.0', nodes: { 'mailerlite-steps': 'dist/plugin/node-red/mailerlite-steps.cjs' } });
    expect(pkg.keywords).toContain('node-red');
    expect(Object.keys(pkg.dependencies)).not.toContain('node-red');
  });

  it('loads one node type per step template, named from its id, plus the account config node', async () => {
    const list = (await red.request('GET', '/nodes')).body as Array<{ module: string; types: string[]; enabled: boolean; err?: string; version: string }>;
    const mine = list.filter((set) => set.module === 'mailerlite-steps');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.err, red.log()).toBeUndefined();
    expect(mine[0]!.enabled).toBe(true);
    expect(mine[0]!.types).toEqual(['mailerlite-account', ...catalog.templates.map((t) => nodeTypeOf(t.id))]);
    expect(mine[0]!.types).toEqual(expect.arrayContaining(['mailerlite-subscriber-lookup', 'mailerlite-classic-subscriber-lookup']));

    // The editor side, as Node-RED serves it to the editor: the declarations the editor script registers from.
    const html = await fetch(`${red.url}/nodes`, { headers: { accept: 'text/html' } }).then((r) => r.text());
    const data = JSON.parse(/<script type="application\/json" id="mailerlite-steps-palette">([^<]*)<\/script>/.exec(html)![1]!) as { category: string; types: Array<{ type: string; label: string; outputs: string[] }> };
    expect(data.category).toBe('MailerLite');
    expect(data.types.map((t) => [t.type, t.label, t.outputs])).toEqual(
      catalog.templates.map((t) => [nodeTypeOf(t.id), t.name, [...t.outcomes.map((o) => o.name), ...(Object.keys(t.inputs).length > 0 ? ['invalid_input'] : [])]]),
    );
    expect(data.types.find((t) => t.type === 'mailerlite-subscriber-lookup')!.outputs).toEqual(['found', 'not_found', 'auth_error', 'rate_limited', 'error', 'invalid_input']);
    for (const t of types) {
      expect(html).toContain(`data-template-name="${t.type}"`);
      expect(html).toContain(`data-help-name="${t.type}"`);
    }
  });

  it('lists the JOIN and STOP examples under Import > Examples', async () => {
    const listed = await red.request('GET', '/library/examples/flows/mailerlite-steps');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(expect.arrayContaining([{ fn: 'whatsapp-join' }, { fn: 'whatsapp-stop' }]));
    const join = await red.request('GET', '/library/examples/flows/mailerlite-steps/whatsapp-join');
    expect((join.body as FlowNode[]).map((n) => n.type)).toEqual(expect.arrayContaining(['mailerlite-subscriber-lookup', 'mailerlite-subscriber-upsert', 'mailerlite-account']));
  });

  for (const template of catalog.templates) {
    const mine = scenarios.map((s, i) => ({ ...s, index: i })).filter((s) => s.template === template.id);
    it.concurrent(`${nodeTypeOf(template.id)}: every reachable outcome through its output, the request as our engine sends it (${mine.length} scenarios)`, async () => {
      const simulator = sims.get(template.id)!;
      const outputs = types.find((t) => t.template.id === template.id)!.outputs;
      const reached = new Set<string>();
      for (const s of mine as Array<NodeScenario & { index: number }>) {
        simulator.seed(s.scenario.seed ?? DEFAULT_SEED);
        if (s.scenario.faults) simulator.inject(s.scenario.faults);
        const answer = await probeAnswer(`/probe/s${s.index}`, s.scenario.vars);
        const sent = (await settled(simulator, s.scenario.expect.requests.length)).map(wire);
        const engine = await runStepScenario(simulator, catalog, template.id, s.scenario);
        const where = `${s.file}: ${JSON.stringify(answer.mailerlite)}`;

        expect(answer.outcome, where).toBe(s.scenario.expect.outcome);
        expect(answer.output, where).toBe(outputs.indexOf(answer.outcome));
        expect(answer.mailerlite.outcome, where).toBe(engine.result.outcome);
        expect(answer.mailerlite.outputs, where).toEqual(engine.result.outputs);
        expect(answer.payload, where).toEqual({ ...(s.scenario.vars as Record<string, unknown>), ...engine.result.outputs });
        expect(answer.mailerlite.request, where).toEqual(engine.result.request);
        expect(answer.mailerlite.response?.status, where).toBe(engine.result.response?.status);
        expect(answer.mailerlite.attempts, where).toBe(engine.result.attempts);
        expect(sent, `${s.file}: the requests Node-RED sent`).toEqual(engine.journal.map(wire));
        reached.add(answer.outcome);
      }
      expect([...reached].sort()).toEqual(reachableOutcomes(catalog, template.id).sort());
    }, 60_000);
  }

  it.concurrent('examples: JOIN and STOP, as shipped, answer every one-message scenario as the declared flows do, with the same requests byte for byte', async () => {
    const runs = [...variants.values()].map(async (variant) => {
      for (const { name, scenario } of variant.scenarios) {
        variant.sim.seed(scenario.seed ?? DEFAULT_SEED);
        if (scenario.faults) variant.sim.inject(scenario.faults);
        const answer = await post(variant.route, scenario.vars);
        const sent = (await settled(variant.sim, scenario.expect.requests.length)).map(wire);
        const flow = variant.example === 'whatsapp-join' ? 'whatsapp.join' : 'whatsapp.stop';
        const engine = await runFlowScenario(variant.sim, catalog, flow, scenario);
        const where = `${flow}/${name}: ${answer.text}`;
        const end = engine.result.end;
        expect(answer.status, where).toBe(200);
        expect(answer.body, where).toEqual({ reply: engine.result.replies[0], result: 'waiting_for' in end ? 'ask_again' : end.result });
        expect(engine.result.replies, where).toHaveLength(1);
        expect(sent, `${flow}/${name}: the requests the example sent`).toEqual(engine.journal.map(wire));
        if (name === 'new-guide-priya-example') {
          // Priya's JOIN from the guide, as MailerLite receives it.
          expect(sent.map((e) => [e.method, e.path, e.rawBody, e.status])).toEqual([
            ['GET', '/api/subscribers/priya@example.com', '', 404],
            ['POST', '/api/subscribers', '{"email":"priya@example.com","fields":{"name":"Priya Sharma","phone":"+919820000001"},"groups":["123456789"],"status":"active"}', 201],
          ]);
          expect(answer.body).toEqual({ reply: 'You are now subscribed, Priya! You will receive our newsletter at priya@example.com.', result: 'subscribed' });
        }
      }
      return variant.scenarios.length;
    });
    const counts = await Promise.all(runs);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(20);
  }, 90_000);

  it.concurrent('hostile values reach MailerLite exactly, from global, flow and env inputs, as our engine and the preview send them', async () => {
    const simulator = sims.get('hostile')!;
    simulator.seed(DEFAULT_SEED);
    const contact = { email: HOSTILE_EMAIL, name: HOSTILE_NAME };
    const looked = await probeAnswer('/probe/hostile-lookup', { contact });
    const upserted = await probeAnswer('/probe/hostile-upsert', { contact });
    expect([looked.outcome, upserted.outcome]).toEqual(['not_found', 'created']);
    const sent = (await settled(simulator, 2)).map(wire);

    const stored = simulator.state.subscriber('new', 'priya+news@example.com') as { email: string; fields: Record<string, unknown> } | undefined;
    expect(stored?.email).toBe('priya+news@example.com');
    expect(stored?.fields.name).toBe(HOSTILE_NAME);
    expect(stored?.fields.phone).toBe(HOSTILE_PHONE);
    expect(sent[0]!.path).toBe('/api/subscribers/priya%2Bnews@example.com');
    expect(JSON.parse(sent[1]!.rawBody as string)).toEqual({ email: 'priya+news@example.com', fields: { name: HOSTILE_NAME, phone: HOSTILE_PHONE }, groups: ['123456789'], status: 'active' });

    // The same inputs through runStep, in this process: the same bytes.
    simulator.seed(DEFAULT_SEED);
    const env = { settings: catalog.settings({ api_version: 'new', group_id: '123456789' }), secrets: { api_key: KEYS.new }, fetch: globalThis.fetch, baseUrl: simulator.url };
    const lookup = catalog.template('mailerlite.subscriber.lookup')!;
    const upsert = catalog.template('mailerlite.subscriber.upsert')!;
    const vars = { customer_email: HOSTILE_EMAIL, customer_name: HOSTILE_NAME, customer_phone: HOSTILE_PHONE };
    await runStep(lookup, vars, env);
    const engine = await runStep(upsert, vars, env);
    expect(sent).toEqual((await settled(simulator, 2)).map(wire));
    expect(upserted.mailerlite.request).toEqual(engine.request);
    expect(upserted.payload).not.toHaveProperty('customer_name');
    expect(upserted.mailerlite.inputs).toEqual({ customer_email: 'priya+news@example.com', customer_name: HOSTILE_NAME, customer_phone: HOSTILE_PHONE });

    // The edit dialog's preview (the admin route) shows this very request, key redacted.
    const preview = await red.request('POST', '/mailerlite-steps/preview/mailerlite-subscriber-upsert', { account: { api: 'new', baseUrl: simulator.url, groupId: '123456789' }, values: vars });
    expect(preview.status).toBe(200);
    expect((preview.body as { request: unknown }).request).toEqual(upserted.mailerlite.request);
    const shown = prepareStep(upsert, vars, { settings: env.settings, secrets: { api_key: 'anything' }, baseUrl: simulator.url });
    expect(shown.ok && shown.built.shown).toEqual(upserted.mailerlite.request);
    expect(upserted.mailerlite.request?.headers.Authorization).toBe('Bearer [redacted:api_key]');
  });

  it.concurrent('the key: MAILERLITE_API_KEY when the account has none; redacted when MailerLite echoes it; a step refuses an account of the other version', async () => {
    const simulator = sims.get('env-key')!;
    simulator.seed({ scenario: 'priya-subscribed' });
    const found = await probeAnswer('/probe/env-key', { customer_email: 'priya@example.com' });
    expect(found.outcome).toBe('found');
    expect(found.payload.subscriber_id).toBe('987654321');
    expect(simulator.journal()[0]!.headers.authorization).toBe('Bearer [REDACTED]');

    simulator.inject({ kind: 'reply', status: 422, body: JSON.stringify({ message: `The key ${KEYS.new} is not allowed here`, errors: { email: [`bad ${KEYS.new}`] } }) });
    const echoed = await probeAnswer('/probe/env-key', { customer_email: 'priya@example.com' });
    expect(echoed.outcome).toBe('error');
    expect(JSON.stringify(echoed)).toContain('The key [redacted:api_key] is not allowed here');
    expect(keyless(JSON.stringify(echoed))).toEqual([]);

    const refused = await post('/probe/wrong-version', { customer_email: 'priya@example.com' });
    expect(refused.body).toEqual({ error: 'Error: mailerlite-subscriber-lookup is a step of the new MailerLite API; its account is set to classic' });
  });

  it('missing inputs, and payloads that are not objects, end in invalid_input with nothing sent', async () => {
    const simulator = sims.get('env-key')!;
    const before = simulator.journal().length;
    const none = await probeAnswer('/probe/env-key', {});
    expect([none.outcome, none.output]).toEqual(['invalid_input', 5]);
    expect(none.mailerlite.request).toBeNull();
    const list = await probeAnswer('/probe/env-key', ['priya@example.com']);
    expect(list.outcome).toBe('invalid_input');
    expect(list.payload).toEqual({ subscriber_id: null, subscriber_status: null, subscriber_group_ids: null });
    expect(simulator.journal().length - before).toBe(0);
  });

  it('shows the last outcome as the node status: a green dot "created 201", a red ring "auth_error 401"', () => {
    const statuses = statusesIn(red.log());
    const byText = (text: string) => statuses.find((s) => s.text === text);
    expect(byText('created 201')).toMatchObject({ fill: 'green', shape: 'dot' });
    expect(byText('auth_error 401')).toMatchObject({ fill: 'red', shape: 'ring' });
    expect(byText('not_found 404')).toMatchObject({ fill: 'yellow', shape: 'ring' });
    expect(byText('invalid_input')).toMatchObject({ fill: 'yellow', shape: 'ring' });
    expect(statuses.filter((s) => /^(error|rate_limited) /.test(s.text ?? '')).every((s) => s.fill === 'red')).toBe(true);
    expect(statuses.length).toBeGreaterThan(scenarios.length);
  });

  it('keeps the key out of every message, log line, status and the exported flows', async () => {
    expect(answered.length).toBeGreaterThan(scenarios.length);
    expect(keyless(answered.join('\n'))).toEqual([]);
    expect(red.log()).toContain('[debug:results]');
    expect(keyless(red.log())).toEqual([]);
    expect(keyless(JSON.stringify(statusesIn(red.log())))).toEqual([]);
    const exported = await red.request('GET', '/flows');
    expect(exported.text).toContain('mailerlite-account');
    const holders = (exported.body as FlowNode[]).filter((n) => keyless(JSON.stringify(n)).length > 0);
    expect(holders, JSON.stringify(deployed.filter((n) => holders.some((h) => h.id === n.id)))).toEqual([]);
    expect(keyless(exported.text)).toEqual([]);
    expect(keyless(await readFile(path.join(installed.userDir, 'flows.json'), 'utf8'))).toEqual([]);
    expect(keyless(await readFile(path.join(installed.userDir, 'flows_cred.json'), 'utf8')), 'credentials are stored encrypted').toEqual([]);
    const account = (exported.body as FlowNode[]).find((n) => n.id === 'account-s0')!;
    expect(account).not.toHaveProperty('credentials');
    expect(account).not.toHaveProperty('apiKey');
  });

  it('guards the preview route with Node-RED admin authentication', async () => {
    const userDir = await mkdtemp(path.join(tmpdir(), 'mls-nr-auth-'));
    await writeFile(path.join(userDir, 'package.json'), JSON.stringify({ name: 'node-red-project', version: '0.0.1', private: true }));
    await symlink(path.join(installed.userDir, 'node_modules'), path.join(userDir, 'node_modules'), 'dir');
    const secured = await startNodeRed({ userDir, adminAuth: { username: 'admin', passwordHash: adminPasswordHash('palette-test-password') } });
    try {
      const body = { account: { api: 'new', groupId: '123456789' }, values: { customer_email: 'Priya@Example.com' } };
      const route = '/mailerlite-steps/preview/mailerlite-subscriber-lookup';
      expect((await secured.request('POST', route, body)).status).toBe(401);
      const token = await secured.request('POST', '/auth/token', { client_id: 'node-red-editor', grant_type: 'password', scope: '*', username: 'admin', password: 'palette-test-password' });
      expect(token.status).toBe(200);
      const answer = await secured.request('POST', route, body, (token.body as { access_token: string }).access_token);
      expect(answer.status).toBe(200);
      expect((answer.body as { request: { method: string; url: string } }).request).toMatchObject({ method: 'GET', url: 'https://connect.mailerlite.com/api/subscribers/priya@example.com' });
    } finally {
      await secured.close();
      await rm(userDir, { recursive: true, force: true });
    }
  }, 40_000);
});
