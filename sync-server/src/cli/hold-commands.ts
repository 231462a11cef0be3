// `hearth-relay hold add|remove|list`: legal holds, which suspend retention for a space or for
// everything a person wrote. They run as admin operations (audit/hold-operations.ts): through the
// running relay when there is one, in-process under the data-directory lock otherwise.
import '../audit/hold-operations.js';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { createLogger } from '../log.js';
import { runAdminOperation } from './admin-client.js';
import { postgresOption } from './storage-option.js';

const dataOption = () => new Option('--data <dir>', 'data directory').default('./data');

function target(opts: { space?: string; person?: string }): { space: string } | { person: string } {
  if ((opts.space === undefined) === (opts.person === undefined)) throw new InvalidArgumentError('name exactly one of --space <id> or --person <id>');
  return opts.space !== undefined ? { space: opts.space } : { person: opts.person! };
}

async function run(opts: { data: string; postgres?: string }, operation: string, body: unknown): Promise<void> {
  const result = await runAdminOperation(resolve(opts.data), operation, body, createLogger(process.env.HEARTH_LOG_LEVEL ?? 'warn'), opts.postgres);
  if (result.ok) {
    console.log(JSON.stringify(result.result, null, 2));
  } else {
    console.error(`error: ${result.error}`);
    process.exitCode = 1;
  }
}

export function registerHoldCommands(program: Command): void {
  const hold = program.command('hold').description('legal holds: suspend retention for a space or a person');
  hold
    .command('add')
    .description('place a legal hold')
    .option('--space <id>', 'hold a space')
    .option('--person <id>', 'hold everything a person wrote')
    .requiredOption('--reason <text>', 'why (matter, case number)')
    .option('--by <name>', 'who places it', 'admin')
    .addOption(dataOption())
    .addOption(postgresOption())
    .action(async (opts: { space?: string; person?: string; reason: string; by: string; data: string; postgres?: string }) => {
      await run(opts, 'hold-add', { ...target(opts), reason: opts.reason, by: opts.by });
    });
  hold
    .command('remove')
    .description('lift the legal holds on a space or a person')
    .option('--space <id>', 'the space')
    .option('--person <id>', 'the person')
    .option('--by <name>', 'who lifts it', 'admin')
    .addOption(dataOption())
    .addOption(postgresOption())
    .action(async (opts: { space?: string; person?: string; by: string; data: string; postgres?: string }) => {
      await run(opts, 'hold-remove', { ...target(opts), by: opts.by });
    });
  hold
    .command('list')
    .description('the standing legal holds')
    .option('--all', 'lifted ones too', false)
    .addOption(dataOption())
    .addOption(postgresOption())
    .action(async (opts: { all: boolean; data: string; postgres?: string }) => {
      await run(opts, 'hold-list', { all: opts.all });
    });
}
