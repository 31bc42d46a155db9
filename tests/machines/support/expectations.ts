import { expect } from 'vitest';
import type {
  Diagnosis,
  Observation,
  ProbeStatus,
  PythonInstall,
  Recommendation,
  TargetReason,
} from '../../../electron/shared/model/diagnosis';
import type { Cause, RemedyId } from '../../../electron/shared/model/vocabulary';
import { bashWords } from './bashWords';
import { USER_NAME } from './machine';
import type { Machine } from './machine';
import { describePasted, pasteCommands } from './pasteCommands';

/**
 * The assertions every machine makes, with the engine's whole answer in the
 * failure message: what it said is what the engineers fixing it need.
 */

export function targetOf(diagnosis: Diagnosis): PythonInstall | undefined {
  return diagnosis.installs.find((install) => install.id === diagnosis.targetInstallId);
}

/** The diagnosis in a few lines: target, cause, observations, remedies with their commands. */
export function summarize(diagnosis: Diagnosis): string {
  const target = targetOf(diagnosis);
  return [
    `target: ${target ? `${target.executable} (prefix ${target.prefix}, ${target.status})` : 'none'} because ${diagnosis.targetBecause}`,
    `cause: ${diagnosis.cause}: ${diagnosis.causeSummary}`,
    `log: ${diagnosis.log ? `${diagnosis.log.category} ${diagnosis.log.code ?? ''} ${diagnosis.log.path ?? ''} requested=${diagnosis.log.requested}` : 'none'}`,
    `observations: ${diagnosis.observations.map((o) => `${o.kind} (${o.path})`).join('; ') || 'none'}`,
    ...diagnosis.recommendations.map(
      (r) =>
        `  ${r.rank}. ${r.id}${r.applicable ? '' : ' (not applicable)'}: ${r.commands.join(' ; ')}`,
    ),
  ].join('\n');
}

export interface Verdict {
  /** The install pip failed in, by its prefix (sys.prefix). */
  targetPrefix: string;
  /** One reason, or the ones the log allows equally (see the machine's comment). */
  because: TargetReason | readonly TargetReason[];
  targetStatus?: ProbeStatus;
  /** Left out where the situation does not settle one (the machine says why). */
  cause?: Cause | 'none';
}

/**
 * The target, why it is the target, and the cause: soft, so that one run
 * reports every one of them that is wrong.
 */
export function expectVerdict(diagnosis: Diagnosis, verdict: Verdict): void {
  const context = summarize(diagnosis);
  const target = targetOf(diagnosis);
  expect.soft(target?.prefix, `target prefix\n${context}`).toBe(verdict.targetPrefix);
  const reasons: readonly TargetReason[] =
    typeof verdict.because === 'string' ? [verdict.because] : verdict.because;
  expect.soft(reasons, `targetBecause\n${context}`).toContain(diagnosis.targetBecause);
  if (verdict.targetStatus)
    expect.soft(target?.status, `target status\n${context}`).toBe(verdict.targetStatus);
  if (verdict.cause) expect.soft(diagnosis.cause, `cause\n${context}`).toBe(verdict.cause);
}

/**
 * The first remedy, which must be applicable and the expected one: hard,
 * since its commands are pasted next. Its install commands name the package
 * the user asked for, never the dependency whose file failed.
 */
export function expectFirstRemedy(
  diagnosis: Diagnosis,
  id: RemedyId,
  packageName = 'demo',
): Recommendation {
  const context = summarize(diagnosis);
  const first = diagnosis.recommendations[0];
  expect(first?.id, `first remedy\n${context}`).toBe(id);
  expect(first?.applicable, `first remedy applicable\n${context}`).toBe(true);
  for (const command of first!.commands.filter((line) => / -m pip install /.test(line)))
    if (!/ -m pip install (--upgrade )?pip$/.test(command))
      expect(command, `the install names what the user asked for\n${context}`).toMatch(
        new RegExp(`(${packageName}|PACKAGE)$`),
      );
  return first!;
}

export function expectNotApplicable(diagnosis: Diagnosis, ids: readonly RemedyId[]): void {
  const context = summarize(diagnosis);
  for (const id of ids) {
    const listed = diagnosis.recommendations.find((r) => r.id === id);
    expect.soft(listed?.applicable, `${id} listed as not applicable\n${context}`).toBe(false);
  }
}

