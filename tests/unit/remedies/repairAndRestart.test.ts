import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempTree } from '../../support/tempTree';
import { createHarness, SYSTEM_PYTHON } from './actionHarness';
import { buildDemoWheels } from './buildWheel';
import { killAll, startHolder } from '../../support/pythonHolder';
import type { HolderProcess } from '../../support/pythonHolder';
import { refusalOf } from '../../support/refusal';
import { english } from '../../support/english';

const root = tempTree('repair-restart');
const wheels = join(root, 'wheels');
const holders: HolderProcess[] = [];

function makeVenv(name: string): { venv: string; python: string; site: string } {
  const venv = join(root, name);
  execFileSync(SYSTEM_PYTHON, ['-m', 'venv', venv]);
  const python = join(venv, 'bin', 'python');
  const site = execFileSync(
    python,
    ['-c', 'import sysconfig; print(sysconfig.get_path("purelib"))'],
    {
      encoding: 'utf8',
    },
  ).trim();
  return { venv, python, site };
}

beforeAll(() => {
  mkdirSync(wheels);
  buildDemoWheels(wheels);
});
afterAll(() => killAll(holders));

describe('repair-install', () => {
  test('removes stash folders and .deleteme files only once no program holds them', async () => {
    const { venv, python, site } = makeVenv('leftovers');
    const stash = join(site, '~emo_module');
    mkdirSync(stash);
    writeFileSync(join(stash, '__init__.py'), 'VALUE = 1\n');
    const deleteme = join(venv, 'bin', 'demo-tool.deleteme');
    writeFileSync(deleteme, '');
    const holder = await startHolder([`open:${join(stash, '__init__.py')}`], { python });
    holders.push(holder);

    const harness = createHarness(root);
    const scan = await harness.scan([python]);
    const install = scan.installOf(python);
    expect(install.leftovers.map((leftover) => leftover.path).sort()).toEqual(
      [deleteme, stash].sort(),
    );
    const held = await harness.service.plan(
      scan.request({ remedy: 'repair-install', installId: install.id }),
    );
    expect(held.steps.map((step) => step.id)).toEqual(['check-holders', 'remove-leftovers']);
    const refused = await harness.service.run(held.id);
    expect(refused.status).toBe('failed');
    expect(refused.steps[0]!.items.map((item) => english(item.label))).toEqual([
      `pid ${holder.pid}`,
    ]);
    expect(existsSync(stash) && existsSync(deleteme)).toBe(true);
    // Nothing changed, so nothing is pending.
    expect(await harness.service.pendingActions()).toEqual([]);

    await holder.stop();
    const again = await harness.scan([python]);
    const plan = await harness.service.plan(
      again.request({ remedy: 'repair-install', installId: install.id }),
    );
    const outcome = await harness.service.run(plan.id);
    expect(outcome.status, english(outcome.summary)).toBe('succeeded');
    expect(existsSync(stash) || existsSync(deleteme)).toBe(false);
    expect(english(outcome.verification.detail)).toMatch(
      /The leftovers are gone\. pip works: pip \d+/,
    );
  }, 60_000);

  test('brings back a pip lost in a failed self-upgrade (ensurepip) before it removes the stashed copy', async () => {
    const { python, site } = makeVenv('lost-pip');
    // What pip's uninstall leaves when the upgrade dies half-way: its own files moved aside to `~ip`.
    for (const name of readdirSync(site).filter((entry) => /^pip(-.*\.dist-info)?$/.test(entry))) {
      renameSync(join(site, name), join(site, `~${name.slice(1)}`));
    }
    const harness = createHarness(root);
    const scan = await harness.scan([python]);
    const install = scan.installOf(python);
    expect(install.pipVersion).toBeNull();
    expect(install.leftovers.map((leftover) => leftover.kind)).toContain('pip-missing');

    const plan = await harness.service.plan(
      scan.request({ remedy: 'repair-install', installId: install.id }),
    );
    expect(plan.steps.map((step) => step.id)).toEqual([
      'check-holders',
      'ensurepip',
      'remove-leftovers',
    ]);
    expect(plan.steps[1]!.command?.args).toEqual(['-m', 'ensurepip', '--upgrade']);
    const outcome = await harness.service.run(plan.id);
    expect(outcome.status, english(outcome.summary)).toBe('succeeded');
    expect(readdirSync(site).filter((entry) => entry.startsWith('~'))).toEqual([]);
    expect(execFileSync(python, ['-m', 'pip', '--version'], { encoding: 'utf8' })).toMatch(
      /^pip \d+/,
    );
  }, 90_000);
});

describe('restart', () => {
  test('waits across a restart in the journal, and goes on when nothing holds the files any more', async () => {
    const { python, site } = makeVenv('restart');
    const held = join(site, 'held.py');
    writeFileSync(held, '');
    const holder = await startHolder([`open:${held}`], { python, onSigterm: 'ignore' });
    holders.push(holder);

    const harness = createHarness(root, { wheelDir: wheels });
    const scan = await harness.scan([python]);
    const install = scan.installOf(python);
    const plan = await harness.service.plan(
      scan.request({ remedy: 'restart', installId: install.id, packageName: 'pipdoctor-demo' }),
    );
    expect(plan.steps.map((step) => step.id)).toEqual(['await-restart', 'install']);
    const waiting = await harness.service.run(plan.id);
    expect(waiting.status).toBe('needs-restart');
    expect(waiting.steps.map((step) => step.status)).toEqual(['waiting', 'not-run']);

    // The app's next start, before the user has closed anything.
    const next = createHarness(root, { wheelDir: wheels, extra: { dataDir: harness.dataDir } });
    const [pending] = await next.service.pendingActions();
    expect(pending).toMatchObject({
      runId: plan.id,
      status: 'needs-restart',
      stoppedAt: { stepId: 'await-restart', state: 'waiting' },
      choices: ['resume', 'mark-resolved'],
      restartedSince: false,
    });
    // Resume shows the plan built again from a fresh scan first; that plan is what runs.
    await next.scan([python]);
    const shown = await next.service.planResume(plan.id);
    expect(shown.steps.map((step) => [step.id, step.command?.program ?? null])).toEqual([
      ['await-restart', null],
      ['install', python],
    ]);
    const stillHeld = await next.service.resume(plan.id);
    expect(stillHeld.status).toBe('needs-restart');
    expect(stillHeld.steps[0]!.items.map((item) => english(item.label))).toEqual([
      `pid ${holder.pid}`,
    ]);

    await holder.stop();
    await next.scan([python]);
    await next.service.planResume(plan.id);
    const done = await next.service.resume(plan.id);
    expect(done.status, english(done.summary)).toBe('succeeded');
    expect(english(done.verification.detail)).toContain('`import demo_module` works');
    expect(await next.service.pendingActions()).toEqual([]);
  }, 90_000);

  test('mark-resolved stops the app from offering an action', async () => {
    const { python } = makeVenv('resolved');
    const harness = createHarness(root);
    const scan = await harness.scan([python]);
    const plan = await harness.service.plan(
      scan.request({ remedy: 'restart', installId: scan.installOf(python).id }),
    );
    expect((await harness.service.run(plan.id)).status).toBe('needs-restart');
    expect((await harness.service.pendingActions()).map((entry) => entry.runId)).toEqual([plan.id]);
    await harness.service.markResolved(plan.id);
    expect(await harness.service.pendingActions()).toEqual([]);
    expect(await refusalOf(harness.service.planResume(plan.id))).toMatch(/nothing to continue/);
    expect(await refusalOf(harness.service.resume(plan.id))).toMatch(/Choose Resume again/);
  }, 60_000);
});
