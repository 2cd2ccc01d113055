#!/usr/bin/env node
// The `micrograd` command: parses flags and hands each subcommand to the library.

import { Command, CommanderError } from 'commander';
import { serveCommand } from './commands/serve.js';
import { verifyCommand } from './commands/verify.js';
import { walkthroughCommand } from './commands/walkthrough.js';
import { trainCommand } from './commands/train.js';
import { predictCommand } from './commands/predict.js';
import { evaluateCommand } from './commands/evaluate.js';
import { graphCommand } from './commands/graph.js';
import { plotCommand } from './commands/plot.js';
import { practiceCommand } from './commands/practice.js';
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
program.addCommand(evaluateCommand());
program.addCommand(serveCommand());
program.addCommand(graphCommand());
program.addCommand(plotCommand());
program.addCommand(practiceCommand());
program.addCommand(exportCommand());

// One prefix for every error: Commander's own usage errors say "error:", everything else "micrograd:".
const output = {
  outputError: (text: string, write: (s: string) => void) => write(text.replace(/^error: /, 'micrograd: ')),
};
program.configureOutput(output);
for (const command of program.commands) command.configureOutput(output);

// A closed pipe (`micrograd train | head -1`) is not an error: the command goes on and finishes, its files
// are written, and what it would have printed there is dropped. Exiting at once would lose the run and
// leave its staged temporaries behind.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    stream.write = (() => true) as typeof stream.write;
  });
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // Commander has already printed its own usage errors; anything else gets one clear line, no stack.
  if (err instanceof CommanderError) process.exit(err.exitCode);
  // One line whatever the message holds (a quoted file's line breaks are shown as \n); a thrown
  // non-Error (a WebAssembly abort's plain object) becomes readable text, not [object Object].
  process.stderr.write(`micrograd: ${errorText(err).replace(/\r?\n/g, '\\n')}\n`);
  process.exit(err instanceof CliError ? err.exitCode : 1);
}
