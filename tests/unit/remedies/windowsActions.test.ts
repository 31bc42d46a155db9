import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ActionService } from '../../../electron/remedies/run/actionService';
import { buildRecipe } from '../../../electron/remedies/planning/buildRecipe';
import { undoRecipe } from '../../../electron/remedies/planning/undoPlan';
import { interpretElevatedRun } from '../../../electron/platform/windows/elevatedWindows';
import { parseLongPathsQuery } from '../../../electron/platform/windows/longPaths';
import { psLiteral } from '../../../electron/platform/windows/powershell';
import { parseUserPathResult } from '../../../electron/platform/windows/userPathScript';
import { quoteWindowsArgument } from '../../../electron/platform/windows/windowsArguments';
import { createPosixSystemProbe } from '../../../electron/platform/posix/posixSystemProbe';
import { historyAfter, windowsUndoContext } from './windowsHistory';
import type { RunHistory } from '../../../electron/remedies/run/replayJournal';
import {
  DATA_DIR,
  HOME,
  POWERSHELL,
  PROJECT,
  PYTHON,
  SITE,
  USER_SCRIPTS,
  WINDOWS_DIAGNOSIS,
  windowsPlanContext,
} from './windowsScan';
import { fixture, scriptOf, unwrapUac } from './windowsScripts';
import { osTraits } from '../../../electron/platform/osTraits';
import { dotnetTicks } from '../../../electron/platform/windows/closeProcessesScript';
import { english } from '../../support/english';
import { refusalOf } from '../../support/refusal';

/**
 * Windows actions cannot run here. What is pinned instead: the exact program
 * and arguments each plan would run, the PowerShell inside every
 * -EncodedCommand (compared with reviewed scripts in the fixtures), and the
 * parsing of outputs in the formats Windows prints. Nothing pretends to run.
 */

const REG = 'C:\\Windows\\System32\\reg.exe';
const RUN_FOLDER = `${DATA_DIR}\\actions\\act-00000000000000a1`;
/** An undo plan as the service builds it: from the run's facts, checked against the Windows scan. */
const undoOf = (run: RunHistory) => undoRecipe(run, windowsUndoContext(run));

describe('elevated-install through UAC', () => {
  test('runs PowerShell, which starts an elevated PowerShell that runs python -m pip and writes its output to files', async () => {
    const recipe = await buildRecipe(
      windowsPlanContext({
        remedy: 'elevated-install',
        installId: 'py-0123456789ab',
        packageName: 'requests',
      }),
    );
    const [step] = recipe.plan.steps;
    expect(recipe.plan.needsElevation).toBe(true);
    expect(step!.elevated).toBe(true);
    expect(step!.command!.program).toBe(POWERSHELL);
    const { outer, elevated } = unwrapUac(step!.command);
    expect(outer).toBe(fixture('uac-outer.ps1'));
    expect(elevated).toBe(fixture('uac-pip-install.elevated.ps1'));
    expect(step!.script).toContain(elevated);
    expect(recipe.specs[0]!.spec).toMatchObject({
      kind: 'pip-install',
      run: { elevation: 'uac', outputDir: `${RUN_FOLDER}\\install`, outputEncoding: 'utf8' },
    });

    // Asked for, the dry run comes first and needs no administrator rights.
    const checked = await buildRecipe(
      windowsPlanContext({
        remedy: 'elevated-install',
        installId: 'py-0123456789ab',
        packageName: 'requests',
        dryRunFirst: true,
      }),
    );
    expect(checked.plan.steps.map((s) => [s.id, s.elevated, s.command?.program])).toEqual([
      ['dry-run', false, PYTHON],
      ['install', true, POWERSHELL],
    ]);
    expect(checked.plan.steps[0]!.command?.args).toEqual([
      '-m',
      'pip',
      'install',
      '--dry-run',
      'requests',
    ]);
  });

  test('reads the elevated side’s files back: ran, failed, declined (code 1223 or the English words), or silent', () => {
    const files = (folder: string) => ({
      exitCodeFile: fixture(join(folder, 'exit-code.txt')),
      stdoutFile: fixture(join(folder, 'stdout.txt')),
      stderrFile: fixture(join(folder, 'stderr.txt')),
      errorFile: null,
    });
    expect(
      interpretElevatedRun({
        outerExitCode: 0,
        outerStderr: '',
        ...files('elevated-pip-install-ok'),
      }),
    ).toMatchObject({
      kind: 'ran',
      exitCode: 0,
      stdout: expect.stringContaining('Successfully installed requests-2.32.3'),
    });
    expect(
      interpretElevatedRun({
        outerExitCode: 1,
        outerStderr: '',
        ...files('elevated-pip-install-failed'),
      }),
    ).toMatchObject({
      kind: 'ran',
      exitCode: 1,
      stderr: expect.stringContaining('[WinError 32]'),
    });
    const nothing = { exitCodeFile: null, stdoutFile: null, stderrFile: null, errorFile: null };
    expect(interpretElevatedRun({ outerExitCode: 1223, outerStderr: '', ...nothing })).toEqual({
      kind: 'declined',
    });
    expect(
      interpretElevatedRun({
        outerExitCode: 1,
        outerStderr: fixture('uac-declined.stderr.txt'),
        ...nothing,
      }),
    ).toEqual({ kind: 'declined' });
    const failed = interpretElevatedRun({
      outerExitCode: 1,
      outerStderr: '',
      ...nothing,
      errorFile: 'Access to the path is denied.',
    });
    expect(failed.kind === 'failed' && english(failed.message)).toBe(
      'The administrator step failed: Access to the path is denied.',
    );
    expect(interpretElevatedRun({ outerExitCode: -1, outerStderr: '', ...nothing })).toMatchObject({
      kind: 'failed',
    });
  });
});

