import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { tempTree } from '../../support/tempTree';
import { createHarness, SYSTEM_PYTHON } from './actionHarness';
import { buildDemoWheels } from './buildWheel';
import { refusalMessageOf, refusalOf } from '../../support/refusal';
import { english, inLanguage } from '../../support/english';

/**
 * DESIGN.md rule 2: a plan is built from ids of the latest scan and a
 * package name, never from a path or a command the renderer sends; and it
 * runs only as shown, once, while its scan is the latest and recent.
 */
describe('plans come only from the latest scan’s ids', () => {
  const root = tempTree('plan-safety');
  const wheels = join(root, 'wheels');

  beforeAll(() => {
    mkdirSync(wheels);
    buildDemoWheels(wheels);
  });

  // Smuggled fields (a command, a path, an unknown remedy) are refused by the contract's
  // strict schema before the service sees the request: tests/unit/ipc/actionHandlers.test.ts.

  test('package names must be PEP 508 names: no options, versions, URLs or paths', async () => {
    const harness = createHarness(root);
    const scan = await harness.scan([SYSTEM_PYTHON]);
    const installId = scan.installOf(SYSTEM_PYTHON).id;
    for (const packageName of [
      '--index-url=https://evil.example/simple',
      '-e.',
      'requests; rm -rf /',
      'requests==2.32.3',
      'git+https://github.com/psf/requests',
      '../../etc/passwd',
      'requests[socks]',
      'ünïcode',
      '',
    ]) {
      expect(
        await refusalOf(
          harness.service.plan(scan.request({ remedy: 'venv', installId, packageName })),
        ),
        packageName,
      ).toMatch(/is not a package name/);
    }
    await expect(
      harness.service.plan(
        scan.request({ remedy: 'venv', installId, packageName: 'scikit-learn' }),
      ),
    ).resolves.toMatchObject({ remedy: 'venv' });
  }, 30_000);

  test('ids that are not in the latest scan are refused: an install, a scan, a picked folder, a process', async () => {
    const harness = createHarness(root);
    const scan = await harness.scan([SYSTEM_PYTHON]);
    const installId = scan.installOf(SYSTEM_PYTHON).id;
    expect(
      await refusalOf(
        harness.service.plan(scan.request({ remedy: 'venv', installId: 'py-000000000000' })),
      ),
    ).toMatch(/not in the latest scan/);
    expect(
      await refusalOf(
        harness.service.plan({ scanId: 'scan-ffffffffffffffff', remedy: 'venv', installId }),
      ),
    ).toMatch(/not the latest one/);
    expect(
      await refusalOf(
        harness.service.plan(
          scan.request({
            remedy: 'venv',
            installId,
            venvFolder: { pickedFolderId: 'folder-0123456789abcdef' },
          }),
        ),
      ),
    ).toMatch(/folder choice has expired/);
    expect(
      await refusalOf(
        harness.service.plan(
          scan.request({
            remedy: 'close-processes',
            installId,
            processes: [{ pid: 1, startTime: '1970-01-01T00:00:00.000Z' }],
          }),
        ),
      ),
    ).toMatch(/not in the latest scan/);
    expect(
      await refusalOf(
        harness.service.plan(scan.request({ remedy: 'use-python-m-pip', installId })),
      ),
    ).toMatch(/nothing for Pip Doctor to run/);
  }, 30_000);

  test('a plan from a scan that a newer one replaced, or from an old scan, is refused; a plan runs once', async () => {
    let now = new Date();
    const project = join(root, 'stale');
    mkdirSync(project);
    const harness = createHarness(root, {
      wheelDir: wheels,
      projectDir: project,
      extra: { now: () => now },
    });
    const first = await harness.scan([SYSTEM_PYTHON]);
    const installId = first.installOf(SYSTEM_PYTHON).id;
    const old = await harness.service.plan(first.request({ remedy: 'venv', installId }));
    await harness.scan([SYSTEM_PYTHON]);
    expect(await refusalOf(harness.service.run(old.id))).toMatch(/newer scan replaced/);

    const latest = await harness.scan([SYSTEM_PYTHON]);
    const plan = await harness.service.plan(latest.request({ remedy: 'venv', installId }));
    now = new Date(Date.parse(latest.diagnosis.scannedAt) + 31 * 60_000);
    const tooOld = await refusalMessageOf(harness.service.run(plan.id));
    expect(english(tooOld)).toMatch(/31 minutes old/);
    // The count is a number the language's plural rules choose the words for (issue #17).
    expect(inLanguage('de', tooOld)).toContain('ist 31 Minuten alt');
    expect(inLanguage('ru', tooOld)).toContain('31 минута');

    now = new Date();
    const fresh = await harness.service.plan(latest.request({ remedy: 'venv', installId }));
    expect((await harness.service.run(fresh.id)).status).toBe('succeeded');
    expect(await refusalOf(harness.service.run(fresh.id))).toMatch(/no longer known/);
  }, 60_000);

  test('a plan whose target changed after it was shown is refused before anything runs', async () => {
    const project = join(root, 'changed');
    mkdirSync(project);
    const harness = createHarness(root, { projectDir: project });
    const scan = await harness.scan([SYSTEM_PYTHON]);
    const plan = await harness.service.plan(
      scan.request({ remedy: 'venv', installId: scan.installOf(SYSTEM_PYTHON).id }),
    );
    mkdirSync(join(project, '.venv'));
    writeFileSync(join(project, '.venv', 'work.txt'), 'made by the user meanwhile');
    expect(await refusalOf(harness.service.run(plan.id))).toMatch(
      /changed since the scan \(.*\.venv exists now\)/,
    );
    expect(await harness.service.pendingActions()).toEqual([]);
  }, 30_000);
});
