import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option, type OptionValues } from '@commander-js/extra-typings';
import { UsageError } from '../../errors.js';
import { packageRoot } from '../../paths.js';
import { reportError, EXIT } from './failure.js';
import { processIo, type Io } from './io.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function version(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** `--target sim|live`, shared by the commands that send. */
const targetOption = () => new Option('--target <target>', 'sim: the embedded simulator; live: MailerLite with MAILERLITE_API_KEY').choices(['sim', 'live'] as const).default('sim' as const);

/** Adds the flags shared by the commands that render templates. */
function withInputFlags<Args extends unknown[], Opts extends OptionValues>(command: Command<Args, Opts>) {
  return command
    .option('--var <name=value>', 'a conversation variable (repeatable)', collect, [] as string[])
    .option('--settings <file>', 'a JSON file of plugin settings, e.g. {"group_id": "123456789"}')
    .option('--set <name=value>', 'one plugin setting (repeatable; wins over --settings)', collect, [] as string[]);
}

/** Adds the flags that pick where requests go. */
function withTargetFlags<Args extends unknown[], Opts extends OptionValues>(command: Command<Args, Opts>) {
  return command
    .addOption(targetOption())
    .option('--base-url <url>', 'a simulator already running (mailerlite-steps sim), e.g. http://127.0.0.1:9090')
    .addOption(new Option('--api <version>', 'MailerLite version for flows (default: the api_version setting, else new)').choices(['new', 'classic'] as const))
    .option('--seed <file>', 'seed file for the embedded simulator (see docs/simulator.md)');
}

function example(lines: string): string {
  return `\nExample:\n${lines}\n`;
}

/**
 * Builds the `mailerlite-steps` command line. Each command's code is imported only when
 * it runs, so `preview` never loads the simulator, the web server or the sync code.
 */
