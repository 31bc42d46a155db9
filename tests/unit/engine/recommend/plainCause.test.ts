import { describe, expect, test } from 'vitest';
import { holdersSentence } from '../../../../electron/engine/recommend/plainCause';
import { holder } from './installFacts';

/** "In short" for held files: the program as the user knows it (startedBy), never its pid. */
describe('the holders in one sentence', () => {
  const held = ['/p/.venv/lib/python3.11/site-packages/numpy/core/_m.so'];
  test.each([
    ['Jupyter kernel started by VS Code', 'A Jupyter kernel in VS Code is using numpy.'],
    ['IDLE shell', 'An IDLE shell is using numpy.'],
    ['VS Code', 'A Python program in VS Code is using numpy.'],
    // startedBy's fallback names the shell it ran from: the shell is not what holds the file.
    ['sh shell', 'A Python program run from the sh shell is using numpy.'],
    [null, 'A program (python3.11) is using numpy.'],
  ])('started by %s', (startedBy, expected) => {
    const sentence = holdersSentence([holder(7, held, 'v', startedBy)], 'numpy');
    expect(sentence).toBe(`${expected} Close it, then install again.`);
    expect(sentence).not.toMatch(/\bpid\b|\b7\b/);
  });

  test("one app's launcher and interpreter are one program; two apps are named; more are counted", () => {
    const kernel = 'Jupyter kernel started by VS Code';
    expect(
      holdersSentence([holder(1, held, 'v', kernel), holder(2, held, 'v', kernel)], null),
    ).toBe(
      'A Jupyter kernel in VS Code is using files pip must replace. Close it, then install again.',
    );
    expect(
      holdersSentence(
        [holder(1, held, 'v', 'Spyder'), holder(2, held, 'v', 'Spyder kernel')],
        'pyzmq',
      ),
    ).toBe(
      'A Python program in Spyder and a Spyder kernel are using pyzmq. Close them, then install again.',
    );
    expect(
      holdersSentence(
        [
          holder(1, held, 'v', 'Spyder'),
          holder(2, held, 'v', 'Spyder kernel'),
          holder(3, held, 'v', null),
        ],
        'pyzmq',
      ),
    ).toBe('3 programs are using pyzmq. Close them, then install again.');
  });
});
