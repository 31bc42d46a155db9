import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { isInside } from '../shared/paths';
import { diagnose } from '../engine/diagnose/diagnose';
import { classifyLogFile, classifyLogStream } from '../engine/logClassifier';
import type { LogFinding } from '../shared/model/logFinding';
import { createSystemProbe } from '../platform/createSystemProbe';
import { EXIT, UsageError } from './cliIo';
import type { CliIo } from './cliIo';
import { formatDiagnosis } from './formatDiagnosis';
import type { Translator } from '../engine/i18n/translator';
import { withEnglish } from '../engine/i18n/withEnglish';
import { parseOptions } from './parseOptions';
import { REMEDY_CATALOG } from '../remedies/registry';

export const DIAGNOSE_HELP = `Usage: pip-doctor diagnose [--json] [--log FILE|-] [--python PATH]... [--project DIR]

Looks at this machine: every Python install and which one pip runs, whether
pip can write where it installs, which running programs hold its files, and
the fixes ranked for this machine.

Options:
  --json          Print the Diagnosis document (the same one the app shows)
  --log FILE|-    A saved pip error (or standard input): its failing file is looked at first
  --python PATH   Also inspect this interpreter (may be repeated)
  --project DIR   The project folder (default: the folder you run it from), for its .venv
  -h, --help      Show this help

Exit status: 0 when the scan finished, 1 when the log could not be read, 2 for a usage error.
`;

export async function runDiagnoseCommand(
  args: string[],
  io: CliIo,
  t: Translator,
): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    json: { type: 'boolean', default: false },
    log: { type: 'string' },
    python: { type: 'string', multiple: true, default: [] },
    project: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout.write(DIAGNOSE_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);

  // Through `npm run`, the working folder is the tool's own checkout; npm says where the user stands.
  const userDir = process.env.INIT_CWD ?? process.cwd();
  let log: LogFinding | null = null;
  if (values.log !== undefined) {
    try {
      log =
        values.log === '-'
          ? await classifyLogStream(io.stdin)
          : await classifyLogFile(resolve(userDir, values.log));
    } catch (error) {
      io.stderr.write(`pip-doctor: cannot read ${values.log}: ${(error as Error).message}\n`);
      return EXIT.inputFailed;
    }
  }
  const projectDir = outsideTheApp(resolve(userDir, values.project ?? '.'));
  const project = await stat(projectDir).catch(() => null);
  if (!project?.isDirectory()) throw new UsageError(`--project: "${projectDir}" is not a folder`);

  const diagnosis = await diagnose(createSystemProbe(), {
    remedies: REMEDY_CATALOG,
    projectDir,
    extraPythons: values.python.map((python) => resolve(userDir, python)),
    env: process.env,
    log,
  });
  io.stdout.write(
    values.json
      ? `${JSON.stringify(withEnglish(diagnosis), null, 2)}\n`
      : formatDiagnosis(diagnosis, t),
  );
  return EXIT.ok;
}

/** Pip Doctor's own folder: electron/cli/ is two levels below it. */
const APP_DIR = resolve(__dirname, '..', '..');

/**
 * A new virtual environment never goes into Pip Doctor's own folder (where
 * `npm run` stands when INIT_CWD is not set): the user's home stands in for
 * the project then.
 */
function outsideTheApp(projectDir: string): string {
  return isInside(projectDir, APP_DIR) ? (process.env.HOME ?? homedir()) : projectDir;
}