export function buildProgram(io: Io, setExit: (code: number) => void) {
  const program = new Command('mailerlite-steps')
    .description('MailerLite steps and flows for WhatsApp bot builders. New here? Run: mailerlite-steps demo')
    .version(version())
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError(true);
  const act = <A extends unknown[]>(fn: (...args: A) => Promise<number>) => async (...args: A) => setExit(await fn(...args));

  program
    .command('demo')
    .description("play the guide's story against the embedded simulator: JOIN, JOIN again, pre-campaign check, STOP, JOIN after an unsubscribe")
    .addHelpText('after', example('  $ mailerlite-steps demo'))
    .action(act(async () => (await import('./commands/demo.js')).runDemo(io)));

  withInputFlags(program.command('preview').argument('<template>'))
    .description('show the exact request a step template would send, without sending it')
    .addOption(new Option('--format <format>', 'http: raw request; curl: a command safe to paste; json: the request object').choices(['http', 'curl', 'json'] as const).default('http' as const))
    .option('--base-url <url>', 'show the request as sent to this origin instead of MailerLite')
    .addHelpText('after', example('  $ mailerlite-steps preview mailerlite.subscriber.upsert --var customer_email=priya@example.com \\\n      --var "customer_name=Priya Sharma" --set group_id=123456789 --format curl'))
    .action(act(async (id, options) => (await import('./commands/preview.js')).runPreview(id, options, io)));

  withTargetFlags(withInputFlags(program.command('run').argument('<id>')))
    .description('run a step template or a flow (by id or trigger word, e.g. JOIN) and show request, status, outputs, outcome and replies')
    .option('--json', 'print exactly the StepResult or FlowResult as JSON, nothing else on stdout', false)
    .addHelpText('after', example('  $ mailerlite-steps run whatsapp.join --var customer_email=priya@example.com --var "customer_name=Priya Sharma"\n  $ mailerlite-steps run JOIN --var customer_email=priya@example.com\n  $ mailerlite-steps run mailerlite.subscriber.lookup --var customer_email=priya@example.com --json'))
    .action(act(async (id, options) => (await import('./commands/run.js')).runRun(id, options, io)));

  withTargetFlags(withInputFlags(program.command('chat')))
    .description('talk to the flows in the terminal: type a trigger word (JOIN, STOP, PRECHECK, SETUP or an alias: see list); works with piped input too')
    .addHelpText('after', example("  $ mailerlite-steps chat\n  $ printf 'JOIN\\npriya@example.com\\nPriya Sharma\\n' | mailerlite-steps chat"))
    .action(act(async (options) => (await import('./commands/chat.js')).runChat(options, io)));

  program
    .command('list')
    .description('list the step templates and flows in the manifest with their inputs and outcomes')
    .option('--json', 'machine-readable', false)
    .addHelpText('after', example('  $ mailerlite-steps list'))
    .action(act(async (options) => (await import('./commands/list.js')).runList(options, io)));

  program
    .command('validate')
    .argument('[dir]')
    .description('check the manifest, templates and flows: JSON Schemas, named rules and a scan for keys; exit 1 on problems')
    .option('--json', 'print the result as JSON', false)
    .addHelpText('after', example('  $ mailerlite-steps validate\n  $ mailerlite-steps validate path/to/plugin --json'))
    .action(act(async (dir, options) => (await import('../../validate/command.js')).runValidate(dir ?? packageRoot(), { ...options, env: io.env }, io)));

  program
    .command('sim')
    .description('serve the MailerLite simulator (new API under /api, classic under /api/v2) on 127.0.0.1')
    .option('--port <port>', 'port to listen on', '9090')
    .option('--seed <file>', 'seed file (see docs/simulator.md)')
    .option('--key <key>', 'API key the new-API account accepts')
    .option('--classic-key <key>', 'API key the classic account accepts (must differ from --key)')
    .option('--minute-ms <ms>', 'how long a rate-limit minute lasts, in milliseconds', '60000')
    .addHelpText('after', example('  $ mailerlite-steps sim --port 9090\n  $ mailerlite-steps run whatsapp.join --base-url http://127.0.0.1:9090 --var customer_email=priya@example.com'))
    .action(act(async (options) => (await import('./commands/sim.js')).runSim(options, io)));

  program
    .command('serve')
    .description('serve the web harness on 127.0.0.1: preview requests as you type, send them, play flows as a chat')
    .option('--port <port>', 'port to listen on', '8787')
    .addOption(targetOption())
    .option('--base-url <url>', 'a simulator already running, e.g. http://127.0.0.1:9090')
    .option('--settings <file>', 'a JSON file of plugin settings')
    .option('--set <name=value>', 'one plugin setting (repeatable)', collect, [] as string[])
    .addHelpText('after', example('  $ mailerlite-steps serve            # then open http://127.0.0.1:8787/'))
    .action(
      act(async (options) => {
        const { parsePort } = await import('../port.js');
        const port = parsePort(options.port);
        const { checkSettingNames, readSettings } = await import('../settings.js');
        const { loadCatalog } = await import('../../catalog.js');
        const { runServe } = await import('../web/serve.js');
        const settings = readSettings(options.settings, options.set);
        checkSettingNames(loadCatalog(), settings);
        return runServe({ port, target: options.target, settings, env: io.env, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) }, io);
      }),
    );

  program
    .command('sync')
    .argument('<file>')
    .description('bring existing opt-ins (CSV or JSON Lines) into the MailerLite group through POST /batch, paced by the rate limits, resumable')
    .requiredOption('--group <id|name>', 'the group: its id, or its exact name')
    .addOption(new Option('--api <version>', 'MailerLite version').choices(['new', 'classic'] as const).default('new' as const))
    .addOption(targetOption())
    .option('--base-url <url>', 'a simulator already running, e.g. http://127.0.0.1:9090')
    .option('--minute-ms <ms>', 'length of a rate-limit minute, for a simulator started with --minute-ms')
    .option('--dry-run', 'print the plan (requests, batches, estimated time) without sending', false)
    .option('--journal <file>', 'journal to write as it goes, or to resume (default: next to the input)')
    .option('--report <file>', 'write a JSON report: counts and every non-success with its line and reason')
    .option('--map <column=field>', 'read another column as email, name, phone or opted_in_at (repeatable)', collect, [] as string[])
    .addHelpText('after', example('  $ mailerlite-steps sync optins.csv --group "WhatsApp Opt-Ins" --dry-run\n  $ mailerlite-steps sync optins.csv --group 123456789 --report report.json\n  $ mailerlite-steps sync export.csv --group 123456789 --map "E-mail=email" --map "WhatsApp=phone"'))
    .action(
      act(async (file, options) => {
        const windowMs = options.minuteMs === undefined ? undefined : Number(options.minuteMs);
        if (windowMs !== undefined && (!Number.isInteger(windowMs) || windowMs < 1)) throw new UsageError(`--minute-ms ${options.minuteMs}: expected a whole number of milliseconds such as 60000`);
        const { runSync } = await import('../../sync/index.js');
        return runSync(
          {
            file,
            group: options.group,
            api: options.api,
            target: options.target,
            dryRun: options.dryRun,
            map: options.map,
            env: io.env,
            ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
            ...(windowMs ? { windowMs } : {}),
            ...(options.journal ? { journal: options.journal } : {}),
            ...(options.report ? { report: options.report } : {}),
          },
          { stdout: io.stdout, stderr: io.stderr, isTTY: Boolean(io.stderr.isTTY) },
        );
      }),
    );

  program
    .command('pack')
    .description('write one installable bundle (<id>-<version>.plugin.json): manifest, templates and flows inlined, a sha256 per entry')
    .option('--out <dir>', 'folder to write the bundle to', 'dist')
    .addHelpText('after', example('  $ mailerlite-steps pack --out dist/'))
    .action(act(async (options) => (await import('../../pack/command.js')).runPack(options, { ...io, env: io.env })));

  program
    .command('export')
    .argument('[ids...]', 'template or flow ids (external-api-request; node-red and postman export every flow of the --api version)')
    .description("write the steps and flows for where they run: a builder's External API Request form (JSON and a Markdown page), Node-RED (flows.json) or Postman/newman (a collection per flow)")
    .option('--all', 'export every template and flow of the --api version', false)
    .option('--for <target>', 'external-api-request (default): the builder form; node-red: one flows.json; postman: <flow id>.postman_collection.json per flow')
    .option('--out <dir>', 'folder to write to', 'mailerlite-steps-export')
    .addOption(new Option('--api <version>', 'MailerLite version (default: the api_version given with --set, else new)').choices(['new', 'classic'] as const))
    .option('--set <name=value>', 'external-api-request: a setting value to write in place of its {{placeholder}} (repeatable)', collect, [] as string[])
    .addHelpText(
      'after',
      example(
        '  $ mailerlite-steps export whatsapp.join --out export/\n  $ mailerlite-steps export --all --api classic --set group_id=123456789\n  $ mailerlite-steps export --for node-red --out node-red/\n  $ mailerlite-steps export --for postman --api classic --out postman/',
      ),
    )
    .action(act(async (ids, options) => (await import('../../export/command.js')).runExport(ids, options, io)));

  return program;
}

/**
 * Runs the command line and returns the exit status: 0 success, 1 a step ended in the
 * fallback outcome (or problems found), 2 usage or template errors.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2))
 */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    return reportError(error, io);
  }
  return code;
}
