import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Diagnosis } from '../../electron/shared/model/diagnosis';
import { asNobodyTitle, canSwitchUser } from '../unit/platform/accessAsUser';
import { bashWords } from './support/bashWords';
import { diagnoseAsUser } from './support/diagnoseAsUser';
import {
  expectFirstRemedy,
  expectImports,
  expectInstallWorks,
  expectObservation,
  expectPastedCommandsWork,
  expectVerdict,
  summarize,
} from './support/expectations';
import { machineForThisTest } from './support/machine';
import type { Machine } from './support/machine';
import { userPipInstall, userVenv } from './support/venvs';

/**
 * Installs a pip run or a deleted folder left half-finished: the user's own
 * venv, writable, but missing pieces. The fix repairs it in place. Their
 * logs carry no OS error, so the cause is not pinned here: the remedy and
 * the facts behind it are.
 */
describe.skipIf(!canSwitchUser)(asNobodyTitle('half-finished installs'), () => {
  test('`~emo` leftovers of a half-finished uninstall in site-packages: removed, demo installed again', async () => {
    const machine = machineForThisTest('stash-leftovers');
    const venv = await userVenv(machine, join(machine.project, '.venv'));
    await userPipInstall(machine, venv.python, ['demo']);
    // pip stashes what it uninstalls next to it as `~emo` and stopped before removing the stash.
    stash(venv.sitePackages, 'demo', '~emo');
    stash(venv.sitePackages, 'demo-2.0.dist-info', '~emo-2.0.dist-info');
    machine.activate(venv.dir);
    const { run, logFile } = await machine.type('pip install demo');
    expect(run.stdout).toContain('Ignoring invalid distribution ~emo');

    const diagnosis = await diagnoseAsUser(machine, logFile);
    // The warnings name site-packages; without an error path, VIRTUAL_ENV says the same install.
    expectVerdict(diagnosis, { targetPrefix: venv.dir, because: ['log-path', 'virtual-env'] });
    expectObservation(diagnosis, 'half-installed-package', join(venv.sitePackages, '~emo'));
    const repair = expectFirstRemedy(diagnosis, 'repair-install');
    expect(repair.commands.join('\n'), summarize(diagnosis)).toContain('~emo');

    await expectPastedCommandsWork(machine, repair);
    expect(stashesIn(venv.sitePackages), 'stashes left').toEqual([]);
    await expectInstallWorks(machine, venv.python);
  });

  test("pip removed from a venv: `pip` says No module named 'pip'; ensurepip brings it back", async () => {
    const machine = machineForThisTest('pip-removed');
    const venv = await userVenv(machine, join(machine.project, '.venv'));
    for (const entry of readdirSync(venv.sitePackages).filter((name) => /^pip(-|$)/.test(name)))
      rmSync(join(venv.sitePackages, entry), { recursive: true });
    machine.activate(venv.dir);
    const { run, logFile } = await machine.type('pip install demo');
    expect(run.stdout).toContain("ModuleNotFoundError: No module named 'pip'");

    const diagnosis = await diagnoseAsUser(machine, logFile);
    // A traceback names no failing path and no interpreter: the activated venv is the next
    // source (DESIGN.md rule 11), and the one the user meant.
    expectVerdict(diagnosis, {
      targetPrefix: venv.dir,
      because: ['log-interpreter', 'log-path', 'virtual-env'],
    });
    const repair = expectFirstRemedy(diagnosis, 'repair-install');
    await expectBringsPipBack(machine, diagnosis, venv.dir, []);

    await expectPastedCommandsWork(machine, repair);
    await expectInstallWorks(machine, venv.python);
  });

  test('pip half-upgraded: its `~ip` stash left, pip gone; the stash removed, pip brought back', async () => {
    const machine = machineForThisTest('pip-half-upgraded');
    const venv = await userVenv(machine, join(machine.project, '.venv'));
    const pipInfo = readdirSync(venv.sitePackages).find((name) =>
      /^pip-.*\.dist-info$/.test(name),
    )!;
    // `pip install --upgrade pip` stashed the old pip and died before the new one was in place.
    stash(venv.sitePackages, 'pip', '~ip');
    stash(venv.sitePackages, pipInfo, `~${pipInfo.slice(1)}`);
    machine.activate(venv.dir);
    const { run, logFile } = await machine.type('pip install demo');
    expect(run.stdout).toContain("ModuleNotFoundError: No module named 'pip'");

    const diagnosis = await diagnoseAsUser(machine, logFile);
    // A traceback names no failing path and no interpreter: the activated venv is the next
    // source (DESIGN.md rule 11), and the one the user meant.
    expectVerdict(diagnosis, {
      targetPrefix: venv.dir,
      because: ['log-interpreter', 'log-path', 'virtual-env'],
    });
    const repair = expectFirstRemedy(diagnosis, 'repair-install');
    await expectBringsPipBack(machine, diagnosis, venv.dir, [join(venv.sitePackages, '~ip')]);

    await expectPastedCommandsWork(machine, repair);
    expect(stashesIn(venv.sitePackages), 'stashes left').toEqual([]);
    await expectInstallWorks(machine, venv.python);
  });

  test('a broken venv (its base interpreter deleted): recreated in place with a Python that exists', async () => {
    const machine = machineForThisTest('broken-venv');
    // A Python of the user's own (a copy of Debian's), a venv made from it, then that Python deleted.
    const base = join(machine.home, 'pythons', '3.11');
    const copied = await machine.bash('mkdir -p "$1/bin" && cp /usr/bin/python3.11 "$1/bin/"', [
      base,
    ]);
    expect(copied.code, copied.stderr).toBe(0);
    const venv = await userVenv(
      machine,
      join(machine.project, '.venv'),
      join(base, 'bin', 'python3.11'),
    );
    rmSync(base, { recursive: true });
    machine.activate(venv.dir);
    const { run, logFile } = await machine.type('pip install demo');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain(join(venv.dir, 'bin', 'pip'));

    const diagnosis = await diagnoseAsUser(machine, logFile);
    expectVerdict(diagnosis, {
      targetPrefix: venv.dir,
      because: ['log-path', 'log-interpreter'],
      targetStatus: 'broken',
    });
    const repair = expectFirstRemedy(diagnosis, 'repair-install');
    const [recreate, ...rest] = repair.commands;
    const words = await bashWords(machine, recreate ?? '');
    expect(words.slice(1), summarize(diagnosis)).toEqual(['-m', 'venv', '--clear', venv.dir]);
    const runs = await machine.bash(
      'test -x "$1" && "$1" -c "import sys; assert sys.version_info >= (3, 8)"',
      [words[0] ?? ''],
    );
    expect(runs.code, `${words[0]} is a Python that exists\n${summarize(diagnosis)}`).toBe(0);
    expect(rest.join('\n'), summarize(diagnosis)).toMatch(/ -m pip install (demo|PACKAGE)$/m);

    await expectPastedCommandsWork(machine, repair);
    await expectImports(machine, venv.python);
    await expectInstallWorks(machine, venv.python);
  });
});

