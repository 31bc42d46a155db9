import type { RemedyFacts } from '../../engine/recommend/remedyFacts';
import { commandLine } from '../../shared/shellQuote';

/** Through the interpreter, never pip.exe: a running pip.exe cannot replace itself on Windows. */
export function upgradePipCommands({ os, target }: RemedyFacts): string[] {
  return [
    commandLine(os.shell, target.executable, [
      '-m',
      'pip',
      'install',
      '--upgrade',
      'pip',
      'setuptools',
      'wheel',
    ]),
  ];
}
