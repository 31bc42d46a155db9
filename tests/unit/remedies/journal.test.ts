import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ActionOutcome } from '../../../electron/shared/actionModel';
import { ActionJournal } from '../../../electron/remedies/run/journal';
import { buildRecipe } from '../../../electron/remedies/planning/buildRecipe';
import type { Recipe } from '../../../electron/remedies/planning/recipe';
import { tempTree } from '../../support/tempTree';
import { factsOf } from '../../../electron/remedies/run/planFacts';
import { windowsPlanContext } from './windowsScan';
import { msg } from '../../../electron/shared/i18n/message';
import { stepWords } from '../../../electron/remedies/steps/stepWords';
import { restartStepWords } from '../../../electron/remedies/restart/stepWords';
import { runWords } from '../../../electron/platform/runWords';
import { english } from '../../support/english';

const root = tempTree('journal');
const REQUEST = { installId: 'py-0123456789ab', packageName: 'numpy' };
let journals = 0;

function newJournal(): ActionJournal {
  return new ActionJournal(join(root, `data-${++journals}`));
}

async function restartRecipe(): Promise<Recipe> {
  return buildRecipe(
    windowsPlanContext({ remedy: 'restart', installId: 'py-0123456789ab', packageName: 'numpy' }),
  );
}

function outcome(recipe: Recipe, status: ActionOutcome['status']): ActionOutcome {
  return {
    runId: recipe.plan.id,
    remedy: recipe.plan.remedy,
    status,
    summary: { messageId: 'run.outcome.cancelledAtStart', values: { undo: 'no' } },
    steps: [],
    verification: { ok: null, detail: msg(stepWords.didNotRun) },
    undoAvailable: false,
    instructions: [],
  };
}

