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
import { ERROR_WORDS, readErrorReason } from './errorWords';
import { diagnoseHelp } from './helpTexts';
import { msg } from '../shared/i18n/message';
import { REMEDY_CATALOG } from '../remedies/registry';

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
    io.stdout.write(diagnoseHelp(t));
    return EXIT.ok;
  }
  if (positionals.length > 0)
    throw new UsageError(msg(ERROR_WORDS.unexpectedArgument, { argument: positionals[0] ?? '' }));

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
      io.stderr.write(
        `pip-doctor: ${t.text(msg(ERROR_WORDS.cannotRead, { file: values.log, reason: readErrorReason(error) }))}\n`,
      );
      return EXIT.inputFailed;
    }
  }
  const projectDir = outsideTheApp(resolve(userDir, values.project ?? '.'));
  const project = await stat(projectDir).catch(() => null);
  if (!project?.isDirectory())
    throw new UsageError(msg(ERROR_WORDS.projectNotFolder, { path: projectDir }));

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
