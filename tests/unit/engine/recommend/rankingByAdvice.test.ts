import { fixtureMessage } from '../../../support/fixtureMessage';
import { describe, expect, test } from 'vitest';
import { recommend } from '../../../../electron/engine/recommend/recommend';
import { newVenvFolder } from '../../../../electron/engine/diagnose/newVenvFolder';
import { osTraits } from '../../../../electron/platform/osTraits';
import { REMEDY_CATALOG } from '../../../../electron/remedies/registry';
import { classifyLogText } from '../../../../electron/engine/logClassifier';
import type { Diagnosis } from '../../../../electron/shared/model/diagnosis';
import { RECORDED_WINDOWS_MACHINES, diagnoseRecorded } from './recordedRecommendations';
import { folder, install } from './installFacts';
import { english } from '../../../support/english';
import { buildRecipe } from '../../../../electron/remedies/planning/buildRecipe';
import { scanFactsFor } from '../../../../electron/remedies/run/rebuildRun';
import { newRunHistory } from '../../../../electron/remedies/run/replayJournal';
import type { RunHistory } from '../../../../electron/remedies/run/replayJournal';
import { windowsPlanContext } from '../../remedies/windowsScan';

/**
 * Issue #16 items 4 and 8: the order of the fixes says what the words say.
 * The recorded Windows machines are replayed through the real engine.
 */

const rankOf = (diagnosis: Diagnosis, id: string) =>
  diagnosis.recommendations.find((fix) => fix.id === id && fix.applicable)?.rank ?? null;

describe.each(RECORDED_WINDOWS_MACHINES)('the recorded machine "%s"', (situation) => {
  test('ranks the fix its own words call the least recommended last, and --user before administrator rights', async () => {
    const diagnosis = await diagnoseRecorded(situation);
    const applicable = diagnosis.recommendations.filter((fix) => fix.applicable);
    const least = applicable.filter((fix) => /least recommended/i.test(english(fix.reason)));
    for (const fix of least)
      expect(fix, 'the least recommended fix is the last that helps').toBe(applicable.at(-1));
    const user = rankOf(diagnosis, 'user-install');
    const elevated = rankOf(diagnosis, 'elevated-install');
    if (user !== null && elevated !== null) expect(user).toBeLessThan(elevated);
    // Nothing that would not help ranks above something that would.
    const helps = diagnosis.recommendations.map((fix) => fix.applicable);
    expect(helps).toEqual([...helps].sort((a, b) => Number(b) - Number(a)));
  });
});

describe('a user who is not an administrator', () => {
  test('gets --user before "Install with administrator rights", which says someone else must type a password', async () => {
    const diagnosis = await diagnoseRecorded('german-windows');
    expect(diagnosis.settings.canElevate).toBe(false);
    expect(diagnosis.recommendations.filter((fix) => fix.applicable).map((fix) => fix.id)).toEqual([
      'venv',
      'user-install',
      'elevated-install',
      'grant-access',
    ]);
    expect(english(diagnosis.recommendations[2]!.reason)).toContain('You are not an administrator');
  });
});

describe('a path over 260 characters', () => {
  test('the venv goes to the short folder the explanation advises, not beside the deep one', async () => {
    const diagnosis = await diagnoseRecorded('long-path');
    expect(english(diagnosis.log!.summary)).toContain('C:\\venvs');
    const venv = diagnosis.recommendations.find((fix) => fix.id === 'venv')!;
    expect(diagnosis.newVenvFolder).toBe('C:\\venvs\\environment');
    expect(venv.commands.join('\n')).not.toContain('Assignment 3\\environment\\.venv-new');
    expect(venv.commands[0]).toMatch(/-m venv 'C:\\venvs\\environment'$/);
    expect(english(venv.changes)).toBe(
      'Creates the folder C:\\venvs\\environment and installs the package there. Nothing outside that folder changes.',
    );
  });

  test('an OS without a path length limit keeps the project folder', () => {
    const target = install();
    expect(newVenvFolder(osTraits('linux'), '/home/alice/deep/project', target, 'long-path')).toBe(
      '/home/alice/deep/project/.venv',
    );
  });
});

