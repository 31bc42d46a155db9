import { english } from '../../../support/english';
import { isMessage } from '../../../../electron/shared/i18n/message';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ADMIN_FOLDER,
  ELEVATED_FILES,
  FOLDER_REFUSED,
  SCRIPT_CHANGED,
  SHELL_EXECUTE_MAX_PARAMETERS,
  adminFolderName,
  elevatedCommand,
  interpretElevatedRun,
  readElevatedAnswer,
} from '../../../../electron/platform/windows/elevatedWindows';
import type { AdminFolderLines } from '../../../../electron/platform/windows/elevatedWindows';
import {
  encodeScript,
  powershellCommand,
  psLiteral,
  scriptOf,
} from '../../../../electron/platform/windows/powershell';
import type { Command } from '../../../../electron/shared/actionModel';
import { findPwsh, pwshTitle, runPwsh } from '../../../support/pwsh';

/** A failed elevated run's words as an English-speaking user reads them. */
function failureWords(answer: { kind: string; message?: unknown }): string {
  return 'message' in answer && isMessage(answer.message) ? english(answer.message) : '';
}

/**
 * The scripts Pip Doctor runs on Windows around its fixes, run here by the
 * real PowerShell: the plain-errors wrapper every -EncodedCommand run gets,
 * several programs in turn under one administrator prompt, and the UAC
 * outer script with its hash-checked bootstrap. What only Windows has is
 * taken out and said so: the `runas` verb (UAC itself) becomes a plain
 * start, and powershell.exe is pwsh. .NET on Linux splits a command line
 * string by the same rules as Windows (ProcessStartInfo.Arguments), so the
 * quoting of every command line here is exercised for real.
 */

