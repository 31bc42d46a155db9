import { describe, expect, test } from 'vitest';
import type { HolderChoice, StepReport } from '../../../electron/shared/contract';
import { holderGroups, tickedGroups } from '../../../renderer/src/state/holderGroups';
import { stepShownAs, stepShownWords } from '../../../renderer/src/wording/actionWords';
import { readableCommandText } from '../../../renderer/src/wording/commandText';
import { msg } from '../../../electron/shared/i18n/message';
import type { Message } from '../../../electron/shared/i18n/message';
import { closeWords } from '../../../electron/remedies/close-processes/closeWords';
import { stepWords } from '../../../electron/remedies/steps/stepWords';
import { english } from '../../support/english';

/** Issue #16 items 2, 6, 7: the dialog's words for programs, steps and commands. */
const holder = (pid: number, name: Message, parentPid: number | null): HolderChoice => ({
  pid,
  startTime: '2026-03-06T10:31:02.000Z',
  description: msg({ id: 'plan.holder.named.pid' }, { program: 'python.exe', pid: String(pid) }),
  name,
  program: 'python.exe',
  parentPid,
  sameUser: true,
});

describe('programs to close', () => {
  test('a launcher and the kernel it started are one program; others stay apart', () => {
    const kernel = msg({ id: 'plan.holder.jupyterKernelOf' }, { app: 'VS Code' });
    const groups = holderGroups([
      holder(8852, kernel, 8840),
      holder(8840, kernel, null),
      holder(9100, msg({ id: 'plan.holder.pythonProgram' }), null),
    ]);
    expect(groups.map((group) => [english(group.name), group.members.map((m) => m.pid)])).toEqual([
      ['Jupyter kernel (VS Code notebook)', [8840, 8852]],
      ['Python program', [9100]],
    ]);
    expect(tickedGroups(groups, [8852])).toHaveLength(1);
    expect(tickedGroups(groups, [])).toHaveLength(2);
  });
});

describe('a step as the user reads it', () => {
  const report = (status: StepReport['status'], items: StepReport['items']): StepReport => ({
    stepId: 'close-gracefully',
    status,
    detail: msg(closeWords.closed, { count: 1 }),
    output: '',
    items,
  });
  test('"done" with a program still running is a warning; a question is waiting for an answer', () => {
    const kept = report('done', [
      {
        label: msg(stepWords.path, { path: 'x' }),
        status: 'still-running',
        detail: msg(closeWords.leftRunning),
      },
    ]);
    expect(stepShownAs('done', kept, false)).toBe('incomplete');
    expect(english(stepShownWords('incomplete'))).toBe('not everything worked');
    expect(stepShownAs('done', report('done', []), false)).toBe('done');
    expect(english(stepShownWords(stepShownAs('running', null, true)))).toBe(
      'Waiting for your answer',
    );
    expect(stepShownAs('waiting', null, false)).toBe('waiting');
    expect(stepShownAs('waiting', report('waiting', []), false)).toBe('by-user');
  });
});

test('the command people read has no $env: prefixes; the program and arguments are unchanged', () => {
  expect(
    readableCommandText({
      program: 'C:\\Program Files\\Python312\\python.exe',
      args: ['-m', 'pip', 'install', 'requests'],
      env: { PIP_NO_INPUT: '1', PYTHONIOENCODING: 'utf-8' },
    }),
  ).toBe("& 'C:\\Program Files\\Python312\\python.exe' -m pip install requests");
});