/** The arguments the elevated script starts its program with: plain words here (-EncodedCommand and base64). */
function programArgs(elevated: string): string[] {
  const line = elevated
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text.startsWith('$psi.Arguments = '));
  if (!line) throw new Error('the elevated script sets no arguments');
  return line.slice("$psi.Arguments = '".length, -1).split(' ');
}

describe('grant-access with icacls', () => {
  test('saves the ACL of every folder pip may not write (site-packages and Scripts) into the elevated side’s own folder, then grants Modify to the user’s SID, in one administrator step', async () => {
    const recipe = await buildRecipe(
      windowsPlanContext({ remedy: 'grant-access', installId: 'py-0123456789ab' }),
    );
    const SCRIPTS = 'C:\\Program Files\\Python312\\Scripts';
    expect(recipe.plan.steps.map((step) => [step.id, step.elevated])).toEqual([['grant', true]]);
    const [grant] = recipe.plan.steps;
    // Nothing of the backup goes through the user's own folders any more.
    expect(JSON.stringify(recipe.specs)).not.toContain('acl-backup');
    const elevated = unwrapUac(grant!.command).elevated;
    expect(elevated).toBe(fixture('uac-icacls-grant.elevated.ps1'));
    const saveThenGrant = scriptOf({ program: POWERSHELL, args: programArgs(elevated), env: {} });
    expect(saveThenGrant).toContain(
      "$base = [Environment]::GetFolderPath('CommonApplicationData')",
    );
    expect(saveThenGrant).toContain(
      `  ,@('${SITE}', 'acl-backup.txt')\n  ,@('${SCRIPTS}', 'acl-backup-2.txt')`,
    );
    expect(saveThenGrant.indexOf('/save')).toBeLessThan(saveThenGrant.indexOf('/grant'));
    expect(recipe.specs[0]!.spec).toMatchObject({ kind: 'grant-acl', folders: [SITE, SCRIPTS] });
    expect(recipe.verify).toEqual([
      { kind: 'writable', folder: SITE },
      { kind: 'writable', folder: SCRIPTS },
    ]);

    // Asked for one folder, only that one.
    const one = await buildRecipe(
      windowsPlanContext({
        remedy: 'grant-access',
        installId: 'py-0123456789ab',
        folderRole: 'scripts',
      }),
    );
    expect(one.specs[0]!.spec).toMatchObject({ folders: [SCRIPTS] });

    // After it ran, Undo restores from the elevated folder, checking the hashes the grant printed.
    const hashes = { site: 'A'.repeat(64), scripts: 'B'.repeat(64) };
    const undo = await undoOf(
      historyAfter(recipe, {
        grant: {
          data: {
            backups: [
              { folder: SITE, file: 'acl-backup.txt', sha256: hashes.site },
              { folder: SCRIPTS, file: 'acl-backup-2.txt', sha256: hashes.scripts },
            ],
          },
        },
      }),
    );
    expect(undo.plan.steps.map((step) => step.id)).toEqual(['undo-grant']);
    const restoreElevated = unwrapUac(undo.plan.steps[0]!.command).elevated;
    expect(restoreElevated).toBe(fixture('uac-icacls-restore.elevated.ps1'));
    const restore = scriptOf({ program: POWERSHELL, args: programArgs(restoreElevated), env: {} });
    expect(restore).toContain(
      `,@('C:\\Program Files\\Python312\\Lib', 'acl-backup.txt', '${hashes.site}')`,
    );

    // The journal is the user's file: a backup edited to name another folder is refused, not restored there.
    expect(
      await refusalOf(
        undoOf(
          historyAfter(recipe, {
            grant: {
              data: {
                backups: [
                  { folder: 'C:\\Windows\\System32', file: 'acl-backup.txt', sha256: hashes.site },
                ],
              },
            },
          }),
        ),
      ),
    ).toMatch(/a folder of this Python/);

    // Without the recorded hashes there is nothing Undo may restore.
    const unrecorded = await undoOf(historyAfter(recipe, { grant: {} })).catch(
      (error: Error) => error,
    );
    expect(unrecorded instanceof Error ? [] : unrecorded.plan.steps).toEqual([]);
  });

  test('is refused when the user’s SID is unknown (account names are localised)', async () => {
    expect(
      await refusalOf(
        buildRecipe({
          ...windowsPlanContext({ remedy: 'grant-access', installId: 'py-0123456789ab' }),
          userSid: null,
        }),
      ),
    ).toMatch(/could not find out which Windows account/);
  });
});

