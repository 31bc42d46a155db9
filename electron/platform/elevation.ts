import type { Command } from '../shared/actionModel';
import { z } from 'zod';
import { CommandSchema } from '../shared/actionModel';
import type { Platform } from '../shared/model/platform';
import { withPkexec } from './posix/pkexec';
import { elevatedCommand } from './windows/elevatedWindows';
import type { OutputEncoding } from './windows/elevatedWindows';
import { osTraits } from './osTraits';
import { scriptOf } from './windows/powershell';
import type { Message } from '../shared/i18n/message';

/** A command, and how it gets administrator rights if it needs them. */
export const ElevatedRunSchema = z.object({
  command: CommandSchema,
  elevation: z.enum(['none', 'pkexec', 'uac']),
  /** uac: the user's folder for this step, where the outer script writes the script the elevated side checks and runs; the answers go to the elevated side's own folder (elevatedWindows.ts). */
  outputDir: z.string().nullable(),
  /** uac: how the elevated program encodes what it prints. */
  outputEncoding: z.enum(['utf8', 'oem']),
  timeoutMs: z.number().int().positive(),
  /** Written to the program's stdin (pkexec passes it on): what does not belong on a command line. */
  stdin: z.string().optional(),
});
export type ElevatedRun = z.infer<typeof ElevatedRunSchema>;

/** What a plan needs to know to run a command as administrator on this machine. */
export interface ElevationFacts {
  platform: Platform;
  /** Already elevated (root, or an elevated Windows token): commands run as they are. */
  elevated: boolean;
  systemRoot: string;
  /** Absolute path of pkexec, null when it is not installed (then only a sudo command can be shown). */
  pkexecPath: string | null;
  /** Why pkexecPath is null when pkexec is there but cannot be trusted (not root's, writable by others). */
  pkexecProblem?: { path: string; reason: Message };
  /** Windows: the app window's handle (decimal), so the UAC prompt opens in front of it; null without a window. */
  ownerWindow: string | null;
}

export interface PlannedRun {
  run: ElevatedRun;
  /** The PowerShell behind an -EncodedCommand, for the plan's details. */
  script: string | null;
  /** What runs, as a person reads it, when the command carries it encoded (ActionStep.readable). */
  readable: Command | null;
  elevated: boolean;
}

export function plainRun(command: Command, timeoutMs: number): PlannedRun {
  return {
    run: { command, elevation: 'none', outputDir: null, outputEncoding: 'utf8', timeoutMs },
    script: scriptOf(command),
    readable: null,
    elevated: false,
  };
}

/**
 * The command as administrator: unchanged when the app already is, through
 * UAC on Windows, through pkexec elsewhere. Null when this machine offers no
 * way (no pkexec): the plan then shows the sudo command for the user instead.
 * `outputDir` (Windows) is a folder of this run that takes the script the
 * elevated side runs; it also names the elevated side's own folder.
 */
export function administratorRun(
  command: Command,
  facts: ElevationFacts,
  outputDir: string,
  encoding: OutputEncoding,
  timeoutMs: number,
): PlannedRun | null {
  if (facts.elevated) return plainRun(command, timeoutMs);
  if (osTraits(facts.platform).elevation === 'uac') {
    const elevated = elevatedCommand(
      command,
      outputDir,
      facts.systemRoot,
      encoding,
      facts.ownerWindow,
    );
    return {
      run: {
        command: elevated.command,
        elevation: 'uac',
        outputDir,
        outputEncoding: encoding,
        timeoutMs,
      },
      script: `${elevated.script}\n\n# Runs as administrator:\n${elevated.elevatedScript}`,
      // A script run as administrator is read in `script`; a program, in its own words.
      readable: scriptOf(command) === null ? command : null,
      elevated: true,
    };
  }
  if (!facts.pkexecPath) return null;
  return {
    run: {
      command: withPkexec(facts.pkexecPath, command),
      elevation: 'pkexec',
      outputDir: null,
      outputEncoding: 'utf8',
      timeoutMs,
    },
    script: null,
    readable: null,
    elevated: true,
  };
}

/** Where a step of a run keeps its elevated output: one folder per step, so retries do not mix. */
export function elevatedOutputDir(runFolder: string, stepId: string, platform: Platform): string {
  return osTraits(platform).paths.join(runFolder, stepId);
}
