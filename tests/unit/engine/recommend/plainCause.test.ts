import { describe, expect, test } from 'vitest';
import { holdersSentence } from '../../../../electron/engine/recommend/plainCause';
import type { StartedBy } from '../../../../electron/engine/processes/startedBy';
import { english, inLanguage } from '../../../support/english';
import { holder } from './installFacts';

const kernelInCode: StartedBy = { role: 'jupyter-kernel', app: 'VS Code', appKind: 'app' };
const spyderApp: StartedBy = { role: null, app: 'Spyder', appKind: 'app' };
const spyderKernel: StartedBy = { role: 'spyder-kernel', app: 'Spyder', appKind: 'app' };
const pythonInPowerShell: StartedBy = { role: null, app: 'PowerShell', appKind: 'terminal' };

/** "In short" for held files: the program as the user knows it (startedBy), never its pid. */
describe('the holders in one sentence', () => {
  const held = ['/p/.venv/lib/python3.11/site-packages/numpy/core/_m.so'];
  test.each<[string, StartedBy | null, string]>([
    ['a kernel in VS Code', kernelInCode, 'A Jupyter kernel in VS Code is using numpy.'],
    [
      'the IDLE shell',
      { role: 'idle-shell', app: 'IDLE', appKind: 'app' },
      'An IDLE shell is using numpy.',
    ],
    [
      'a program in VS Code',
      { role: null, app: 'VS Code', appKind: 'app' },
      'A Python program in VS Code is using numpy.',
    ],
    // startedBy's fallback names the shell it ran from: the shell is not what holds the file.
    [
      'a program typed in sh',
      {
        role: null,
        app: { messageId: 'diagnosis.starter.app.shell', values: { shell: 'sh' } },
        appKind: 'shell',
      },
      'A Python program run from the sh shell is using numpy.',
    ],
    ['an unknown program', null, 'A program (python3.11) is using numpy.'],
  ])('%s', (_label, startedBy, expected) => {
    const sentence = english(holdersSentence([holder(7, held, 'v', startedBy)], 'numpy'));
    expect(sentence).toBe(`${expected} Close it, then install again.`);
    expect(sentence).not.toMatch(/\bpid\b|\b7\b/);
  });

  test("one app's launcher and interpreter are one program; two apps are named; more are counted", () => {
    expect(
      english(
        holdersSentence(
          [holder(1, held, 'v', kernelInCode), holder(2, held, 'v', kernelInCode)],
          null,
        ),
      ),
    ).toBe(
      'A Jupyter kernel in VS Code is using files pip must replace. Close it, then install again.',
    );
    expect(
      english(
        holdersSentence(
          [holder(1, held, 'v', spyderApp), holder(2, held, 'v', spyderKernel)],
          'pyzmq',
        ),
      ),
    ).toBe(
      'A Python program in Spyder and a Spyder kernel are using pyzmq. Close them, then install again.',
    );
    expect(
      english(
        holdersSentence(
          [
            holder(1, held, 'v', spyderApp),
            holder(2, held, 'v', spyderKernel),
            holder(3, held, 'v', null),
          ],
          'pyzmq',
        ),
      ),
    ).toBe('3 programs are using pyzmq. Close them, then install again.');
  });

  test('two holders in German and Russian: the list joined in the language, the verb in its plural', () => {
    const two = holdersSentence(
      [holder(1, held, 'v', kernelInCode), holder(2, held, 'v', pythonInPowerShell)],
      'numpy',
    );
    expect(inLanguage('de', two)).toBe(
      'Ein Jupyter-Kernel in VS Code und ein Python-Programm in PowerShell verwenden numpy. Schließen Sie sie und installieren Sie dann erneut.',
    );
    expect(inLanguage('ru', two)).toBe(
      'Ядро Jupyter в VS Code и программа Python в PowerShell используют numpy. Закройте их и повторите установку.',
    );
    const one = holdersSentence([holder(1, held, 'v', kernelInCode)], 'numpy');
    expect(inLanguage('ru', one)).toBe(
      'Ядро Jupyter в VS Code использует numpy. Закройте программу и повторите установку.',
    );
    const five = holdersSentence(
      [1, 2, 3, 4, 5].map((pid) =>
        holder(pid, held, 'v', { role: null, app: `App ${pid}`, appKind: 'app' }),
      ),
      'numpy',
    );
    // Russian counts 5 with the "many" form: 5 программ.
    expect(inLanguage('ru', five)).toBe(
      '5 программ используют numpy. Закройте их и повторите установку.',
    );
  });
});