describe('user-install and the user PATH', () => {
  test('pip install --user, then the Scripts folder into HKCU\\Environment Path through .NET, never setx', async () => {
    const recipe = await buildRecipe(
      windowsPlanContext({
        remedy: 'user-install',
        installId: 'py-0123456789ab',
        packageName: 'black',
      }),
    );
    const [install, path] = recipe.plan.steps;
    expect(install!.command).toEqual({
      program: PYTHON,
      args: ['-m', 'pip', 'install', '--user', 'black'],
      env: { PIP_NO_INPUT: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1', PYTHONIOENCODING: 'utf-8' },
    });
    expect(path!.elevated).toBe(false);
    const script = scriptOf(path!.command);
    expect(script).toBe(fixture('user-path-add.ps1'));
    expect(script).not.toMatch(/setx/i);
    expect(path!.script).toBe(script);

    const recorded = parseUserPathResult(fixture('user-path-add.stdout.txt'));
    expect(recorded).toEqual({ changed: true, entry: USER_SCRIPTS, kind: 'ExpandString' });
    const undo = await undoOf(
      historyAfter(recipe, {
        install: { before: { pip: '24.0' }, data: { added: ['black', 'click'], changed: [] } },
        'user-path': { data: recorded },
      }),
    );
    expect(undo.plan.steps.map((step) => step.id)).toEqual(['undo-user-path', 'undo-install']);
    expect(scriptOf(undo.plan.steps[0]!.command)).toBe(fixture('user-path-remove.ps1'));
    expect(undo.plan.steps[1]!.command?.args).toEqual([
      '-m',
      'pip',
      'uninstall',
      '-y',
      'black',
      'click',
    ]);
  });

  test('takes nothing off PATH when the folder was on it already', async () => {
    const recipe = await buildRecipe(
      windowsPlanContext({
        remedy: 'user-install',
        installId: 'py-0123456789ab',
        packageName: 'black',
      }),
    );
    const undo = await undoOf(
      historyAfter(recipe, {
        install: { data: { added: ['black'], changed: [] } },
        'user-path': { data: { changed: false, entry: USER_SCRIPTS, kind: 'ExpandString' } },
      }),
    );
    expect(undo.plan.steps.map((step) => step.id)).toEqual(['undo-install']);
  });
});

describe('enable-long-paths', () => {
  test('reads the value first, sets it as administrator through reg.exe in the 64-bit view', async () => {
    const recipe = await buildRecipe(
      windowsPlanContext({ remedy: 'enable-long-paths', installId: 'py-0123456789ab' }),
    );
    const [read, enable] = recipe.plan.steps;
    expect(read!.command).toEqual({
      program: REG,
      args: [
        'query',
        'HKLM\\SYSTEM\\CurrentControlSet\\Control\\FileSystem',
        '/v',
        'LongPathsEnabled',
        '/reg:64',
      ],
      env: {},
    });
    expect(unwrapUac(enable!.command).elevated).toBe(fixture('uac-reg-long-paths.elevated.ps1'));
    expect(english(recipe.plan.instructions[0]!.title)).toContain('Open a new terminal');
  });

  test('parses reg query, and Undo puts back exactly what was there: a value, or none', async () => {
    expect(parseLongPathsQuery(0, fixture('reg-query-long-paths-0.txt'))).toBe(0);
    expect(parseLongPathsQuery(0, fixture('reg-query-long-paths-1.txt'))).toBe(1);
    expect(parseLongPathsQuery(1, '')).toBeNull();
    expect(parseLongPathsQuery(0, 'Zugriff verweigert')).toBeUndefined();

    const recipe = await buildRecipe(
      windowsPlanContext({ remedy: 'enable-long-paths', installId: 'py-0123456789ab' }),
    );
    const wasZero = await undoOf(
      historyAfter(recipe, { 'read-setting': { data: { previous: 0 } }, enable: {} }),
    );
    expect(unwrapUac(wasZero.plan.steps[0]!.command).elevated).toContain(
      "$psi.Arguments = 'add HKLM\\SYSTEM\\CurrentControlSet\\Control\\FileSystem /v LongPathsEnabled /t REG_DWORD /d 0 /f /reg:64'",
    );
    const wasUnset = await undoOf(
      historyAfter(recipe, { 'read-setting': { data: { previous: null } }, enable: {} }),
    );
    expect(unwrapUac(wasUnset.plan.steps[0]!.command).elevated).toContain(
      "$psi.Arguments = 'delete HKLM\\SYSTEM\\CurrentControlSet\\Control\\FileSystem /v LongPathsEnabled /f /reg:64'",
    );
  });

  test('is refused where it means nothing: on Linux, and where long paths are on already', async () => {
    expect(
      await refusalOf(
        buildRecipe({
          ...windowsPlanContext({ remedy: 'enable-long-paths', installId: 'py-0123456789ab' }),
          os: osTraits('linux'),
        }),
      ),
    ).toMatch(/Windows setting/);
    const enabled = {
      ...WINDOWS_DIAGNOSIS,
      settings: { ...WINDOWS_DIAGNOSIS.settings, longPathsEnabled: true },
    };
    expect(
      await refusalOf(
        buildRecipe(
          windowsPlanContext(
            { remedy: 'enable-long-paths', installId: 'py-0123456789ab' },
            enabled,
          ),
        ),
      ),
    ).toMatch(/already enabled/);
  });
});

describe('close-processes on Windows', () => {
  test('each pid checked by its start time and closed through that same handle; never its children (no taskkill /T); Windows’ own processes left alone', async () => {
    const recipe = await buildRecipe(
      windowsPlanContext({ remedy: 'close-processes', installId: 'py-0123456789ab' }),
    );
    const [graceful, force] = recipe.plan.steps;
    const holder = WINDOWS_DIAGNOSIS.processes.find((process) => process.pid === 8132)!;
    for (const step of [graceful!, force!]) {
      expect(step.command!.program).toBe(
        'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      );
      const script = scriptOf(step.command!)!;
      expect(script).not.toMatch(/taskkill|\/T\b/i);
      // The scan's start time goes with the pid, checked through the handle that then closes it.
      expect(script).toContain(
        `@{ Id = 8132; Start = ${dotnetTicks(Date.parse(holder.startTime))} }`,
      );
      expect(script.indexOf('$p.Handle')).toBeLessThan(script.indexOf('$p.StartTime'));
    }
    expect(scriptOf(graceful!.command!)).toContain('$p.CloseMainWindow()');
    expect(scriptOf(graceful!.command!)).not.toContain('Kill(');
    expect(scriptOf(force!.command!)).toContain('$p.Kill()');
    expect(english(force!.changes!)).toContain('programs they started are left running');
    expect(english(force!.confirmation!)).toMatch(/by force/);
    // What closing loses comes first in the warning box; then what is left alone, and why.
    expect(english(recipe.plan.warnings[0]!)).toMatch(
      /^Unsaved work in these programs will be lost/,
    );
    expect(english(recipe.plan.warnings[1]!)).toBe(
      'System (pid 4) is left alone: it is part of Windows.',
    );
  });
});

describe('venv and upgrade-pip on Windows', () => {
  test('venv: Scripts\\python.exe, and activation for PowerShell and cmd', async () => {
    const recipe = await buildRecipe(
      windowsPlanContext({ remedy: 'venv', installId: 'py-0123456789ab', packageName: 'numpy' }),
    );
    const venv = `${PROJECT}\\.venv`;
    expect(recipe.plan.steps.map((step) => [step.command?.program, step.command?.args])).toEqual([
      [PYTHON, ['-m', 'venv', venv]],
      [`${venv}\\Scripts\\python.exe`, ['-m', 'pip', 'install', 'numpy']],
    ]);
    expect(
      recipe.plan.instructions.map((instruction) => [
        instruction.where,
        typeof instruction.text === 'string' ? instruction.text : english(instruction.text),
      ]),
    ).toEqual([
      [
        'powershell',
        `& 'C:\\Users\\Ana O''Neil\\Documents\\my project\\.venv\\Scripts\\Activate.ps1'`,
      ],
      ['powershell', 'Set-ExecutionPolicy -Scope CurrentUser RemoteSigned'],
      ['cmd', `"C:\\Users\\Ana O'Neil\\Documents\\my project\\.venv\\Scripts\\activate.bat"`],
      ['vscode', expect.stringContaining(`${venv}\\Scripts\\python.exe`)],
    ]);
  });

  test('upgrade-pip: python.exe -m pip, never pip.exe, as administrator where site-packages is locked', async () => {
    const recipe = await buildRecipe(
      windowsPlanContext({ remedy: 'upgrade-pip', installId: 'py-0123456789ab' }),
    );
    const elevated = unwrapUac(recipe.plan.steps[0]!.command).elevated;
    expect(elevated).toContain(`$psi.FileName = 'C:\\Program Files\\Python312\\python.exe'`);
    expect(elevated).toContain("$psi.Arguments = '-m pip install --upgrade pip setuptools wheel'");
    expect(elevated).not.toMatch(/pip\.exe/);
  });

  test('a plan for Windows is never run on another system', async () => {
    const service = new ActionService({
      probe: createPosixSystemProbe(),
      dataDir: DATA_DIR,
      env: { SystemRoot: 'C:\\Windows' },
      projectDir: PROJECT,
      homeDir: HOME,
      onProgress: () => undefined,
    });
    service.useDiagnosis('scan-00000000000000a1', {
      ...WINDOWS_DIAGNOSIS,
      scannedAt: new Date().toISOString(),
    });
    const plan = await service.plan({
      scanId: 'scan-00000000000000a1',
      remedy: 'venv',
      installId: 'py-0123456789ab',
      packageName: 'numpy',
    });
    expect(await refusalOf(service.run(plan.id))).toMatch(/made for another system/);
  });
});

describe('Windows quoting', () => {
  test('arguments as CommandLineToArgvW reads them back', () => {
    expect(quoteWindowsArgument('plain')).toBe('plain');
    expect(quoteWindowsArgument('C:\\Program Files\\x')).toBe('"C:\\Program Files\\x"');
    expect(quoteWindowsArgument('C:\\dir with space\\')).toBe('"C:\\dir with space\\\\"');
    expect(quoteWindowsArgument('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteWindowsArgument('a\\"b')).toBe('"a\\\\\\"b"');
    expect(quoteWindowsArgument('')).toBe('""');
  });

  test('PowerShell literals double every kind of single quote', () => {
    expect(psLiteral("Ana O'Neil")).toBe("'Ana O''Neil'");
    expect(psLiteral('O\u2019Neil')).toBe("'O\u2019\u2019Neil'");
    expect(psLiteral('$env:PATH `n')).toBe("'$env:PATH `n'");
  });
});
