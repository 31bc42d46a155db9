import { describe, expect, test } from 'vitest';
import type { LogFinding } from '../../../electron/shared/model/logFinding';
import { msg } from '../../../electron/shared/i18n/message';
import { SUMMARY } from '../../../electron/engine/logClassifier/summaryMessages';
import type { RemedyId } from '../../../electron/shared/model/vocabulary';
import type { ActionPlan } from '../../../electron/shared/contract';
import { ActionPlanRequestSchema } from '../../../electron/shared/contract';
import type { PlanChoices } from '../../../renderer/src/state/actionSession';
import { applyActionProgress, startedRun } from '../../../renderer/src/state/actionSession';
import { loggedPackage, planRequestFor } from '../../../renderer/src/state/planChoices';
import { commandText } from '../../../renderer/src/wording/commandText';
import { english } from '../../support/english';
import { posixDiagnosis } from '../engine/report/diagnosisFixtures';
import { closeWords } from '../../../electron/remedies/close-processes/closeWords';
import { REMEDIES } from '../../../electron/remedies/registry';

const SCAN = 'scan-0123456789abcdef';

/** The remedy as the fix card hands it to the dialog: with the package use its remedy declares. */
function origin(remedy: RemedyId) {
  return { remedy, installId: 'py-1', packageUse: REMEDIES[remedy].packageUse };
}
const CHOICES: PlanChoices = { packageName: '', folder: null, holders: null, unticked: [] };
const HOLDERS = [
  {
    pid: 4862,
    startTime: '2026-11-24T07:00:00.000Z',
    description: msg({ id: 'plan.holder.named.pid' }, { program: 'python3.11', pid: '4862' }),
    name: msg({ id: 'plan.holder.pythonProgram' }),
    program: 'python3.11',
    parentPid: null,
    sameUser: true,
  },
  {
    pid: 4870,
    startTime: '2026-11-24T07:01:00.000Z',
    description: msg({ id: 'plan.holder.named.pid' }, { program: 'python3.11', pid: '4870' }),
    name: msg({ id: 'plan.holder.pythonProgram' }),
    program: 'python3.11',
    parentPid: null,
    sameUser: true,
  },
];

describe('what the dialog asks main for', () => {
  test('every request it makes passes the contract, and carries only names and ids', () => {
    const asks = [
      planRequestFor(SCAN, origin('venv'), { ...CHOICES, packageName: ' scikit-learn ' }),
      planRequestFor(SCAN, origin('venv'), {
        ...CHOICES,
        folder: { folderId: 'folder-0123456789abcdef', displayPath: '/home/ana/envs/new' },
      }),
      planRequestFor(SCAN, origin('close-processes'), {
        ...CHOICES,
        holders: HOLDERS,
        unticked: [4870],
      }),
      planRequestFor(SCAN, origin('upgrade-pip'), { ...CHOICES, packageName: 'ignored' }),
    ];
    const requests = asks.map((ask) => (ask.ok ? ask.request : null));
    for (const request of requests) expect(ActionPlanRequestSchema.parse(request)).toEqual(request);
    expect(requests[0]).toMatchObject({ packageName: 'scikit-learn' });
    // The folder goes as main's id; the path it shows stays in the page.
    expect(requests[1]).toEqual({
      scanId: SCAN,
      remedy: 'venv',
      installId: 'py-1',
      venvFolder: { pickedFolderId: 'folder-0123456789abcdef' },
    });
    expect(requests[2]!.processes).toEqual([{ pid: 4862, startTime: HOLDERS[0]!.startTime }]);
    expect(requests[3]).not.toHaveProperty('packageName');
  });

  test('choices that cannot make a plan say why instead of asking', () => {
    const cases: Array<[RemedyId, PlanChoices, RegExp]> = [
      ['venv', { ...CHOICES, packageName: 'requests; rm -rf ~' }, /name as on PyPI/],
      ['venv', { ...CHOICES, packageName: '--index-url=http://evil' }, /name as on PyPI/],
      ['user-install', CHOICES, /Type the name/],
      [
        'close-processes',
        { ...CHOICES, holders: HOLDERS, unticked: [4862, 4870] },
        /Tick at least one/,
      ],
    ];
    for (const [remedy, choices, reason] of cases) {
      const ask = planRequestFor(SCAN, origin(remedy), choices);
      expect(ask.ok).toBe(false);
      if (!ask.ok) expect(english(ask.reason)).toMatch(reason);
    }
  });

  test('the package from the log is offered only when it is a name pip takes', () => {
    const diagnosis = posixDiagnosis();
    const log: LogFinding = {
      category: 'permission',
      code: 'Errno 13',
      path: null,
      secondPath: null,
      package: null,
      requested: null,
      command: null,
      interpreter: null,
      confidence: 'high',
      alternatives: [],
      evidence: [],
      summary: msg(SUMMARY.deniedNoPath),
    };
    const withPackage = (name: string | null) =>
      loggedPackage({ ...diagnosis, log: { ...log, package: name } });
    expect(withPackage('numpy')).toBe('numpy');
    expect(withPackage('pip')).toBe('');
    expect(withPackage('numpy; rm')).toBe('');
    expect(withPackage(null)).toBe('');
  });
});

