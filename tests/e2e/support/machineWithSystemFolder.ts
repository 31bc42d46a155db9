import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadRecordedMachine,
  recordedRun,
  WINDOWS_FIXTURES,
} from '../../support/recordedWindowsMachine';

/**
 * A recorded Windows machine whose probe also reports where Windows is
 * (GetSystemDirectory), as the probe asks it now: without it no plan starts
 * an administrator program (trustedSystemRoot.ts).
 */
export function machineKnowingItsSystemFolder(situation: string) {
  const lines = readFileSync(join(WINDOWS_FIXTURES, situation, 'probe.jsonl'), 'utf8')
    .split('\n')
    .map((line) => {
      if (!line.startsWith('{"identity"')) return line;
      const document = JSON.parse(line) as { identity: Record<string, unknown> };
      document.identity.systemDirectory = 'C:\\WINDOWS\\system32';
      return JSON.stringify(document);
    });
  return loadRecordedMachine(situation, { powershell: () => recordedRun(lines.join('\n')) });
}
