import type { RemedyFacts } from '../../engine/recommend/remedyFacts';
import type { Shell } from '../../shared/model/diagnosis';
import { commandLine, quoteArg } from '../../shared/shellQuote';

/**
 * The user's install again, through the interpreter pip failed in (`python
 * -m pip` reaches the same install whichever `pip` is first on PATH). Only
 * a PEP 508 name goes on the line: never the command as the log printed it.
 */
export function runAgainCommands({ os, target, packageName }: RemedyFacts): string[] {
  return [commandLine(os.shell, target.executable, ['-m', 'pip', 'install', packageName])];
}

/** Making the folder and pointing the temp variables at it for this one command, in each shell. */
const WITH_TEMP: Readonly<Record<Shell, (folder: string, install: string) => string[]>> = {
  bash: (folder, install) => [
    `mkdir -p ${quoteArg(folder, 'bash')}`,
    `TMPDIR=${quoteArg(folder, 'bash')} ${install}`,
  ],
  powershell: (folder, install) => [
    `New-Item -ItemType Directory -Force -Path ${quoteArg(folder, 'powershell')} | Out-Null`,
    `$env:TMP = ${quoteArg(folder, 'powershell')}; $env:TEMP = $env:TMP; ${install}`,
  ],
  cmd: (folder, install) => [
    `if not exist ${quoteArg(folder, 'cmd')} mkdir ${quoteArg(folder, 'cmd')}`,
    `set "TMP=${folder}" && set "TEMP=${folder}" && ${install}`,
  ],
};

/** The install again with pip's temporary files in a folder that works. */
export function runAgainWithTempCommands(facts: RemedyFacts, folder: string): string[] {
  return WITH_TEMP[facts.os.shell](folder, runAgainCommands(facts)[0]!);
}