describe('a run as the dialog follows it', () => {
  const plan = {
    id: 'act-0123456789abcdef',
    steps: [{ id: 'create-venv' }, { id: 'install' }],
  } as unknown as ActionPlan;

  test('progress moves each step; a question waits until its step ends; other runs change nothing', () => {
    let run = startedRun(plan, ['create-venv']);
    expect(run.status === 'running' && run.steps['create-venv']!.status).toBe('done');
    const runId = plan.id;
    run = applyActionProgress(run, { type: 'step-started', runId, stepId: 'install' });
    run = applyActionProgress(run, {
      type: 'consent-needed',
      runId,
      stepId: 'install',
      question: msg(closeWords.keptRunning, { count: 1 }),
      items: [],
      command: null,
    });
    expect(run.status === 'running' && run.consent?.question).toEqual(
      msg(closeWords.keptRunning, { count: 1 }),
    );
    const other = applyActionProgress(run, { type: 'verifying', runId: 'act-ffffffffffffffff' });
    expect(other).toBe(run);
    run = applyActionProgress(run, {
      type: 'step-finished',
      runId,
      report: {
        stepId: 'install',
        status: 'skipped',
        detail: msg(closeWords.keptRunning, { count: 1 }),
        output: '',
        items: [],
      },
    });
    run = applyActionProgress(run, { type: 'verifying', runId });
    expect(run).toMatchObject({
      consent: null,
      verifying: true,
      steps: { install: { status: 'skipped' } },
    });
  });
});

describe('commands as the dialog shows them', () => {
  test('exactly what main runs, with its variables, quoted for the shell the user would paste into', () => {
    expect(
      commandText({
        program: '/home/ana/my project/.venv/bin/python',
        args: ['-m', 'pip', 'install', "it's"],
        env: { PIP_NO_INPUT: '1' },
      }),
    ).toBe(`PIP_NO_INPUT=1 '/home/ana/my project/.venv/bin/python' -m pip install 'it'\\''s'`);
    expect(
      commandText({
        program: 'C:\\Program Files\\Python312\\python.exe',
        args: ['-m', 'venv', 'C:\\Users\\Ana\\.venv'],
        env: { PIP_NO_INPUT: '1', PYTHONIOENCODING: 'utf-8' },
      }),
    ).toBe(
      "$env:PIP_NO_INPUT='1'; $env:PYTHONIOENCODING='utf-8'; & 'C:\\Program Files\\Python312\\python.exe' -m venv 'C:\\Users\\Ana\\.venv'",
    );
  });
});