const pwsh = findPwsh();
const SYSTEM_ROOT = 'C:\\Windows';
const work = mkdtempSync(join(tmpdir(), 'pip-doctor-elevated-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A command as pwsh on Linux runs it: the same arguments, pwsh for powershell.exe. */
function onLinux(command: Command): [string, string[]] {
  expect(command.program).toBe(`${SYSTEM_ROOT}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`);
  return [pwsh!, command.args];
}

async function run(command: Command) {
  const [program, args] = onLinux(command);
  // runPwsh adds -NoProfile -NonInteractive itself; the command's own flags follow and repeat them.
  return runPwsh(program, args);
}

/** Prints its arguments as JSON: the program a fix would run (python.exe, icacls.exe). */
const ARGV_PRINTER = join(work, 'print argv.py');
writeFileSync(
  ARGV_PRINTER,
  'import json, sys\nprint(json.dumps(sys.argv[1:]))\nsys.exit(int(sys.argv[1]) if sys.argv[1:] and sys.argv[1].isdigit() else 0)\n',
);
const printArgs = (...args: string[]): Command => ({
  program: 'python3',
  args: [ARGV_PRINTER, ...args],
  env: {},
});

const HOSTILE_ARGS = [
  "O'Neil \u2018a\u2019 \u201Ab\u201B",
  'say "hi" \\"there\\" trailing\\',
  'C:\\Program Files\\Python312\\',
  '$env:PATH $(whoami) `n ; & %PATH% @x #y',
  '\u00E9t\u00E9 \u4E2D\u6587',
  '',
  '-m',
];

describe.skipIf(pwsh === null)(pwshTitle('Scripts run with -EncodedCommand', pwsh), () => {
  it('report an error as its plain message and exit code 1, never as CLIXML', async () => {
    const result = await run(
      powershellCommand(
        SYSTEM_ROOT,
        "Write-Output 'before'\nWrite-Error 'The folder is gone'\nWrite-Output 'after'",
      ),
    );
    expect(result.stderr).not.toContain('CLIXML');
    expect(result.stderr.trim()).toBe('The folder is gone');
    expect(result.exitCode).toBe(1);
    // A non-terminating error stops the script: nothing after it runs as if all were well.
    expect(result.stdout.trim()).toBe('before');
  });

  it('keep the script’s own exit code and the exit code of a failed program it runs', async () => {
    expect((await run(powershellCommand(SYSTEM_ROOT, 'exit 7'))).exitCode).toBe(7);
    const failed = await run(
      powershellCommand(
        SYSTEM_ROOT,
        `& ${psLiteral('python3')} ${psLiteral(ARGV_PRINTER)} 3\nexit $LASTEXITCODE`,
      ),
    );
    expect(failed.exitCode).toBe(3);
    expect(failed.stderr).toBe('');
  });
});

describe.skipIf(pwsh === null)(pwshTitle('The UAC step, all but the prompt', pwsh), () => {
  /** The outer script with UAC taken out: started plainly, by pwsh, with the same parameters. */
  function withoutUac(outer: string): string {
    const lines = outer.split('\n');
    const swap = (from: string, to: string) => {
      const index = lines.indexOf(from);
      expect(index, `the outer script has the line ${from}`).toBeGreaterThanOrEqual(0);
      lines[index] = to;
    };
    swap("$psi.Verb = 'runas'", '$psi.Verb = $null');
    swap('$psi.UseShellExecute = $true', '$psi.UseShellExecute = $false');
    swap(
      `$psi.FileName = ${psLiteral(`${SYSTEM_ROOT}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`)}`,
      `$psi.FileName = ${psLiteral(pwsh!)}`,
    );
    return lines.join('\n');
  }

  function outputFolder(name: string): string {
    const folder = join(work, `Ana O'Neil \u2019s $data`, name);
    mkdirSync(folder, { recursive: true });
    return folder;
  }

  /**
   * What only Windows has, named: ProgramData is a folder of the test's (the
   * known-folder call answers /usr/share here), folders are made without an
   * ACL, and the owner check, which has no Linux counterpart, is left out.
   * The link check on every part of the path is the script's own and runs.
   */
  const programData = join(work, 'ProgramData');
  mkdirSync(programData, { recursive: true });
  const ON_LINUX: AdminFolderLines = {
    programData: `$base = ${psLiteral(programData)}`,
    newAdminFolder:
      'function New-AdminFolder([string]$path) { [void][IO.Directory]::CreateDirectory($path) }',
    protectAdminFolder: 'function Protect-AdminFolder([string]$path) { }',
  };
  /** The elevated side's folder for a step whose own folder is `folder`. */
  const adminFolder = (folder: string) =>
    join(programData, ...ADMIN_FOLDER, adminFolderName(folder));

  const read = (folder: string, name: string) => {
    try {
      return readFileSync(join(folder, name), 'utf8');
    } catch {
      return null;
    }
  };

  /** A script run the way the app runs its scripts: -EncodedCommand. */
  const runScript = (script: string) => runPwsh(pwsh!, ['-EncodedCommand', encodeScript(script)]);

  /** The outer script as the app runs it, its answer read the way runPlanned reads it. */
  async function runOuter(outer: string) {
    const result = await runScript(withoutUac(outer));
    return { answer: interpretElevatedRun(readElevatedAnswer(result)), exitCode: result.exitCode };
  }

  it('writes the script, checks its hash, runs the program with every argument intact, and reads its answer back', async () => {
    const folder = outputFolder('install');
    // Far more than fits in a ShellExecuteEx command line: the file carries it.
    const args = ['4', ...HOSTILE_ARGS, ...Array.from({ length: 150 }, (_, i) => `argument ${i}`)];
    const elevated = elevatedCommand(
      printArgs(...args),
      folder,
      SYSTEM_ROOT,
      'utf8',
      '3344172',
      ON_LINUX,
    );
    expect(elevated.elevatedScript.length).toBeGreaterThan(SHELL_EXECUTE_MAX_PARAMETERS);
    const { answer } = await runOuter(scriptOf(elevated.command)!);
    expect(answer).toMatchObject({ kind: 'ran', exitCode: 4, stderr: '' });
    expect(answer.kind === 'ran' && JSON.parse(answer.stdout)).toEqual(args);
    // The owner window goes with the start, so the prompt opens in front of the app.
    expect(elevated.script).toContain('$psi.ErrorDialog = $true');
    expect(elevated.script).toContain('$psi.ErrorDialogParentHandle = [IntPtr]3344172');
  });

  it('starts the elevated side with a command line ShellExecuteEx takes, however long the script', () => {
    const longFolder = `C:\\Users\\${'A'.repeat(60)}\\AppData\\Roaming\\Pip Doctor\\actions\\act-00000000000000a1\\grant`;
    const many = printArgs(
      ...Array.from({ length: 200 }, (_, index) => `argument number ${index}`),
    );
    const elevated = elevatedCommand(many, longFolder, SYSTEM_ROOT, 'oem', '3344172');
    expect(elevated.elevatedScript.length).toBeGreaterThan(SHELL_EXECUTE_MAX_PARAMETERS);
    expect(elevated.elevatedParameters.length).toBeLessThan(SHELL_EXECUTE_MAX_PARAMETERS / 2);
  });

  it('runs nothing when the script file was changed after it was written', async () => {
    const folder = outputFolder('tampered');
    const elevated = elevatedCommand(
      printArgs('0', 'ran'),
      folder,
      SYSTEM_ROOT,
      'utf8',
      null,
      ON_LINUX,
    );
    // The file another program of the user's put there instead of the one Pip Doctor wrote.
    writeFileSync(
      join(folder, ELEVATED_FILES.script),
      `${elevated.elevatedScript}\nWrite-Output 'one more line'`,
    );
    // Started as the outer script starts it: the parameters as one command line string.
    const bootstrap = await runScript(
      [
        '$psi = New-Object System.Diagnostics.ProcessStartInfo',
        `$psi.FileName = ${psLiteral(pwsh!)}`,
        `$psi.Arguments = ${psLiteral(elevated.elevatedParameters)}`,
        '$psi.UseShellExecute = $false',
        '$p = [Diagnostics.Process]::Start($psi)',
        '$p.WaitForExit()',
        'exit $p.ExitCode',
      ].join('\n'),
    );
    expect(bootstrap.exitCode).toBe(SCRIPT_CHANGED);
    expect(read(adminFolder(folder), ELEVATED_FILES.exitCode)).toBeNull();
    const changed = interpretElevatedRun({
      outerExitCode: SCRIPT_CHANGED,
      outerStderr: '',
      exitCodeFile: null,
      stdoutFile: null,
      stderrFile: null,
      errorFile: null,
    });
    expect(changed.kind).toBe('failed');
    expect(failureWords(changed)).toMatch(/was changed before it could run/);
  });

  it('says why when the outer script cannot write the script file, in plain words', async () => {
    const missing = join(work, 'no such folder', 'grant');
    const elevated = elevatedCommand(printArgs('0'), missing, SYSTEM_ROOT, 'utf8');
    const result = await runScript(withoutUac(scriptOf(elevated.command)!));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).not.toContain('CLIXML');
    expect(result.stderr).toMatch(/Could not find a part of the path/);
  });

  it('writes its answer only in its own folder under ProgramData, never in the user’s folder, even when that is a link', async () => {
    // The user's folder for the step, swapped for a link to a folder of the system's.
    const victim = join(work, 'system-folder');
    mkdirSync(victim, { recursive: true });
    const folder = join(outputFolder('linked'), 'step');
    symlinkSync(victim, folder);
    const elevated = elevatedCommand(
      printArgs('0', 'ran'),
      folder,
      SYSTEM_ROOT,
      'utf8',
      null,
      ON_LINUX,
    );
    const { answer } = await runOuter(scriptOf(elevated.command)!);
    expect(answer).toMatchObject({ kind: 'ran', exitCode: 0 });
    // Only the script file the outer script (the user's own PowerShell) wrote went through the link.
    expect(readdirSync(victim)).toEqual([ELEVATED_FILES.script]);
    expect(readdirSync(adminFolder(folder)).sort()).toEqual(
      [ELEVATED_FILES.exitCode, ELEVATED_FILES.stderr, ELEVATED_FILES.stdout].sort(),
    );
  });

  it.each([0, 1, 2])(
    'runs nothing when part %i of its folder under ProgramData is a link, and says what to do',
    async (part) => {
      const folder = outputFolder(`refused-${part}`);
      const names = [...ADMIN_FOLDER, adminFolderName(folder)];
      const victim = join(work, `victim-${part}`);
      mkdirSync(victim, { recursive: true });
      const above = join(programData, ...names.slice(0, part));
      mkdirSync(above, { recursive: true });
      const link = join(above, names[part]!);
      rmSync(link, { recursive: true, force: true });
      symlinkSync(victim, link);
      try {
        const marker = join(work, `ran-${part}`);
        const program: Command = {
          program: 'python3',
          args: ['-c', `open(${JSON.stringify(marker)}, "w")`],
          env: {},
        };
        const elevated = elevatedCommand(program, folder, SYSTEM_ROOT, 'utf8', null, ON_LINUX);
        const { answer, exitCode } = await runOuter(scriptOf(elevated.command)!);
        expect(exitCode).toBe(FOLDER_REFUSED);
        expect(answer.kind).toBe('failed');
        expect(failureWords(answer)).toMatch(/delete the PipDoctor folder in ProgramData/);
        expect(existsSync(marker)).toBe(false);
        expect(readdirSync(victim)).toEqual([]);
      } finally {
        rmSync(link);
      }
    },
  );

  it('never passes an earlier attempt’s answer off as this one’s', async () => {
    const folder = outputFolder('retry');
    const own = adminFolder(folder);
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, ELEVATED_FILES.exitCode), '0');
    writeFileSync(join(own, ELEVATED_FILES.stdout), 'the earlier run');
    const missing: Command = { program: join(work, 'no-such-program'), args: [], env: {} };
    const elevated = elevatedCommand(missing, folder, SYSTEM_ROOT, 'utf8', null, ON_LINUX);
    const { answer } = await runOuter(scriptOf(elevated.command)!);
    expect(answer.kind).toBe('failed');
    expect(failureWords(answer)).toMatch(/no-such-program/);
  });
});
