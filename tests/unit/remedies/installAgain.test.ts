import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildDemoWheels } from '../../support/buildWheel';
import { tempTree } from '../../support/tempTree';
import { SYSTEM_PYTHON } from './actionHarness';
import { APP_FRAME, ipcApp, valueOf } from './ipcApp';
import { english, inLanguage } from '../../support/english';

/**
 * "Run my install again" through the real handlers on this machine: a venv
 * fix made without the package, then the user's install (the package their
 * log asked for) run by main in the new venv with its output streamed, and
 * the package importable afterwards. pip installs from a local wheel folder.
 */
describe('run my install again, after a checked fix', () => {
  const root = tempTree('install-again');
  const folders = {
    saveDir: root,
    home: join(root, 'home'),
    project: join(root, 'project'),
    dataDir: join(root, 'data'),
    wheelDir: join(root, 'wheels'),
  };

  beforeAll(() => {
    for (const folder of [folders.home, folders.project, folders.wheelDir]) mkdirSync(folder);
    buildDemoWheels(folders.wheelDir);
  });

  test('runs the logged package in the new venv with live output, and refuses what was not a checked fix', async () => {
    const app = ipcApp(folders);
    const { handlers } = app;
    const log = `$ pip install pipdoctor-demo\nCollecting pipdoctor-demo\nERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/usr/lib/python3/dist-packages/demo_module'`;
    const { logId } = valueOf(await handlers['log:classify']({ text: log }, APP_FRAME));
    const { scanId } = valueOf(await handlers['scan:start']({ logId }, APP_FRAME));
    const diagnosis = valueOf(await handlers['scan:result']({ scanId }, APP_FRAME));
    const installId = diagnosis.installs.find((i) => i.executable === SYSTEM_PYTHON)!.id;

    // A plan shown and not run is no fix to follow.
    const plan = valueOf(
      await handlers['action:plan']({ scanId, remedy: 'venv', installId }, APP_FRAME),
    );
    const early = await handlers['rerun:start']({ runId: plan.id }, APP_FRAME);
    expect(early.ok).toBe(false);
    expect(!early.ok && english(early.error.message)).toMatch(
      /only after a fix it made and checked/,
    );

    valueOf(await handlers['action:run']({ planId: plan.id }, APP_FRAME));
    const outcome = valueOf(await handlers['action:result']({ runId: plan.id }, APP_FRAME));
    expect(outcome.status).toBe('succeeded');
    expect(outcome.verification.ok).toBe(true);

    const venvPython = join(folders.project, '.venv', 'bin', 'python');
    // Shown before it runs, by the same builder: what the offer shows is what runs.
    const shown = valueOf(await handlers['rerun:plan']({ runId: plan.id }, APP_FRAME));
    const started = valueOf(await handlers['rerun:start']({ runId: plan.id }, APP_FRAME));
    expect(started.packageName).toBe('pipdoctor-demo');
    expect(shown).toEqual({
      runId: plan.id,
      packageName: started.packageName,
      commandLine: started.commandLine,
      where: started.where,
    });
    expect(started.commandLine).toBe(
      `${venvPython} -m pip install --no-index --find-links ${folders.wheelDir} pipdoctor-demo`,
    );
    // One thing runs at a time: no fix starts while the install runs.
    const again = await handlers['rerun:start']({ runId: plan.id }, APP_FRAME);
    expect(!again.ok && english(again.error.message)).toMatch(/Another fix is running/);

    const result = valueOf(await handlers['rerun:result']({ rerunId: started.rerunId }, APP_FRAME));
    expect(result.status).toBe('succeeded');
    expect(result.exitCode).toBe(0);
    const venvFolder = join(folders.project, '.venv');
    expect(english(result.summary)).toBe(
      `pip installed pipdoctor-demo in the new virtual environment ${venvFolder}.`,
    );
    // In Korean, with the package and the folder as they are (issue #17).
    const korean = inLanguage('ko', result.summary);
    expect(korean).toContain('pipdoctor-demo');
    expect(korean).toContain(venvFolder);
    expect(korean).toMatch(/설치/);
    expect(korean).not.toMatch(/installed|virtual environment/);
    const streamed = app.rerunOutput
      .filter((chunk) => chunk.rerunId === started.rerunId)
      .map((chunk) => chunk.text)
      .join('');
    expect(streamed).toContain('Successfully installed pipdoctor-demo-1.0 pipdoctor-helper-2.0');
    expect(
      execFileSync(venvPython, ['-c', 'import demo_module; print(demo_module.VALUE)'], {
        encoding: 'utf8',
        cwd: root,
      }).trim(),
    ).toBe('42');

    // The report lists what changed, from the journal: the fix's finished steps and the install.
    const report = valueOf(
      await handlers['report:markdown']({ scanId, includePersonal: true }, APP_FRAME),
    );
    expect(
      report.changes.map((change) => ({
        ...change,
        title: english(change.title),
        changed: change.changed.map(english),
      })),
    ).toEqual([
      expect.objectContaining({
        title: expect.stringContaining('Create a virtual environment'),
        status: 'succeeded',
        verified: true,
        changed: [expect.stringContaining(join(folders.project, '.venv'))],
        installsAgain: [
          {
            packageName: 'pipdoctor-demo',
            where: expect.anything(),
            status: 'succeeded',
          },
        ],
      }),
    ]);
    expect(english(report.changes[0]!.installsAgain[0]!.where)).toBe(
      `in the new virtual environment ${venvFolder}`,
    );
    expect(report.markdown).toContain('## What Pip Doctor changed');
    expect(report.markdown).toContain('done, and checked: it worked');
    expect(report.markdown).toMatch(
      /Ran your install again: pip install pipdoctor-demo .*: it worked\./,
    );

    // Names made up by the page are refused with words.
    const unknown = await handlers['rerun:result'](
      { rerunId: 'rerun-0000000000000000' },
      APP_FRAME,
    );
    expect(!unknown.ok && english(unknown.error.message)).toMatch(/does not know that install/);
  }, 120_000);
});
