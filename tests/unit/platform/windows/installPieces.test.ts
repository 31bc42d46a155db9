import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InterpreterFacts } from '../../../../electron/platform/systemProbe';
import { interpreterFromLauncherTail } from '../../../../electron/platform/windows/launcherShebang';
import { searchPath } from '../../../../electron/platform/windows/pathSearch';
import { classifyAliasTarget, familyName } from '../../../../electron/platform/windows/storePython';
import { windowsInstallKind } from '../../../../electron/platform/windows/windowsInstallKind';
import type { CommandRunner } from '../../../../electron/platform/windows/commandRunner';
import { resolveCommands } from '../../../../electron/platform/windows/windowsTools';
import { WINDOWS_FIXTURES, RecordedFiles } from './support/recordedMachine';

const tail = (situation: string, file: string) =>
  readFileSync(join(WINDOWS_FIXTURES, situation, 'launchers', file));

/** A zip as distlib appends it: one stored __main__.py and its end record (no comment). */
function zipWithMain(): Buffer {
  const name = Buffer.from('__main__.py');
  const body = Buffer.from('import sys\n');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(name.length, 26);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(body.length, 22);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(name.length, 28);
  const directory = Buffer.concat([central, name]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(local.length + name.length + body.length, 16);
  return Buffer.concat([local, name, body, directory, end]);
}

const launcherBytes = Buffer.from('MZ\x90\x00 launcher code #!not-this-one\n', 'latin1');

describe('the interpreter a pip.exe launcher embeds', () => {
  it('reads launchers made by distlib 0.3.8 (pip 24.2) with its real t64.exe', () => {
    expect(interpreterFromLauncherTail(tail('all-users-not-elevated', 'pip.exe.tail'))).toBe(
      'C:\\Program Files\\Python312\\python.exe',
    );
    expect(interpreterFromLauncherTail(tail('venv-jupyter-vscode', 'pip-venv.exe.tail'))).toBe(
      'C:\\Users\\ana\\projects\\survey\\.venv\\Scripts\\python.exe',
    );
    expect(interpreterFromLauncherTail(tail('long-path', 'pip-venv.exe.tail'))).toBe(
      'C:\\Users\\ana\\Documents\\Course Material\\Semester 2\\Machine Learning\\Assignment 3\\environment\\.venv\\Scripts\\python.exe',
    );
  });

  it('reads the older layout (os.linesep between shebang and zip, lower-cased path) and UTF-8 paths', () => {
    const old = Buffer.concat([
      launcherBytes,
      Buffer.from(
        '#!c:\\users\\jürgen\\appdata\\local\\programs\\python\\python38\\python.exe\n\r\n',
        'utf8',
      ),
      zipWithMain(),
    ]);
    expect(interpreterFromLauncherTail(old)).toBe(
      'c:\\users\\jürgen\\appdata\\local\\programs\\python\\python38\\python.exe',
    );
  });

  it('takes the last shebang before the zip, not one inside the launcher code', () => {
    const launcher = Buffer.concat([
      launcherBytes,
      Buffer.from('#!"C:\\Program Files\\Python39\\python.exe" -X utf8\n'),
      zipWithMain(),
    ]);
    expect(interpreterFromLauncherTail(launcher)).toBe('C:\\Program Files\\Python39\\python.exe');
  });

  it('answers null for an exe without a shebang (a real program, or a uv trampoline)', () => {
    expect(
      interpreterFromLauncherTail(Buffer.concat([launcherBytes, Buffer.alloc(64)])),
    ).toBeNull();
    expect(interpreterFromLauncherTail(Buffer.from('#!/usr/bin/env python3\n'))).toBeNull();
  });
});

describe('App Execution Aliases', () => {
  it('tells the App Installer stub from the Store Python', () => {
    expect(
      classifyAliasTarget(
        'C:\\Program Files\\WindowsApps\\Microsoft.DesktopAppInstaller_1.21.3133.0_x64__8wekyb3d8bbwe\\AppInstallerPythonRedirector.exe',
      ),
    ).toEqual({ kind: 'store-stub' });
    expect(
      classifyAliasTarget(
        'C:\\Program Files\\WindowsApps\\PythonSoftwareFoundation.Python.3.12_3.12.2800.0_x64__qbz5n2kfra8p0\\python3.12.exe',
      ),
    ).toEqual({
      kind: 'store-python',
      packageFolder:
        'C:\\Program Files\\WindowsApps\\PythonSoftwareFoundation.Python.3.12_3.12.2800.0_x64__qbz5n2kfra8p0',
      familyName: 'PythonSoftwareFoundation.Python.3.12_qbz5n2kfra8p0',
    });
    expect(
      classifyAliasTarget('C:\\Program Files\\WindowsApps\\Microsoft.WindowsTerminal_1.21\\wt.exe'),
    ).toEqual({
      kind: 'other',
    });
    expect(classifyAliasTarget(null)).toEqual({ kind: 'unknown' });
  });

  it('derives the family name from a package full name', () => {
    expect(
      familyName('PythonSoftwareFoundation.Python.3.13_3.13.1008.0_arm64__qbz5n2kfra8p0'),
    ).toBe('PythonSoftwareFoundation.Python.3.13_qbz5n2kfra8p0');
  });
});

describe('searching PATH like where.exe', () => {
  it('walks PATH in order with every PATHEXT extension, case-insensitively, quotes and duplicates removed', async () => {
    const files = new RecordedFiles(
      {
        'C:\\Users\\Jürgen\\AppData\\Local\\Microsoft\\WindowsApps\\python.exe': {
          kind: 'alias',
          target: 'x',
        },
        'C:\\Program Files\\Python311\\python.exe': { kind: 'file' },
        'C:\\Tools\\python.bat': { kind: 'file' },
      },
      WINDOWS_FIXTURES,
    );
    const env = {
      Path: 'C:\\Tools;"C:\\Program Files\\Python311\\";C:\\Tools;;C:\\Users\\Jürgen\\AppData\\Local\\Microsoft\\WindowsApps',
      PATHEXT: '.COM;.EXE;.BAT;.CMD',
    };
    expect(await searchPath('python', env, files)).toEqual([
      'C:\\Tools\\python.bat',
      'C:\\Program Files\\Python311\\python.exe',
      'C:\\Users\\Jürgen\\AppData\\Local\\Microsoft\\WindowsApps\\python.exe',
    ]);
  });
});

describe('what where.exe printed, trusted only when it names real files', () => {
  /** where.exe writes in the console code page: on a Chinese Windows, GBK. */
  const USER = 'C:\\Users\\\u4F1F\u4E1A'; // 伟业: its GBK bytes (CE B0 D2 B5) are also valid UTF-8
  const PYTHON = `${USER}\\AppData\\Local\\Programs\\Python\\Python312\\python.exe`;
  const files = new RecordedFiles({ [PYTHON]: { kind: 'file' } }, WINDOWS_FIXTURES);
  const env = {
    PATH: `${USER}\\AppData\\Local\\Programs\\Python\\Python312\\;C:\\WINDOWS\\system32`,
    PATHEXT: '.COM;.EXE',
    SystemRoot: 'C:\\WINDOWS',
  };
  const whereWrote =
    (bytes: Buffer): CommandRunner =>
    async () => ({
      exitCode: 0,
      signal: null,
      // Decoded as the one runner decodes every program's output: UTF-8.
      stdout: bytes.toString('utf8'),
      stderr: '',
      timedOut: false,
      cancelled: false,
      truncated: false,
      spawnError: null,
      durationMs: 9,
    });

  it('looks a command up on PATH again when GBK bytes decoded as other letters name no file', async () => {
    const gbk = Buffer.concat([
      Buffer.from('C:\\Users\\'),
      Buffer.from([0xce, 0xb0, 0xd2, 0xb5]),
      Buffer.from('\\AppData\\Local\\Programs\\Python\\Python312\\python.exe\r\n'),
    ]);
    const mangled = gbk.toString('utf8');
    expect(mangled).not.toContain('\uFFFD');
    expect(mangled).toContain('C:\\Users\\\u03B0\u04B5'); // ΰҵ: decodable, and wrong
    const commands = await resolveCommands(env, { run: whereWrote(gbk), files }, ['python']);
    expect(commands.get('python')).toEqual([PYTHON]);
  });

  it('keeps where.exe’s answer when every line names a file that exists', async () => {
    const answer = Buffer.from(`${PYTHON}\r\n`, 'utf8');
    const run = whereWrote(answer);
    const empty = new RecordedFiles({ [PYTHON]: { kind: 'file' } }, WINDOWS_FIXTURES);
    // PATH is not read: where.exe's order stands (here PATH has nothing to find).
    const commands = await resolveCommands({ ...env, PATH: '' }, { run, files: empty }, ['python']);
    expect(commands.get('python')).toEqual([PYTHON]);
  });
});

describe('the kind of a Windows install', () => {
  const env = {
    LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local',
    APPDATA: 'C:\\Users\\ana\\AppData\\Roaming',
    USERPROFILE: 'C:\\Users\\ana',
    ProgramFiles: 'C:\\Program Files',
    'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  };
  const facts = (prefix: string, extra: Partial<InterpreterFacts> = {}): InterpreterFacts =>
    ({
      executable: `${prefix}\\python.exe`,
      realExecutable: `${prefix}\\python.exe`,
      prefix,
      inVenv: false,
      condaPrefix: false,
      ...extra,
    }) as InterpreterFacts;

  it.each<[string, InterpreterFacts, string]>([
    ['per-user', facts('C:\\Users\\ana\\AppData\\Local\\Programs\\Python\\Python312'), 'per-user'],
    ['Program Files', facts('C:\\Program Files\\Python312'), 'all-users'],
    ['Program Files (x86), 32-bit', facts('C:\\Program Files (x86)\\Python37-32'), 'all-users'],
    ['C:\\PythonXY', facts('C:\\Python311'), 'all-users'],
    [
      'the Store',
      facts(
        'C:\\Program Files\\WindowsApps\\PythonSoftwareFoundation.Python.3.12_3.12.2800.0_x64__qbz5n2kfra8p0',
        {
          realExecutable:
            'C:\\Users\\ana\\AppData\\Local\\Microsoft\\WindowsApps\\PythonSoftwareFoundation.Python.3.12_qbz5n2kfra8p0\\python.exe',
        },
      ),
      'store',
    ],
    ['a venv', facts('C:\\Users\\ana\\proj\\.venv', { inVenv: true }), 'venv'],
    ['conda', facts('C:\\ProgramData\\miniconda3', { condaPrefix: true }), 'conda'],
    ['pyenv-win', facts('C:\\Users\\ana\\.pyenv\\pyenv-win\\versions\\3.11.7'), 'pyenv'],
    [
      'uv',
      facts('C:\\Users\\ana\\AppData\\Roaming\\uv\\python\\cpython-3.12.4-windows-x86_64-none'),
      'uv',
    ],
    [
      'the Python install manager (py install)',
      facts('C:\\Users\\ana\\AppData\\Local\\Python\\pythoncore-3.14-64'),
      'per-user',
    ],
    ['somewhere else (an embedded Python)', facts('D:\\tools\\blender\\python'), 'unknown'],
  ])('%s', (_label, input, kind) => {
    expect(windowsInstallKind(input, env)).toBe(kind);
  });
});
