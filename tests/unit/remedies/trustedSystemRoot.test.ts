import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionService } from '../../../electron/remedies/run/actionService';
import { trustedSystemRoot } from '../../../electron/platform/windows/trustedSystemRoot';
import {
  WINDOWS_FIXTURES,
  loadRecordedMachine,
  recordedRun,
} from '../platform/windows/support/recordedMachine';
import { DATA_DIR, HOME, PROJECT, WINDOWS_DIAGNOSIS } from './windowsScan';
import { scriptOf } from '../../../electron/platform/windows/powershell';
import { refusalIn, refusalOf } from '../../support/refusal';

/**
 * %SystemRoot% is the user's to set (HKCU\Environment); the elevated steps
 * start powershell.exe from it. A recorded Windows machine whose probe
 * reports where Windows really is (GetSystemDirectory), scanned with the
 * variable pointed at a folder of the user's: no plan may start a program
 * from there.
 */
const SITUATION = 'all-users-not-elevated';

/** The recorded probe's answer, its identity section carrying GetSystemDirectory as the probe now asks it. */
function machineReporting(systemDirectory: string | null) {
  const lines = readFileSync(join(WINDOWS_FIXTURES, SITUATION, 'probe.jsonl'), 'utf8')
    .split('\n')
    .map((line) => {
      if (!line.startsWith('{"identity"')) return line;
      const document = JSON.parse(line) as { identity: Record<string, unknown> };
      document.identity.systemDirectory = systemDirectory;
      return JSON.stringify(document);
    });
  return loadRecordedMachine(SITUATION, { powershell: () => recordedRun(lines.join('\n')) });
}

async function planGrant(env: NodeJS.ProcessEnv, systemDirectory: string | null) {
  const machine = machineReporting(systemDirectory);
  const service = new ActionService({
    probe: machine.probe,
    dataDir: DATA_DIR,
    env,
    projectDir: PROJECT,
    homeDir: HOME,
    onProgress: () => undefined,
  });
  service.useDiagnosis('scan-00000000000000a1', {
    ...WINDOWS_DIAGNOSIS,
    scannedAt: new Date().toISOString(),
  });
  return service.plan({
    scanId: 'scan-00000000000000a1',
    remedy: 'grant-access',
    installId: 'py-0123456789ab',
  });
}

const FAKE_ROOT = 'C:\\Users\\ana\\AppData\\Local\\Temp\\win';

describe('the Windows folder programs are started from', () => {
  it('is the one Windows reports, when %SystemRoot% agrees with it', async () => {
    const plan = await planGrant(
      { SystemRoot: 'C:\\Windows', windir: 'C:\\WINDOWS' },
      'C:\\WINDOWS\\system32',
    );
    const grant = plan.steps.find((step) => step.id === 'grant')!;
    expect(grant.command!.program).toBe(
      'C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
    expect(scriptOf(grant.command!)).toContain(
      "$psi.FileName = 'C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'",
    );
  });

  it.each([
    ['SystemRoot', { SystemRoot: FAKE_ROOT, windir: 'C:\\Windows' }],
    ['windir', { SystemRoot: 'C:\\Windows', windir: FAKE_ROOT }],
  ])(
    'is refused when %s points at a folder of the user’s, and says what to do',
    async (name, env) => {
      expect(await refusalOf(planGrant(env, 'C:\\WINDOWS\\system32'))).toMatch(
        `The ${name} environment variable says Windows is in ${FAKE_ROOT}, but Windows is in C:\\WINDOWS. Pip Doctor will not run programs from ${FAKE_ROOT} as administrator`,
      );
    },
  );

  it('is refused when the probe could not say where Windows is (a probe recorded before it asked)', async () => {
    expect(await refusalOf(planGrant({ SystemRoot: 'C:\\Windows' }, null))).toMatch(
      /could not ask Windows where its own programs are/,
    );
    expect(refusalIn(() => trustedSystemRoot({}, 'C:\\Users\\ana\\System33'))).toMatch(
      /not a System32 folder/,
    );
  });
});
