import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../../../electron/shared/actionModel';
import { decodeScript } from '../../../electron/platform/windows/powershell';
import { POWERSHELL } from './windowsScan';
import { FIXTURES } from '../../support/repoPaths';

export const ACTION_FIXTURES = join(FIXTURES, 'actions', 'windows');

export function fixture(name: string): string {
  return readFileSync(join(ACTION_FIXTURES, name), 'utf8');
}

/** The script a `powershell -NoProfile -NonInteractive -EncodedCommand …` command carries. */
export function scriptOf(command: Command | null | undefined): string {
  if (!command) throw new Error('no command');
  if (command.program !== POWERSHELL) throw new Error(`not PowerShell: ${command.program}`);
  const [flags, encoded] = [command.args.slice(0, -1), command.args.at(-1)!];
  if (flags.join(' ') !== '-NoProfile -NonInteractive -EncodedCommand') {
    throw new Error(`unexpected flags ${flags.join(' ')}`);
  }
  return decodeScript(encoded);
}

/** PowerShell's single quotes: the ASCII one and the typographic U+2018..U+201B. */
const SINGLE_QUOTE = /['\u2018\u2019\u201A\u201B]/;

/** The single-quoted literal starting at `open` (its opening quote), undoubled, and where it ends. */
function readLiteral(text: string, open: number): { value: string; end: number } {
  let value = '';
  for (let i = open + 1; i < text.length; i++) {
    const char = text[i]!;
    if (!SINGLE_QUOTE.test(char)) {
      value += char;
      continue;
    }
    if (SINGLE_QUOTE.test(text[i + 1] ?? '')) {
      value += text[i + 1];
      i++;
      continue;
    }
    return { value, end: i + 1 };
  }
  throw new Error('unterminated literal');
}

/**
 * A UAC command taken apart: the outer script (with the elevated script's
 * text shown as <ELEVATED SCRIPT>) and the elevated script itself, which the
 * outer script writes to a file for the elevated bootstrap.
 */
export function unwrapUac(command: Command | null | undefined): {
  outer: string;
  elevated: string;
} {
  const outer = scriptOf(command);
  const marker = '[IO.File]::WriteAllText($file, ';
  const at = outer.indexOf(marker);
  if (at < 0) throw new Error('no elevated script in the outer script');
  const open = at + marker.length;
  const { value, end } = readLiteral(outer, open);
  return {
    outer: `${outer.slice(0, open)}<ELEVATED SCRIPT>${outer.slice(end)}`,
    elevated: value,
  };
}
