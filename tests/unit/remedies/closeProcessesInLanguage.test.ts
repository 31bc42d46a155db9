import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ActionProgress } from '../../../electron/shared/actionModel';
import type { CloseGrace } from '../../../electron/remedies/run/liveTargets';
import { tempTree } from '../../support/tempTree';
import { createHarness, SYSTEM_PYTHON } from './actionHarness';
import { killAll, startHolder } from '../../support/pythonHolder';
import type { HolderProcess } from '../../support/pythonHolder';
import { english, inLanguage } from '../../support/english';

/**
 * What a user reads while programs are closed, in their own language: the
 * question before closing by force, each step's summary with the language's
 * own plural, and the check afterwards, with the programs' names and ids as
 * values, never translated. Real Python processes hold a real file.
 */

const root = tempTree('close-in-language');
const venv = join(root, 'venv');
const python = join(venv, 'bin', 'python');
const held = join(venv, 'lib', 'held', 'daten.txt');
const holders: HolderProcess[] = [];

beforeAll(() => {
  execFileSync(SYSTEM_PYTHON, ['-m', 'venv', venv]);
  mkdirSync(join(venv, 'lib', 'held'), { recursive: true });
  writeFileSync(held, 'held by a running program');
}, 60_000);

afterAll(() => killAll(holders));

async function hold(onSigterm: 'ignore' | 'end'): Promise<HolderProcess> {
  const holder = await startHolder([`open:${held}`], { python, onSigterm });
  holders.push(holder);
  return holder;
}

/** The graceful step's time is up once every program asked has answered (closed, or ignored it). */
const untilAnswered: CloseGrace = async (asked) => {
  await Promise.all(
    asked.map((target) => holders.find((holder) => holder.pid === target.pid)?.answeredSigterm),
  );
};

describe('closing programs, in the user’s language', () => {
  test('German: the force question names the stubborn programs and counts them; the step says how many closed; Chinese: the check afterwards', async () => {
    const polite = await hold('end');
    const stubborn = [await hold('ignore'), await hold('ignore')];
    const asked: Extract<ActionProgress, { type: 'consent-needed' }>[] = [];
    const harness = createHarness(root, {
      extra: { closeGrace: untilAnswered },
      onProgress(event, service) {
        if (event.type !== 'consent-needed') return;
        asked.push(event);
        service.answerConsent(event.runId, event.stepId, true);
      },
    });
    const scan = await harness.scan([python]);
    const found = scan.diagnosis.processes.filter((process) => process.holds.includes(held));
    expect(found).toHaveLength(3);
    const plan = await harness.service.plan(
      scan.request({
        remedy: 'close-processes',
        installId: scan.installOf(python).id,
        processes: found.map(({ pid, startTime }) => ({ pid, startTime })),
      }),
    );
    const outcome = await harness.service.run(plan.id);

    // The question, asked once, about the two that ignored the request: German plural, each pid in place.
    expect(asked).toHaveLength(1);
    const question = inLanguage('de', asked[0]!.question);
    expect(question).toMatch(
      / wurden auf Anfrage nicht geschlossen\. Sollen sie zwangsweise geschlossen werden\?/,
    );
    for (const holder of stubborn) expect(question).toContain(`PID ${holder.pid}`);
    expect(question).not.toContain(`PID ${polite.pid}`);
    expect(question).toContain(' und ');
    expect(asked[0]!.items.map((item) => inLanguage('de', item))).toEqual(
      expect.arrayContaining(stubborn.map((holder) => expect.stringContaining(`${holder.pid}`))),
    );
    expect(english(asked[0]!.question)).toMatch(
      / did not close when asked\. Close them by force\?/,
    );

    // Each step's summary in German, with its plural: 2 did not close, 1 closed; then 2 closed by force.
    const graceful = outcome.steps.find((step) => step.stepId === 'close-gracefully')!;
    expect(inLanguage('de', graceful.detail)).toBe(
      '2 Programme wurden nicht geschlossen. 1 Programm geschlossen.',
    );
    expect(english(graceful.detail)).toBe('2 programs did not close. 1 program closed.');
    const politeItem = graceful.items.find((item) => english(item.label).includes(`${polite.pid}`));
    expect(politeItem && inLanguage('de', politeItem.detail)).toBe('Geschlossen.');
    const force = outcome.steps.find((step) => step.stepId === 'close-by-force')!;
    expect(inLanguage('de', force.detail)).toBe('2 Programme geschlossen.');
    expect(force.items.map((item) => inLanguage('de', item.detail))).toEqual([
      'Zwangsweise geschlossen.',
      'Zwangsweise geschlossen.',
    ]);

    // Verified afresh, and said in Chinese.
    expect(outcome.status).toBe('succeeded');
    expect(inLanguage('zh-Hans', outcome.verification.detail)).toBe('已没有程序占用这些文件。');
    expect(stubborn.every((holder) => !holder.alive())).toBe(true);
  }, 60_000);

  test('Chinese: the check names the program still holding the file, by its pid, when the user keeps it running', async () => {
    const stubborn = await hold('ignore');
    const harness = createHarness(root, {
      extra: { closeGrace: untilAnswered },
      onProgress(event, service) {
        if (event.type === 'consent-needed')
          service.answerConsent(event.runId, event.stepId, false);
      },
    });
    const scan = await harness.scan([python]);
    const found = scan.diagnosis.processes.filter((process) => process.pid === stubborn.pid);
    const plan = await harness.service.plan(
      scan.request({
        remedy: 'close-processes',
        installId: scan.installOf(python).id,
        processes: found.map(({ pid, startTime }) => ({ pid, startTime })),
      }),
    );
    const outcome = await harness.service.run(plan.id);
    expect(outcome.verification.ok).toBe(false);
    const chinese = inLanguage('zh-Hans', outcome.verification.detail);
    expect(chinese).toMatch(/^仍被 .+ 占用（共 1 个）：请自行关闭，或注销或重启。$/);
    expect(chinese).toContain(`${stubborn.pid}`);
    expect(english(outcome.verification.detail)).toMatch(/^Still held by .+: close it yourself/);
    expect(stubborn.alive()).toBe(true);
  }, 60_000);
});
