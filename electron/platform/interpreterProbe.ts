import { defineMessages } from '@formatjs/intl';
import { msg } from '../shared/i18n/message';
import type { Message } from '../shared/i18n/message';
import { z } from 'zod';
import type { ProbeStatus } from '../shared/model/diagnosis';
import { PROBE_MARKER } from './systemProbe';
import type { InterpreterFacts } from './systemProbe';
import { appCacheDir } from './appCacheDir';
import { probeArguments, probeModuleDir } from './probeModule';
import { runProcess } from './runProcess';
import type { RunResult } from './runProcess';

/**
 * Asks one interpreter about itself with one spawn (DESIGN rule 4) and turns
 * whatever comes back, a crash, a hang, or a program that is not Python at
 * all, into facts plus a status a user can act on.
 */

export interface ProbeOptions {
  /** Default 10 s: a first run on Windows may wait for an antivirus scan. */
  timeoutMs?: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Where the probe module may be kept; default the user's cache folder; null to pass it as source. */
  cacheDir?: string | null;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Our answer is about 1 KiB; anything near this is not our answer. */
const MAX_OUTPUT_BYTES = 256 * 1024;
/**
 * -E: PYTHONPATH or PYTHONHOME meant for another Python must not break or
 * redirect this one. -S: no .pth file of the install runs (a broken one would
 * crash the probe, a heavy one costs more than the probe itself); the snippet
 * imports site and applies pyvenv.cfg itself. Not -I or -X utf8 (unknown to
 * Python 2), not -s (it hides the user site this probe reports on).
 */
const PYTHON_FLAGS = ['-E', '-S'];

const text = z.string().nullable();
/** The snippet sets every key, using null for a fact it could not read. */
const AnswerSchema = z.object({
  [PROBE_MARKER]: z.literal(1),
  errors: z.array(z.string()),
  realExecutable: text,
  version: text,
  implementation: text,
  prefix: text,
  basePrefix: text,
  inVenv: z.boolean().nullable(),
  paths: z.object({ purelib: text, platlib: text, scripts: text }).nullable(),
  stdlib: text,
  userSite: text,
  userScripts: text,
  userSiteEnabled: z.boolean().nullable(),
  pipVersion: text,
  externallyManaged: z.boolean().nullable(),
  condaPrefix: z.boolean().nullable(),
  platform: text,
});
type Answer = z.infer<typeof AnswerSchema>;

const words = defineMessages({
  notStarted: {
    id: 'platform.interpreter.notStarted',
    defaultMessage:
      '{python} could not be started: {code, select, ENOENT {the file does not exist} EACCES {permission to run it was denied} EINVAL {it is not a program that can be started directly} other {{error}}} ({code}).',
    description:
      "{python} is a program's path; {code} the system's error code (ENOENT); {error} the system's own message",
  },
  cancelled: {
    id: 'platform.interpreter.cancelled',
    defaultMessage: '{python} was stopped because the scan was cancelled.',
  },
  timedOut: {
    id: 'platform.interpreter.timedOut',
    defaultMessage: '{python} did not answer within {seconds} s and was stopped.',
    description: '{seconds} is a number of seconds',
  },
  exited: {
    id: 'platform.interpreter.exited',
    defaultMessage:
      '{why, select, none {{python} exited with status {code}.} other {{python} exited with status {code}: {why}}}',
    description:
      '{code} is the exit code; {why} the last line the program printed (never translated), or "none"',
  },
  signalled: {
    id: 'platform.interpreter.signalled',
    defaultMessage:
      '{why, select, none {{python} was ended by {signal}.} other {{python} was ended by {signal}: {why}}}',
    description:
      '{signal} is a signal name (SIGKILL); {why} the last line the program printed, or "none"',
  },
  unknownSignal: {
    id: 'platform.interpreter.unknownSignal',
    defaultMessage: 'an unknown signal',
  },
  oddShape: {
    id: 'platform.interpreter.oddShape',
    defaultMessage: '{python} printed an answer in an unexpected shape: {where}: {issue}.',
    description: '{where} and {issue} are technical details of the answer, in English',
  },
  factsMissing: {
    id: 'platform.interpreter.factsMissing',
    defaultMessage: '{python} answered, but some facts could not be read: {errors}',
    description: "{errors} are Python's own error messages, in English",
  },
  garbage: {
    id: 'platform.interpreter.garbage',
    defaultMessage: '{python} printed something that is not the expected answer: {output}',
    description: '{output} is what the program printed',
  },
  notPython: {
    id: 'platform.interpreter.notPython',
    defaultMessage:
      '{output, select, none {{python} is not a Python interpreter: it printed nothing.} other {{python} is not a Python interpreter: it answered "{output}".}}',
    description: '{output} is what the program printed, or "none"',
  },
});

/** Control characters escaped, so a detail is one readable line. */
function excerpt(output: string, length = 80): string {
  const escapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return [...output.slice(0, length)]
    .map((char) => {
      const code = char.codePointAt(0)!;
      if (code >= 0x20 && (code < 0x7f || code > 0x9f)) return char;
      return escapes[char] ?? `\\x${code.toString(16).padStart(2, '0')}`;
    })
    .join('');
}

function lastLine(output: string): string {
  const lines = output.split(/\r?\n/).filter((line) => line.trim() !== '');
  return excerpt(lines.at(-1)?.trim() ?? '', 200);
}

/** Windows reports NTSTATUS crashes as huge exit codes; 0xC0000135 is searchable, 3221225781 is not. */
function describeExitCode(code: number): string {
  return code > 0xffff ? `${code} (0x${code.toString(16).toUpperCase()})` : String(code);
}

/** Our answer line, searched from the end: startup code (sitecustomize) may print before it. */
function findAnswer(stdout: string): unknown {
  const lines = stdout.split(/\r?\n/).reverse();
  for (const line of lines) {
    if (!line.includes(`"${PROBE_MARKER}"`)) continue;
    try {
      return JSON.parse(line);
    } catch {
      // A broken copy of our answer: keep looking, then call it malformed.
    }
  }
  return undefined;
}

/** Text no program would print on purpose: undecodable bytes or control characters. */
function looksLikeGarbage(output: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\uFFFD\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(output);
}

type Verdict =
  | { status: 'ok'; answer: Answer; detail: Message | null }
  | { status: Exclude<ProbeStatus, 'ok'>; detail: Message };

function judge(name: string, run: RunResult, timeoutMs: number): Verdict {
  if (run.spawnError) {
    return {
      status: 'crashed',
      detail: msg(words.notStarted, {
        python: name,
        code: run.spawnError.code,
        error: run.spawnError.message,
      }),
    };
  }
  if (run.cancelled) {
    return { status: 'timed-out', detail: msg(words.cancelled, { python: name }) };
  }
  if (run.timedOut) {
    const seconds = Math.round(timeoutMs / 100) / 10;
    return {
      status: 'timed-out',
      detail: msg(words.timedOut, { python: name, seconds }),
    };
  }
  if (run.exitCode !== 0) {
    // Some programs (the Windows Store stub) explain themselves on stdout instead.
    const why = lastLine(run.stderr) || lastLine(run.stdout) || 'none';
    const detail =
      run.exitCode === null
        ? msg(words.signalled, {
            python: name,
            signal: run.signal ?? msg(words.unknownSignal),
            why,
          })
        : msg(words.exited, { python: name, code: describeExitCode(run.exitCode), why });
    return { status: 'crashed', detail };
  }

  const found = findAnswer(run.stdout);
  if (found !== undefined) {
    const parsed = AnswerSchema.safeParse(found);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || 'answer';
      return {
        status: 'malformed',
        detail: msg(words.oddShape, { python: name, where, issue: issue?.message ?? 'invalid' }),
      };
    }
    const { errors } = parsed.data;
    const detail = errors.length
      ? msg(words.factsMissing, { python: name, errors: errors.join('; ') })
      : null;
    return { status: 'ok', answer: parsed.data, detail };
  }
  if (run.stdout.includes(`"${PROBE_MARKER}"`) || run.truncated || looksLikeGarbage(run.stdout)) {
    return {
      status: 'malformed',
      detail: msg(words.garbage, { python: name, output: excerpt(run.stdout) }),
    };
  }
  const output = run.stdout.trim() ? excerpt(run.stdout.trim()) : 'none';
  return { status: 'not-python', detail: msg(words.notPython, { python: name, output }) };
}

