import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fishQuote } from '../../../electron/shared/shellQuote';
import {
  pathProfileInstructions,
  venvInstructions,
} from '../../../electron/remedies/planning/instructions';
import { osTraits } from '../../../electron/platform/osTraits';

/**
 * The fish lines Pip Doctor shows are pasted into a real fish here. fish reads
 * `\\` and `\'` inside single quotes, so quoting made for bash let a folder
 * name end the string and run the rest as code (a wheel can ship such a
 * folder into site-packages).
 */

const fish = spawnSync('fish', ['--version']).status === 0 ? 'fish' : null;
const SKIP_REASON = 'fish is not installed (apt-get install fish; .ci/run installs it)';
const scratch = mkdtempSync(join(tmpdir(), 'pip-doctor-fish-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a fish script with a home of its own, so universal variables stay in the test. */
function runFish(script: string): string {
  const home = mkdtempSync(join(scratch, 'home-'));
  return execFileSync(fish!, ['--no-config', '-c', script], {
    env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config') },
    encoding: 'utf8',
  });
}

/** A folder name that breaks bash-style quoting in fish: `\'` then a quote pair around code. */
const INJECTING_NAME = "a\\';echo INJECTED;'";

describe.skipIf(fish === null)(
  `fish quoting, run by real fish${fish ? '' : ` (${SKIP_REASON})`}`,
  () => {
    it('passes every string through unchanged (fast-check)', () => {
      const hostile = fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.string({
          unit: fc.constantFrom(
            '\\',
            "'",
            '"',
            '$',
            '(',
            ')',
            ';',
            '&',
            '|',
            '*',
            '{',
            '}',
            ' ',
            '\n',
            '#',
            '~',
            '%',
            'é',
            '中',
          ),
          maxLength: 20,
        }),
      );
      fc.assert(
        fc.property(fc.array(hostile, { minLength: 1, maxLength: 40 }), (texts) => {
          const script = texts.map((text) => `printf '%s\\0' ${fishQuote(text)}`).join('\n');
          const printed = runFish(script).split('\0').slice(0, -1);
          expect(printed).toEqual(texts);
        }),
        { numRuns: 25 },
      );
    });

    it('the fish_add_path line adds the folder itself and runs nothing else', () => {
      const folder = join(scratch, INJECTING_NAME);
      mkdirSync(folder, { recursive: true });
      const [, , fishLine] = pathProfileInstructions(folder, '/nonexistent-home');
      expect(fishLine!.where).toBe('fish');
      const printed = runFish(`${fishLine!.text}\nprintf '%s\\n' $fish_user_paths`);
      expect(printed.split('\n')).not.toContain('INJECTED');
      expect(printed.trimEnd()).toBe(folder);
    });

    it('the venv activation line sources the venv’s own activate.fish', () => {
      const venv = join(scratch, `venv ${INJECTING_NAME}`);
      const bin = join(venv, 'bin');
      mkdirSync(bin, { recursive: true });
      writeFileSync(join(bin, 'activate.fish'), 'set -gx VIRTUAL_ENV_SOURCED yes\n');
      const activate = venvInstructions(osTraits('linux'), venv, join(bin, 'python')).find(
        (line) => line.where === 'fish',
      )!;
      const printed = runFish(`${activate.text}\necho $VIRTUAL_ENV_SOURCED`);
      expect(printed.split('\n')).not.toContain('INJECTED');
      expect(printed.trim()).toBe('yes');
    });
  },
);
