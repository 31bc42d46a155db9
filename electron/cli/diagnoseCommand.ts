import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diagnose } from '../engine/diagnose/diagnose';
import { classifyLogFile, classifyLogStream } from '../engine/logClassifier';
import type { LogFinding } from '../shared/model/logFinding';
import { createSystemProbe } from '../platform/createSystemProbe';
import { EXIT, UsageError } from './cliIo';
import type { CliIo } from './cliIo';
import { formatDiagnosis } from './formatDiagnosis';
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
  --project DIR   The project folder (default: the current folder), for its .venv
  -h, --help      Show this help

Exit status: 0 when the scan finished, 1 when the log could not be read, 2 for a usage error.
`;

export async function runDiagnoseCommand(args: string[], io: CliIo): Promise<number> {
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

  let log: LogFinding | null = null;
  if (values.log !== undefined) {
    try {
      log =
        values.log === '-' ? await classifyLogStream(io.stdin) : await classifyLogFile(values.log);
    } catch (error) {
      io.stderr.write(`pip-doctor: cannot read ${values.log}: ${(error as Error).message}\n`);
      return EXIT.inputFailed;
    }
  }
  const projectDir = resolve(values.project ?? process.cwd());
  const project = await stat(projectDir).catch(() => null);
  if (!project?.isDirectory()) throw new UsageError(`--project: "${projectDir}" is not a folder`);

  const diagnosis = await diagnose(createSystemProbe(), {
    remedies: REMEDY_CATALOG,
    projectDir,
    extraPythons: values.python,
    env: process.env,
    log,
  });
  io.stdout.write(
    values.json ? `${JSON.stringify(diagnosis, null, 2)}\n` : formatDiagnosis(diagnosis),
  );
  return EXIT.ok;
}