describe('a lock whose program was closed since (the user quit Jupyter)', () => {
  test('Windows: "Run your pip command again" first, with the command; closing programs would not help now', async () => {
    const diagnosis = await diagnoseRecorded('venv-jupyter-vscode', { holdersGone: true });
    expect(diagnosis.cause).toBe('lock');
    const [first] = diagnosis.recommendations;
    expect(first).toMatchObject({ id: 'run-again', applicable: true });
    expect(english(first!.title)).toBe('Run your pip command again');
    expect(first!.commands).toEqual([
      "& 'C:\\Users\\ana\\projects\\survey\\.venv\\Scripts\\python.exe' -m pip install numpy",
    ]);
    const close = diagnosis.recommendations.find((fix) => fix.id === 'close-processes')!;
    expect(close.applicable).toBe(false);
    expect(english(close.reason)).toBe('No program is using these files now.');
  });

  test('POSIX, where some programs could not be looked at: still run again first, and the reason says what was not seen', () => {
    const project = '/home/alice/proj';
    const target = install({
      id: 'venv',
      kind: 'venv',
      executable: `${project}/.venv/bin/python`,
      prefix: `${project}/.venv`,
      folders: [folder('purelib', `${project}/.venv/lib/python3.11/site-packages`, true)],
    });
    const log = classifyLogText(
      `Collecting six\nERROR: Could not install packages due to an OSError: [Errno 26] Text file busy: '${project}/.venv/lib/python3.11/site-packages/six.py'\n`,
    );
    const ranked = recommend(
      {
        platform: 'linux',
        cause: 'lock',
        target,
        installs: [target],
        processes: [],
        log,
        projectDir: project,
        pipOnPath: [],
        venvFolder: `${project}/.venv-new`,
        gaps: [
          {
            area: 'processes',
            message: fixtureMessage('2 processes could not be inspected.'),
            howToReveal: null,
          },
        ],
      },
      REMEDY_CATALOG,
    );
    expect(ranked[0]).toMatchObject({
      id: 'run-again',
      commands: [`${project}/.venv/bin/python -m pip install six`],
    });
    expect(english(ranked[0]!.reason)).toMatch(
      /^No program Pip Doctor could look at is using these files now/,
    );
    const close = ranked.find((fix) => fix.id === 'close-processes')!;
    expect(close.applicable).toBe(false);
    expect(close.rank).toBeGreaterThan(ranked.filter((fix) => fix.applicable).length);
  });
});

describe('the long-path venv, planned and undone', () => {
  test('the plan creates the venv in the short folder the fix names, and the undo may remove it', async () => {
    const diagnosis = await diagnoseRecorded('long-path');
    const projectDir =
      'C:\\Users\\ana\\Documents\\Course Material\\Semester 2\\Machine Learning\\Assignment 3\\environment';
    const recipe = await buildRecipe({
      ...windowsPlanContext(
        {
          remedy: 'venv',
          installId: diagnosis.targetInstallId!,
          packageName: 'jupyterlab-widgets',
        },
        diagnosis,
      ),
      projectDir,
    });
    const create = recipe.plan.steps.find((step) => step.id === 'create-venv')!;
    expect(create.command?.args).toEqual(['-m', 'venv', 'C:\\venvs\\environment']);
    const run: RunHistory = {
      ...newRunHistory('act-00000000000000a1', null, diagnosis.scannedAt),
      title: english(recipe.plan.title),
    };
    const facts = scanFactsFor(
      run,
      { scanId: 'scan-00000000000000a1', diagnosis },
      { projectDir, homeDir: 'C:\\Users\\ana' },
    );
    expect(facts.userFolders).toContain('C:\\venvs\\environment');
  });
});