/** Never an applicable fix that creates a venv when nothing is wrong. */
export function expectNoVenvRemedy(diagnosis: Diagnosis): void {
  const creating = diagnosis.recommendations.filter(
    (r) => r.applicable && (r.id === 'venv' || r.id === 'pipx-or-venv'),
  );
  expect
    .soft(
      creating.map((r) => r.id),
      `no venv to create\n${summarize(diagnosis)}`,
    )
    .toEqual([]);
}

export function expectObservation(
  diagnosis: Diagnosis,
  kind: Observation['kind'],
  path?: string,
): Observation | undefined {
  const found = diagnosis.observations.find((o) => o.kind === kind);
  expect.soft(found, `observation ${kind}\n${summarize(diagnosis)}`).toBeDefined();
  if (found && path !== undefined)
    expect.soft(found.path, `observation ${kind}'s path\n${summarize(diagnosis)}`).toBe(path);
  return found;
}

/** The log names the package the user asked for (not the dependency whose file failed). */
export function expectRequested(diagnosis: Diagnosis, packageName = 'demo'): void {
  expect
    .soft(diagnosis.log?.requested, `the package asked for\n${summarize(diagnosis)}`)
    .toBe(packageName);
}

/** Pastes the remedy's commands and requires every one to succeed. */
export async function expectPastedCommandsWork(
  machine: Machine,
  remedy: Recommendation,
  packageName = 'demo',
): Promise<void> {
  expect(remedy.commands.length, 'the remedy has commands to paste').toBeGreaterThan(0);
  const pasted = await pasteCommands(machine, remedy.commands, packageName);
  expect(
    pasted.every((group) => group.run.code === 0),
    `pasted commands\n${describePasted(pasted)}`,
  ).toBe(true);
}

/**
 * The user's install again, the way the remedy says (`python -m pip` with
 * the interpreter it implies), then the import: both must work.
 */
export async function expectInstallWorks(
  machine: Machine,
  python: string,
  options: {
    pipArgs?: readonly string[];
    importCheck?: string;
    env?: Readonly<Record<string, string>>;
  } = {},
): Promise<void> {
  const env = { ...machine.env, ...options.env };
  const pipArgs = options.pipArgs ?? ['install', 'demo'];
  const installed = await machine.bash('exec 2>&1\n"$1" -m pip "${@:2}"', [python, ...pipArgs], {
    env,
  });
  expect(installed.code, `${python} -m pip ${pipArgs.join(' ')}\n${installed.stdout}`).toBe(0);
  await expectImports(machine, python, options.importCheck, env);
}

/**
 * `python -c 'import demo'` works with that interpreter: after a remedy that
 * installs, proof that it installed where the user's python looks.
 */
export async function expectImports(
  machine: Machine,
  python: string,
  importCheck = 'import demo',
  env: Readonly<Record<string, string>> = machine.env,
): Promise<void> {
  const imported = await machine.bash('exec 2>&1\n"$1" -c "$2"', [python, importCheck], { env });
  expect(imported.code, `${python} -c '${importCheck}'\n${imported.stdout}`).toBe(0);
}

/**
 * One line, `sudo chown -R <user>: <tree>`, the user's name written out
 * (`$(id -un)` under sudo would be root), whose tree bash reads as `tree`
 * (or, with `inside`, as `tree` or a folder inside it).
 */
export async function expectChown(
  machine: Machine,
  grant: Recommendation,
  diagnosis: Diagnosis,
  tree: string,
  inside = false,
): Promise<void> {
  const context = summarize(diagnosis);
  expect(grant.commands, context).toHaveLength(1);
  const [line] = grant.commands;
  expect(line, context).toMatch(new RegExp(`^sudo chown -R ${USER_NAME}: `));
  const words = await bashWords(machine, line!);
  expect(words.slice(0, 4), context).toEqual(['sudo', 'chown', '-R', `${USER_NAME}:`]);
  expect(words, context).toHaveLength(5);
  if (inside) expect(`${words[4]}/`, context).toMatch(new RegExp(`^${escapeRegExp(tree)}/`));
  else expect(words[4], context).toBe(tree);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