function toFacts(executable: string, verdict: Verdict, durationMs: number): InterpreterFacts {
  const answer = verdict.status === 'ok' ? verdict.answer : null;
  return {
    status: verdict.status,
    statusDetail: verdict.detail,
    executable,
    realExecutable: answer?.realExecutable ?? null,
    version: answer?.version ?? null,
    implementation: answer?.implementation ?? null,
    prefix: answer?.prefix ?? null,
    basePrefix: answer?.basePrefix ?? null,
    inVenv: answer?.inVenv ?? false,
    purelib: answer?.paths?.purelib ?? null,
    platlib: answer?.paths?.platlib ?? null,
    scripts: answer?.paths?.scripts ?? null,
    stdlib: answer?.stdlib ?? null,
    userSite: answer?.userSite ?? null,
    userScripts: answer?.userScripts ?? null,
    userSiteEnabled: answer?.userSiteEnabled ?? null,
    pipVersion: answer?.pipVersion ?? null,
    externallyManaged: answer?.externallyManaged ?? false,
    condaPrefix: answer?.condaPrefix ?? false,
    platform: answer?.platform ?? null,
    durationMs,
  };
}

/** Never rejects: every failure becomes a status and a detail. */
export async function probeInterpreter(
  executable: string,
  options: ProbeOptions = {},
): Promise<InterpreterFacts> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cacheDir = options.cacheDir === undefined ? appCacheDir(options.env) : options.cacheDir;
  const moduleDir = cacheDir === null ? null : await probeModuleDir(cacheDir);
  const run = await runProcess(executable, [...PYTHON_FLAGS, ...probeArguments(moduleDir)], {
    timeoutMs,
    maxOutputBytes: MAX_OUTPUT_BYTES,
    signal: options.signal,
    env: options.env,
  });
  return toFacts(executable, judge(`"${executable}"`, run, timeoutMs), run.durationMs);
}
