#!/usr/bin/env node
// The `micrograd` command: parses flags and hands each subcommand to the library.

import { Command, CommanderError } from 'commander';
import { serveCommand } from './commands/serve.js';
import { verifyCommand } from './commands/verify.js';
import { walkthroughCommand } from './commands/walkthrough.js';
import { trainCommand } from './commands/train.js';
import { predictCommand } from './commands/predict.js';
import { graphCommand } from './commands/graph.js';
import { plotCommand } from './commands/plot.js';
import { errorText } from '../viz/errorText.js';
import { exportCommand } from './commands/export.js';
import { CliError } from './CliError.js';
import { packageVersion } from './packageVersion.js';
import { rerunWithV8Flags } from './v8Flags.js';

const rerun = await rerunWithV8Flags(process.argv);
if (rerun !== null) process.exit(rerun);

const program = new Command('micrograd')
  .description('A scalar autograd engine: the backprop walkthrough, pictures, training and checks.')
  .version(packageVersion(), '-V, --version', 'print the version of micrograd-ts')
  .showHelpAfterError('(run micrograd --help for usage)')
  .exitOverride();

program.addCommand(walkthroughCommand());
program.addCommand(verifyCommand());
program.addCommand(trainCommand());
program.addCommand(predictCommand());
program.addCommand(serveCommand());
program.addCommand(graphCommand());
program.addCommand(plotCommand());
program.addCommand(exportCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // Commander has already printed its own usage errors; anything else gets one clear line, no stack.
  if (err instanceof CommanderError) process.exit(err.exitCode);
  process.stderr.write(`micrograd: ${errorText(err)}\n`);
  process.exit(err instanceof CliError ? err.exitCode : 1);
}
