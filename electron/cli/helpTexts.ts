import { defineMessages } from '@formatjs/intl';
import type { MessageDescriptor } from '@formatjs/intl';
import type { Translator } from '../engine/i18n/translator';
import { msg } from '../shared/i18n/message';
import { wrapText } from './wrapText';

/**
 * The CLI's help, in the terminal's language. Command names, options and
 * their FILE/DIR/PATH arguments are what the user types, so they stay as
 * they are and sit outside the messages; only the explanations translate.
 */
const HELP = defineMessages({
  tagline: {
    id: 'cli.help.tagline',
    defaultMessage: 'Pip Doctor — finds out why pip install fails, and how to fix it.',
  },
  usage: {
    id: 'cli.help.usage',
    defaultMessage: 'Usage: {usage}',
    description: '{usage} is the command line to type, e.g. "pip-doctor <command> [options]"',
  },
  commands: { id: 'cli.help.commands', defaultMessage: 'Commands:' },
  diagnoseCommand: {
    id: 'cli.help.diagnoseCommand',
    defaultMessage: "Inspect this machine's Pythons and rank the fixes",
    description: 'What the "diagnose" command does, in the command list',
  },
  logCommand: {
    id: 'cli.help.logCommand',
    defaultMessage: 'Explain a saved pip error log (or standard input)',
    description: 'What the "log" command does, in the command list',
  },
  commandHelp: {
    id: 'cli.help.commandHelp',
    defaultMessage: 'Run "{command}" for a command\'s options.',
    description: '{command} is "pip-doctor <command> --help", typed as it is',
  },
  options: { id: 'cli.help.options', defaultMessage: 'Options:' },
  showHelp: { id: 'cli.help.showHelp', defaultMessage: 'Show this help' },
  diagnoseAbout: {
    id: 'cli.help.diagnose.about',
    defaultMessage:
      'Looks at this machine: every Python install and which one pip runs, whether pip can write where it installs, which running programs hold its files, and the fixes ranked for this machine.',
    description: 'The diagnose command’s help; one paragraph: the CLI breaks its lines',
  },
  diagnoseJson: {
    id: 'cli.help.diagnose.json',
    defaultMessage: 'Print the Diagnosis document (the same one the app shows)',
  },
  diagnoseLog: {
    id: 'cli.help.diagnose.log',
    defaultMessage: 'A saved pip error (or standard input): its failing file is looked at first',
  },
  diagnosePython: {
    id: 'cli.help.diagnose.python',
    defaultMessage: 'Also inspect this interpreter (may be repeated)',
  },
  diagnoseProject: {
    id: 'cli.help.diagnose.project',
    defaultMessage: 'The project folder (default: the folder you run it from), for its .venv',
  },
  diagnoseExit: {
    id: 'cli.help.diagnose.exit',
    defaultMessage:
      'Exit status: 0 when the scan finished, 1 when the log could not be read, 2 for a usage error.',
  },
  logAbout: {
    id: 'cli.help.log.about',
    defaultMessage:
      'Explains why a pip install failed, from its saved output. "-" reads standard input. Logs of any size are read as a stream; UTF-8 and UTF-16 (PowerShell\'s ">") are understood.',
    description: 'The log command’s help; one paragraph: the CLI breaks its lines',
  },
  logJson: {
    id: 'cli.help.log.json',
    defaultMessage: 'One JSON LogFinding per input, one per line, in input order',
  },
  logExit: {
    id: 'cli.help.log.exit',
    defaultMessage:
      'Exit status: 0 when every input was read, 1 when an input could not be read (the others are still answered), 2 for a usage error.',
  },
});

type Words = (descriptor: MessageDescriptor, values?: Record<string, string>) => string;

const wordsOf =
  (t: Translator): Words =>
  (descriptor, values) =>
    t.text(msg(descriptor, values));

/** An option and its explanation, the explanation starting in one column and wrapped under itself. */
function option(t: Translator, name: string, explanation: string, column: number): string {
  const indent = ' '.repeat(column + 1);
  const wrapped = wrapText(explanation, t.locale, 79 - indent.length).replace(/\n/g, `\n${indent}`);
  return `  ${name.padEnd(column - 2)} ${wrapped}`;
}

const DIAGNOSE_USAGE =
  'pip-doctor diagnose [--json] [--log FILE|-] [--python PATH]... [--project DIR]';
const LOG_USAGE = 'pip-doctor log [--json] FILE... | -';

export function mainHelp(t: Translator): string {
  const say = wordsOf(t);
  return `${say(HELP.tagline)}

${say(HELP.usage, { usage: 'pip-doctor <command> [options]' })}

${say(HELP.commands)}
  diagnose [--json] [--log FILE|-] [--python PATH]... [--project DIR]
                             ${say(HELP.diagnoseCommand)}
  log [--json] FILE... | -   ${say(HELP.logCommand)}

${say(HELP.commandHelp, { command: 'pip-doctor <command> --help' })}
`;
}

export function diagnoseHelp(t: Translator): string {
  const say = wordsOf(t);
  return `${say(HELP.usage, { usage: DIAGNOSE_USAGE })}

${wrapText(say(HELP.diagnoseAbout), t.locale)}

${say(HELP.options)}
${option(t, '--json', say(HELP.diagnoseJson), 17)}
${option(t, '--log FILE|-', say(HELP.diagnoseLog), 17)}
${option(t, '--python PATH', say(HELP.diagnosePython), 17)}
${option(t, '--project DIR', say(HELP.diagnoseProject), 17)}
${option(t, '-h, --help', say(HELP.showHelp), 17)}

${wrapText(say(HELP.diagnoseExit), t.locale)}
`;
}

export function logHelp(t: Translator): string {
  const say = wordsOf(t);
  return `${say(HELP.usage, { usage: LOG_USAGE })}

${wrapText(say(HELP.logAbout), t.locale)}

${say(HELP.options)}
${option(t, '--json', say(HELP.logJson), 12)}
${option(t, '-h, --help', say(HELP.showHelp), 12)}

${wrapText(say(HELP.logExit), t.locale)}
`;
}