/** What pip's uninstall does first: the folder renamed next to itself, its first letter a `~`. */
function stash(sitePackages: string, name: string, stashName: string): void {
  renameSync(join(sitePackages, name), join(sitePackages, stashName));
}

function stashesIn(sitePackages: string): string[] {
  return readdirSync(sitePackages).filter((name) => name.startsWith('~'));
}

/**
 * The stashes removed first, then `python -m ensurepip --upgrade` and
 * `python -m pip install --upgrade pip`, all with the venv's own python.
 */
async function expectBringsPipBack(
  machine: Machine,
  diagnosis: Diagnosis,
  venv: string,
  stashes: readonly string[],
): Promise<void> {
  const context = summarize(diagnosis);
  const commands = diagnosis.recommendations[0]!.commands;
  const lines = await Promise.all(commands.map((command) => bashWords(machine, command)));
  const removed = lines.filter((words) => words[0] === 'rm').map((words) => words.at(-1));
  for (const path of stashes) expect(removed, context).toContain(path);
  const ensurepip = lines.findIndex(
    (words) => words.slice(1).join(' ') === '-m ensurepip --upgrade',
  );
  const upgrade = lines.findIndex(
    (words) => words.slice(1).join(' ') === '-m pip install --upgrade pip',
  );
  expect(ensurepip, `ensurepip\n${context}`).toBeGreaterThanOrEqual(0);
  expect(upgrade, `pip upgraded after ensurepip\n${context}`).toBeGreaterThan(ensurepip);
  expect(
    lines.findLastIndex((words) => words[0] === 'rm'),
    context,
  ).toBeLessThan(ensurepip);
  for (const index of [ensurepip, upgrade])
    expect(lines[index]?.[0] ?? '', `the venv's python\n${context}`).toMatch(
      new RegExp(`^${venv.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/bin/python`),
    );
}