describe('the action journal', () => {
  test('appends whole JSON lines, one per entry, in order, even when many are written at once', async () => {
    const journal = newJournal();
    const recipe = await restartRecipe();
    const runId = recipe.plan.id;
    await journal.append({ type: 'planned', runId, facts: factsOf(recipe, REQUEST) });
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        journal.append({
          type: 'consent',
          runId,
          stepId: `step-${index}`,
          agreed: index % 2 === 0,
        }),
      ),
    );
    const lines = readFileSync(journal.file, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line).type)).toEqual([
      'planned',
      ...Array(40).fill('consent'),
    ]);
    expect(lines.slice(1, -1).map((line) => JSON.parse(line).stepId)).toEqual(
      Array.from({ length: 40 }, (_, index) => `step-${index}`),
    );
    const { entries, skippedLines } = await journal.read();
    expect(entries).toHaveLength(41);
    expect(skippedLines).toBe(0);
  });

  test('a line written before the app was translated still reads: its English stays as it was recorded', async () => {
    const journal = newJournal();
    const recipe = await restartRecipe();
    const runId = recipe.plan.id;
    await journal.append({ type: 'planned', runId, facts: factsOf(recipe, REQUEST) });
    // How the last untranslated version wrote an outcome and an install run again: English sentences.
    const at = new Date().toISOString();
    const oldReport = {
      stepId: 'await-restart',
      status: 'done',
      detail: 'Nothing holds the files any more.',
      output: '',
      items: [{ label: 'pid 4862', status: 'gone', detail: 'It had already closed.' }],
    };
    const old = {
      ...outcome(recipe, 'succeeded'),
      summary: 'Done: Restart. Nothing holds the files now.',
      steps: [oldReport],
      verification: { ok: true, detail: 'No program holds the files any more.' },
    };
    const { stepId, ...reported } = oldReport;
    appendFileSync(
      journal.file,
      `${JSON.stringify({ v: 1, at, runId, type: 'step-result', stepId, attempt: 1, ...reported, data: null })}\n` +
        `${JSON.stringify({ v: 1, at, runId, type: 'finished', outcome: old })}\n` +
        `${JSON.stringify({ v: 1, at, runId, type: 'install-again', packageName: 'numpy', where: 'in C:\\Python312\\python.exe', status: 'succeeded', exitCode: 0 })}\n`,
    );
    const { skippedLines } = await journal.read();
    expect(skippedLines).toBe(0);
    const run = (await journal.histories()).get(runId)!;
    expect(english(run.outcome!.summary)).toBe('Done: Restart. Nothing holds the files now.');
    // A step's words, its items and the check, as the older version wrote them.
    const recorded = run.results.get('await-restart')!;
    expect(english(recorded.detail)).toBe('Nothing holds the files any more.');
    expect(recorded.items.map((item) => [english(item.label), english(item.detail)])).toEqual([
      ['pid 4862', 'It had already closed.'],
    ]);
    expect(english(run.outcome!.steps[0]!.detail)).toBe('Nothing holds the files any more.');
    expect(english(run.outcome!.verification.detail)).toBe('No program holds the files any more.');
    expect(run.installsAgain.map((again) => again.where)).toEqual(['in C:\\Python312\\python.exe']);
  });

  test('refuses to write an entry that replay could not read', async () => {
    const journal = newJournal();
    await expect(
      journal.append({
        type: 'step-result',
        runId: 'act-x',
        stepId: 's',
        attempt: 0,
        status: 'done',
        detail: msg(stepWords.commandDone),
        output: '',
        items: [],
        data: null,
      }),
    ).rejects.toThrow();
  });

  test('a torn last line and a damaged line are skipped; the next entry starts on a line of its own', async () => {
    const journal = newJournal();
    const recipe = await restartRecipe();
    const runId = recipe.plan.id;
    await journal.append({ type: 'planned', runId, facts: factsOf(recipe, REQUEST) });
    appendFileSync(journal.file, 'not json at all\n');
    appendFileSync(
      journal.file,
      `{"v":1,"at":"2026-11-24T09:00:00.000Z","runId":"${runId}","type":"step-int`,
    );

    // A new process (the app started again) appends after the torn line.
    const reopened = new ActionJournal(join(journal.folder, '..'));
    await reopened.append({
      type: 'step-intent',
      runId,
      stepId: 'await-restart',
      attempt: 1,
      data: { bootTime: '2026-11-24T08:00:00.000Z' },
    });
    const { entries, skippedLines } = await reopened.read();
    expect(skippedLines).toBe(2);
    expect(entries.map((entry) => entry.type)).toEqual(['planned', 'step-intent']);
  });

  test('entries of a run whose plan line is missing are dropped: without the recipe nothing can be resumed', async () => {
    const journal = newJournal();
    await journal.append({
      type: 'step-intent',
      runId: 'act-0000000000000fff',
      stepId: 'install',
      attempt: 1,
      data: null,
    });
    expect(await journal.pendingActions()).toEqual([]);
  });

  test('a run waiting for a restart is pending, and says whether the machine has restarted since', async () => {
    const journal = newJournal();
    const recipe = await restartRecipe();
    const runId = recipe.plan.id;
    const boot = '2026-11-24T08:00:00.000Z';
    await journal.append({ type: 'planned', runId, facts: factsOf(recipe, REQUEST) });
    await journal.append({
      type: 'step-intent',
      runId,
      stepId: 'await-restart',
      attempt: 1,
      data: { bootTime: boot },
    });
    await journal.append({
      type: 'step-result',
      runId,
      stepId: 'await-restart',
      attempt: 1,
      status: 'waiting',
      detail: msg(restartStepWords.signOut),
      output: '',
      items: [],
      data: { bootTime: boot },
    });
    await journal.append({ type: 'finished', runId, outcome: outcome(recipe, 'needs-restart') });

    const [sameBoot] = await journal.pendingActions(new Date(boot));
    expect(sameBoot).toMatchObject({
      runId,
      status: 'needs-restart',
      stoppedAt: { stepId: 'await-restart', state: 'waiting' },
      choices: ['resume', 'mark-resolved'],
      restartedSince: false,
    });
    expect(english(sameBoot!.explanation)).toContain('waiting for you to sign out or restart');
    const [later] = await journal.pendingActions(new Date('2026-11-24T18:30:00.000Z'));
    expect(later!.restartedSince).toBe(true);

    await journal.append({ type: 'resolved', runId });
    expect(await journal.pendingActions()).toEqual([]);
  });

  test('an action that ended before it changed anything (declined at the first prompt) is not pending', async () => {
    const journal = newJournal();
    const recipe = await buildRecipe(
      windowsPlanContext({
        remedy: 'elevated-install',
        installId: 'py-0123456789ab',
        packageName: 'numpy',
      }),
    );
    const runId = recipe.plan.id;
    await journal.append({ type: 'planned', runId, facts: factsOf(recipe, REQUEST) });
    await journal.append({ type: 'step-intent', runId, stepId: 'install', attempt: 1, data: null });
    await journal.append({
      type: 'step-result',
      runId,
      stepId: 'install',
      attempt: 1,
      status: 'declined',
      detail: msg(runWords.uacDeclined),
      output: '',
      items: [],
      data: null,
    });
    await journal.append({ type: 'finished', runId, outcome: outcome(recipe, 'declined') });
    expect(await journal.pendingActions()).toEqual([]);
  });

  test('an empty or missing journal has nothing pending', async () => {
    const journal = newJournal();
    expect(await journal.pendingActions()).toEqual([]);
    writeFileSync(join(root, 'empty.jsonl'), '');
    expect((await journal.read()).entries).toEqual([]);
  });
});
