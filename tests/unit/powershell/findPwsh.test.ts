import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPwsh, PWSH_SKIP_REASON, pwshTitle } from '../../support/pwsh';

/** Where the tests look for pwsh, and what they say when it is missing: a plain Node machine must pass. */
describe('finding PowerShell 7 for the tests', () => {
  const root = mkdtempSync(join(tmpdir(), 'pip-doctor-find-pwsh-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function fakePwsh(...parts: string[]): string {
    const folder = join(root, ...parts);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, 'pwsh');
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, 0o755);
    return path;
  }

  const dotnetHome = join(root, 'home-with-dotnet');
  const dotnetTool = fakePwsh('home-with-dotnet', '.dotnet', 'tools');
  const onPath = fakePwsh('bin');
  const override = fakePwsh('override');
  const emptyHome = join(root, 'home-without');

  it('takes PIP_DOCTOR_PWSH first, and only it when it is set', () => {
    expect(findPwsh({ PIP_DOCTOR_PWSH: override, PATH: join(root, 'bin') }, dotnetHome)).toBe(
      override,
    );
    // A wrong setting is noticed, not papered over by another pwsh.
    expect(
      findPwsh({ PIP_DOCTOR_PWSH: join(root, 'missing'), PATH: join(root, 'bin') }, dotnetHome),
    ).toBeNull();
  });

  it('then the .NET global tool, then PATH', () => {
    expect(findPwsh({ PATH: join(root, 'bin') }, dotnetHome)).toBe(dotnetTool);
    expect(findPwsh({ PATH: `/nonexistent:${join(root, 'bin')}` }, emptyHome)).toBe(onPath);
    expect(findPwsh({ PATH: '/nonexistent' }, emptyHome)).toBeNull();
    expect(findPwsh({}, emptyHome)).toBeNull();
  });

  it('names the install command in the title of tests it skips', () => {
    expect(pwshTitle('parses the probe', null, {})).toBe(
      `parses the probe (skipped: ${PWSH_SKIP_REASON})`,
    );
    expect(pwshTitle('parses the probe', null, { PIP_DOCTOR_PWSH: '/opt/pwsh' })).toBe(
      'parses the probe (skipped: PIP_DOCTOR_PWSH=/opt/pwsh is not an executable pwsh)',
    );
    expect(PWSH_SKIP_REASON).toContain('dotnet tool install --global PowerShell --version 7.6.10');
    expect(pwshTitle('parses the probe', '/usr/bin/pwsh')).toBe('parses the probe');
  });
});
