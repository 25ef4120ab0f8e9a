import { MissingInputError } from '../errors.js';
import { notSent, runStep } from '../step/run.js';
import { definedOnly, type StepResult } from '../step/result.js';
import type { Variables } from '../step/inputs.js';
import type { Account } from './account.js';
import { redactResult, redactText, stepMessage } from './message.js';
import type { PaletteType } from './palette.js';
import { readInputs, type StepNodeConfig } from './sources.js';
import { statusOf } from './status.js';
import type { NodeConstructor, NodeInstance, NodeMessage, NodeRedApi } from './types.js';

/** An account config node as a step node uses it: the account, and its key read when a message comes. */
export interface AccountInUse {
  account: Account;
  key: () => string;
}

/** Finds the account config node a step node names, or says why there is none. */
export type AccountLookup = (id: string | undefined) => AccountInUse | string;

/** Runs the step for one message; anything MailerLite or the network does is an outcome, missing inputs too. */
async function run(entry: PaletteType, given: Variables, account: Account, key: string): Promise<StepResult> {
  const env = { settings: account.settings, secrets: { api_key: key }, fetch: globalThis.fetch, ...(account.baseUrl === undefined ? {} : { baseUrl: account.baseUrl }) };
  try {
    return await runStep(entry.template, given, env);
  } catch (error) {
    // As in a flow: a step that lacks an input ends in invalid_input, naming every missing input.
    if (error instanceof MissingInputError) {
      return notSent(entry.template, definedOnly(given), error.missing.map(({ name }) => ({ name, message: 'missing' })), account.settings);
    }
    throw error;
  }
}

/**
 * The constructor of one step node type: on each message it reads the inputs (from
 * `msg.payload.<name>` unless the node says otherwise), runs the step through the plugin's
 * engine with the account's settings, key and base URL, and sends the message on the
 * outcome's output with the outputs in `msg.payload`, `msg.outcome`, `msg.mailerlite` and
 * `msg.settings`. The status shows the last outcome. The key is in no message, status or
 * error.
 *
 * @example
 * RED.nodes.registerType('mailerlite-subscriber-lookup', stepNode(RED, paletteType(lookup), lookupAccount))
 */
export function stepNode(red: NodeRedApi, entry: PaletteType, accounts: AccountLookup): NodeConstructor<StepNodeConfig> {
  return function StepNode(this: NodeInstance, config: StepNodeConfig): void {
    red.nodes.createNode(this, config);
    const node = this;
    node.on('input', (msg: NodeMessage, send, done) => {
      const found = accounts(config.account);
      if (typeof found === 'string') {
        node.status({ fill: 'red', shape: 'ring', text: 'no account' });
        done(new Error(found));
        return;
      }
      const { account } = found;
      if (account.problem !== undefined || account.api !== entry.template.api) {
        node.status({ fill: 'red', shape: 'ring', text: 'account' });
        done(new Error(account.problem ?? `${entry.type} is a step of the ${entry.template.api} MailerLite API; its account is set to ${account.api}`));
        return;
      }
      const key = found.key();
      readInputs(red, node, config, entry.inputs, msg)
        .then((given) => run(entry, given, account, key))
        .then(
          (raw) => {
            const result = redactResult(raw, key);
            const index = entry.outputs.indexOf(result.outcome);
            node.status(statusOf(result, entry.template));
            if (index < 0) {
              done(new Error(`${entry.type}: outcome ${result.outcome} has no output`));
              return;
            }
            const outputs: Array<NodeMessage | null> = entry.outputs.map(() => null);
            outputs[index] = stepMessage(msg, result, definedOnly(account.settings));
            send(outputs);
            done();
          },
          (error: unknown) => {
            node.status({ fill: 'red', shape: 'ring', text: 'failed' });
            done(new Error(redactText(error instanceof Error ? error.message : String(error), key)));
          },
        );
    });
  };
}
