// The CLI reference, generated from the built command itself (`micrograd --help` and each command's `--help`),
// so it lists exactly the commands and options that `dist/cli/main.js` defines.

import { execFileSync } from 'node:child_process';
import { escapeHtml } from './siteLayout.js';

export interface CliCommandHelp {
  name: string;
  summary: string;
  help: string;
}

function help(cli: string, args: string[]): string {
  // A pipe, not a terminal: Commander wraps at 80 columns whatever terminal the site is built in.
  return execFileSync(process.execPath, [cli, ...args, '--help'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

/** The top-level help and every subcommand's help, in the order `micrograd --help` lists them. */
export function readCliHelp(cli: string): { top: string; commands: CliCommandHelp[] } {
  const top = help(cli, []);
  const section = top.split(/^Commands:\n/m)[1];
  if (section === undefined) throw new Error(`micrograd --help printed no "Commands:" section:\n${top}`);
  // Each entry starts at two spaces of indent; its description may wrap onto deeper-indented lines.
  const entries: Array<{ name: string; summary: string }> = [];
  for (const line of section.split('\n')) {
    const start = /^ {2}(\S+)(?: \S.*?)?\s{2,}(.*)$/.exec(line);
    if (start !== null) entries.push({ name: start[1]!, summary: start[2]! });
    else if (line.trim() !== '' && entries.length > 0) entries.at(-1)!.summary += ` ${line.trim()}`;
  }
  const commands: CliCommandHelp[] = entries
    .filter((e) => e.name !== 'help')
    .map((e) => ({ name: e.name, summary: e.summary, help: '' }));
  if (commands.length === 0) throw new Error('micrograd --help listed no commands');
  for (const command of commands) command.help = help(cli, [command.name]);
  return { top, commands };
}

/** The reference's generated part: the command list, the top-level help, then each command's help. */
export function cliReferenceHtml(cli: string): string {
  const { top, commands } = readCliHelp(cli);
  const list = commands
    .map(
      (c) => `<li><a href="#${c.name}"><code>micrograd ${c.name}</code></a>: ${escapeHtml(c.summary)}</li>`,
    )
    .join('\n');
  const sections = commands
    .map(
      (c) =>
        `<h2 id="${c.name}"><code>micrograd ${c.name}</code></h2>\n<pre>${escapeHtml(c.help.trimEnd())}</pre>`,
    )
    .join('\n');
  return `<ul>
${list}
</ul>
<pre>${escapeHtml(top.trimEnd())}</pre>
${sections}
`;
}
