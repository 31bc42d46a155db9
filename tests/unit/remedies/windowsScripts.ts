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

/**
 * A UAC command taken apart: the outer script (with the elevated script's
 * base64 shown as <ELEVATED SCRIPT>) and the elevated script itself.
 */
export function unwrapUac(command: Command | null | undefined): {
  outer: string;
  elevated: string;
} {
  const outer = scriptOf(command);
  const match = /-EncodedCommand ([A-Za-z0-9+/=]+)'/.exec(outer);
  if (!match) throw new Error('no elevated script in the outer script');
  return {
    outer: outer.replace(match[1]!, '<ELEVATED SCRIPT>'),
    elevated: decodeScript(match[1]!),
  };
}
