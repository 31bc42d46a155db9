import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../support/repoPaths';
import { findPwsh, pwshTitle } from '../../support/pwsh';
import { readWorkflow } from '../../support/workflows';
import { scriptFactsOf } from './scriptFacts';

/**
 * The PowerShell the Windows workflow runs on its own (not the app's): it
 * cannot run here, since it makes a Windows account and a scheduled task,
 * but it must parse, and the workflow must still run it, so that the live
 * tests as a standard user cannot quietly disappear.
 */

const STANDARD_USER_SCRIPT = join(REPO, 'tests', 'windows-live', 'runAsStandardUser.ps1');
const pwsh = findPwsh();

describe('the Windows workflow', () => {
  it('runs the live probe tests as the runner’s administrator and again as a standard user', () => {
    const steps = Object.values(readWorkflow('windows.yml').jobs).flatMap((job) => job.steps);
    const runs = steps.map((step) => step.run ?? '');
    expect(runs).toContain('npx vitest run --config tests/windows-live/vitest.config.mts');
    const standard = steps.find((step) => step.run?.includes('runAsStandardUser.ps1'));
    expect(standard?.run).toBe('.\\tests\\windows-live\\runAsStandardUser.ps1');
  });

  it.skipIf(pwsh === null)(
    pwshTitle(
      'has a standard-user script that parses, runs the live tests and hands back their exit code',
      pwsh,
    ),
    async () => {
      const text = readFileSync(STANDARD_USER_SCRIPT, 'utf8');
      const [facts] = await scriptFactsOf(pwsh!, [text]);
      expect(facts!.errors).toEqual([]);
      const commands = new Set(facts!.commands.map((command) => command.name));
      for (const cmdlet of [
        'New-LocalUser',
        'Register-ScheduledTask',
        'Start-ScheduledTask',
        'Remove-LocalUser',
      ])
        expect(commands).toContain(cmdlet);
      expect(text).toContain('tests\\windows-live\\vitest.config.mts');
      expect(text).toContain('PIP_DOCTOR_EXPECT_STANDARD_USER=1');
      expect(text).toMatch(/\nexit \$code\s*$/);
    },
  );
});
