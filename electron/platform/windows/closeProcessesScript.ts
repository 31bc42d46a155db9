import { z } from 'zod';
import type { Command } from '../../shared/actionModel';
import { START_TIME_TOLERANCE_MS } from '../processGuard';
import { powershellCommand, UTF8_OUTPUT } from './powershell';

/**
 * Closing Windows processes through one process handle each. taskkill takes
 * pids: between the app's check of a pid's start time and taskkill's own
 * OpenProcess the program may exit and Windows may give its pid to another,
 * and `/T` also ends every child, none of which the user was shown. Here
 * each pid is opened once ([Diagnostics.Process].Handle, kept by the object),
 * its start time read through that handle and compared with the scan's, and
 * only then the same object is asked to close (CloseMainWindow: WM_CLOSE to
 * its main window, as its close button does) or ended (Kill: that process
 * alone, no children). Windows does not reuse a pid while a handle to its
 * process is open, so the program checked is the program closed.
 */

export interface CloseTarget {
  pid: number;
  /** ISO start time from the scan. */
  startTime: string;
}

export function closeProcessesCommand(
  systemRoot: string,
  targets: readonly CloseTarget[],
  force: boolean,
): Command {
  return powershellCommand(systemRoot, closeProcessesScript(targets, force));
}

export function closeProcessesScript(targets: readonly CloseTarget[], force: boolean): string {
  if (targets.length === 0) throw new Error('closeProcessesScript needs at least one process');
  const entries = targets.map((target) => {
    if (!Number.isSafeInteger(target.pid) || target.pid < 0) {
      throw new Error(`not a process id: ${target.pid}`);
    }
    const start = Date.parse(target.startTime);
    // -1: the scan could not date it; the script then leaves it alone.
    return `  @{ Id = ${target.pid}; Start = ${Number.isNaN(start) ? -1 : dotnetTicks(start)} }`;
  });
  const act = force
    ? [
        '      } else {',
        // That process alone: no /T, no children nobody was shown.
        '        $p.Kill()',
        "        $answer = 'sent'; $text = 'ended by force'",
      ]
    : [
        '      } elseif ($p.CloseMainWindow()) {',
        "        $answer = 'sent'; $text = 'asked to close its window'",
        '      } else {',
        "        $answer = 'refused'; $text = 'it has no window to close; only closing by force ends it'",
      ];
  return [
    UTF8_OUTPUT,
    '$targets = @(',
    entries.join(',\n'),
    ')',
    'foreach ($t in $targets) {',
    "  $answer = 'refused'; $text = ''; $p = $null",
    '  try {',
    '    $p = [Diagnostics.Process]::GetProcessById($t.Id)',
    '  } catch {',
    "    $answer = 'gone'; $text = 'no process has this id'",
    '  }',
    '  if ($p -ne $null) {',
    '    try {',
    // The one handle: StartTime and Kill/CloseMainWindow go through it from here on.
    '      $null = $p.Handle',
    '      $started = $p.StartTime.ToUniversalTime()',
    '      $apart = $started.Ticks - $t.Start',
    '      if ($apart -lt 0) { $apart = -$apart }',
    '      if ($t.Start -lt 0) {',
    "        $answer = 'refused'; $text = 'its start time was not known, so it cannot be told apart from a program that got its id later'",
    `      } elseif ($apart -gt ${START_TIME_TOLERANCE_MS * TICKS_PER_MS}) {`,
    "        $answer = 'reused'; $text = 'the process id now belongs to a program started at ' + $started.ToString('o')",
    ...act,
    '      }',
    '    } catch {',
    '      $e = $_.Exception',
    '      while ($e.InnerException -ne $null) { $e = $e.InnerException }',
    '      $exited = $false',
    '      try { $exited = $p.HasExited } catch { }',
    '      if ($e -is [ComponentModel.Win32Exception] -and $e.NativeErrorCode -eq 5) {',
    "        $answer = 'denied'; $text = $e.Message",
    '      } elseif ($exited) {',
    "        $answer = 'gone'; $text = 'it had exited'",
    '      } else {',
    "        $answer = 'refused'; $text = $e.Message",
    '      }',
    '    } finally {',
    '      $p.Dispose()',
    '    }',
    '  }',
    '  $line = New-Object PSObject -Property ([ordered]@{ pid = $t.Id; answer = $answer; text = [string]$text })',
    '  [Console]::Out.WriteLine(($line | ConvertTo-Json -Compress))',
    '}',
  ].join('\n');
}

/** DateTime.Ticks: 100 ns steps since 0001-01-01 UTC, which 5.1 compares without any type to look up. */
const TICKS_PER_MS = 10_000;
const TICKS_AT_UNIX_EPOCH = 621_355_968_000_000_000n;

export function dotnetTicks(unixMs: number): string {
  return String(BigInt(Math.round(unixMs)) * BigInt(TICKS_PER_MS) + TICKS_AT_UNIX_EPOCH);
}

export const CloseAnswerSchema = z.object({
  pid: z.number().int(),
  answer: z.enum(['sent', 'gone', 'denied', 'refused', 'reused']),
  text: z.string(),
});
export type CloseAnswer = z.infer<typeof CloseAnswerSchema>;

/** The script's answer per pid; a pid with no line (the script died) is absent. */
export function readCloseAnswers(stdout: string): Map<number, CloseAnswer> {
  const answers = new Map<number, CloseAnswer>();
  for (const line of stdout.split(/\r?\n/)) {
    if (!line.startsWith('{')) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = CloseAnswerSchema.safeParse(value);
    if (parsed.success) answers.set(parsed.data.pid, parsed.data);
  }
  return answers;
}
