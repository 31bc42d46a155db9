import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePyList } from '../../../../electron/platform/windows/pyLauncherList';
import {
  parseRegExport,
  parseRegistryQuery,
} from '../../../../electron/platform/windows/registryPythons';
import { parseWhereOutput } from '../../../../electron/platform/windows/whereOutput';
import { WINDOWS_FIXTURES } from './support/recordedMachine';

const COMMANDS = ['pip', 'pip3', 'python', 'python3', 'py'];
/** What the one runner makes of bytes: UTF-8, with U+FFFD where they are not UTF-8. */
const asRunnerSees = (bytes: Buffer) => bytes.toString('utf8');
const fixture = (situation: string, file: string) =>
  readFileSync(join(WINDOWS_FIXTURES, situation, file));

describe('where.exe output', () => {
  it('reads the real two-line answer of §6.1 (a per-user python before the Store alias)', () => {
    const hits = parseWhereOutput(
      'C:\\Users\\kisho\\AppData\\Local\\Programs\\Python\\Python312\\python.exe\r\n' +
        'C:\\Users\\kisho\\AppData\\Local\\Microsoft\\WindowsApps\\python.exe\r\n',
      COMMANDS,
    );
    expect(hits.get('python')!.map((hit) => hit.path)).toEqual([
      'C:\\Users\\kisho\\AppData\\Local\\Programs\\Python\\Python312\\python.exe',
      'C:\\Users\\kisho\\AppData\\Local\\Microsoft\\WindowsApps\\python.exe',
    ]);
    expect(hits.get('pip')).toEqual([]);
  });

  it('gives each line to the command its file name spells, whatever order the patterns came in', () => {
    const hits = parseWhereOutput(
      asRunnerSees(fixture('all-users-not-elevated', 'where.txt')),
      COMMANDS,
    );
    expect(hits.get('pip')!.map((hit) => hit.path)).toEqual([
      'C:\\Program Files\\Python312\\Scripts\\pip.exe',
    ]);
    expect(hits.get('python3')!.map((hit) => hit.path)).toEqual([
      'C:\\Users\\ana\\AppData\\Local\\Microsoft\\WindowsApps\\python3.exe',
    ]);
    expect(hits.get('py')!.map((hit) => hit.path)).toEqual(['C:\\WINDOWS\\py.exe']);
  });

  it('marks a line written in code page 850 or 936 as undecodable instead of trusting it', () => {
    for (const situation of ['german-windows', 'chinese-windows']) {
      const python = parseWhereOutput(asRunnerSees(fixture(situation, 'where.txt')), COMMANDS).get(
        'python',
      )!;
      expect(python.map((hit) => hit.decodable)).toEqual([true, false]);
      expect(python[1]!.path).toContain('\uFFFD');
    }
  });

  it('ignores the localised "not found" text and anything that is not a path', () => {
    const hits = parseWhereOutput(
      'INFO: Could not find files for the given pattern(s).\r\n',
      COMMANDS,
    );
    expect([...hits.values()].flat()).toEqual([]);
  });
});

describe('py -0p output', () => {
  it('reads the 3.11+ layout (pypa/pipenv#5893, quoted in §6.3)', () => {
    const entries = parsePyList(
      ' -V:3.12 *        C:\\Software\\Python\\Python_3_12\\python.exe\r\n' +
        ' -V:3.11          C:\\Software\\Python\\Python_3_11\\python.exe\r\n' +
        ' -V:3.10          C:\\Users\\%USERNAME%\\AppData\\Local\\Programs\\Python\\Python310\\python.exe\r\n',
      'C:\\work',
    );
    expect(entries.map((entry) => [entry.tag, entry.isDefault, entry.executable])).toEqual([
      ['3.12', true, 'C:\\Software\\Python\\Python_3_12\\python.exe'],
      ['3.11', false, 'C:\\Software\\Python\\Python_3_11\\python.exe'],
      [
        '3.10',
        false,
        'C:\\Users\\%USERNAME%\\AppData\\Local\\Programs\\Python\\Python310\\python.exe',
      ],
    ]);
  });

  it('reads another company, a path with spaces and registered arguments', () => {
    const [entry] = parsePyList(
      ' -V:ContinuumAnalytics/Anaconda39-64 C:\\Program Files\\Anaconda3\\python.exe -X utf8\r\n',
      'C:\\work',
    );
    expect(entry).toMatchObject({
      company: 'ContinuumAnalytics',
      tag: 'Anaconda39-64',
      executable: 'C:\\Program Files\\Anaconda3\\python.exe',
      arguments: '-X utf8',
    });
  });

  it('reads the old launcher: header, the default star at the end, and the active venv (relative)', () => {
    const entries = parsePyList(
      'Installed Pythons found by C:\\WINDOWS\\py.exe Launcher for Windows\r\n' +
        ' -3.8-64        C:\\Users\\vma\\AppData\\Local\\Programs\\Python\\Python38\\python.exe *\r\n' +
        ' (venv)         .env\\Scripts\\python.exe *\r\n',
      'C:\\Users\\vma\\proj',
    );
    expect(entries).toEqual([
      expect.objectContaining({
        tag: '3.8-64',
        isDefault: true,
        executable: 'C:\\Users\\vma\\AppData\\Local\\Programs\\Python\\Python38\\python.exe',
      }),
      expect.objectContaining({
        isVenv: true,
        executable: 'C:\\Users\\vma\\proj\\.env\\Scripts\\python.exe',
      }),
    ]);
  });

  it('finds nothing in `-0` lines without paths or in "No installed Pythons found!"', () => {
    expect(
      parsePyList(
        'Installed Pythons found by C:\\WINDOWS\\py.exe Launcher for Windows\r\n -3.10-64 *\r\n -3.7-64\r\n',
        'C:\\',
      ),
    ).toEqual([]);
    expect(parsePyList('No installed Pythons found!\r\n', 'C:\\')).toEqual([]);
  });
});

describe('reg export files (PEP 514, UTF-16)', () => {
  /** A `reg export` file as regedit's format 5 writes it: a BOM, UTF-16LE, CRLF. */
  const exported = (...lines: string[]) =>
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(
        ['Windows Registry Editor Version 5.00', '', ...lines, ''].join('\r\n'),
        'utf16le',
      ),
    ]);

  it('reads the recorded German and Chinese machines: the default value is @ in every language', () => {
    for (const [situation, executable] of [
      ['german-windows', 'C:\\Program Files\\Python311\\python.exe'],
      ['chinese-windows', 'C:\\Program Files\\Python312\\python.exe'],
      [
        'per-user-spyder',
        'C:\\Users\\ana\\AppData\\Local\\Programs\\Python\\Python312\\python.exe',
      ],
    ]) {
      const file = situation === 'per-user-spyder' ? 'reg-hkcu.reg' : 'reg-hklm-64.reg';
      const listing = parseRegExport(fixture(situation!, file), 'HKLM', {});
      expect(listing?.pythons.map((python) => python.executable)).toEqual([executable]);
      expect(listing?.undecodable).toEqual([]);
    }
  });

  it('keeps every letter of a per-user Python under a Chinese user name, which reg query could not', () => {
    // 伟业: in code page 936 these are the bytes CE B0 D2 B5, which pass for the UTF-8 of "ΰҵ".
    const home = 'C:\\Users\\\u4F1F\u4E1A';
    const listing = parseRegExport(
      exported(
        '[HKEY_CURRENT_USER\\Software\\Python\\PythonCore\\3.12\\InstallPath]',
        `@="${home.replace(/\\/g, '\\\\')}\\\\AppData\\\\Local\\\\Programs\\\\Python\\\\Python312\\\\"`,
        `"ExecutablePath"="${home.replace(/\\/g, '\\\\')}\\\\AppData\\\\Local\\\\Programs\\\\Python\\\\Python312\\\\python.exe"`,
        '',
      ),
      'HKCU',
      {},
    );
    expect(listing?.pythons.map((python) => python.executable)).toEqual([
      `${home}\\AppData\\Local\\Programs\\Python\\Python312\\python.exe`,
    ]);
  });

  it('expands REG_EXPAND_SZ written as hex(2) bytes over continued lines, and skips PyLauncher', () => {
    const data = Buffer.from('%SystemDrive%\\Python39-32\\\0', 'utf16le');
    const hex = [...data].map((byte) => byte.toString(16).padStart(2, '0'));
    const listing = parseRegExport(
      exported(
        '[HKEY_LOCAL_MACHINE\\Software\\Python\\PyLauncher]',
        '"InstallDir"="C:\\\\WINDOWS\\\\"',
        '',
        '[HKEY_LOCAL_MACHINE\\Software\\WOW6432Node\\Python\\PythonCore\\3.9-32\\InstallPath]',
        `@=hex(2):${hex.slice(0, 20).join(',')},\\`,
        `  ${hex.slice(20).join(',')}`,
        '',
      ),
      'HKLM (32-bit view)',
      { SystemDrive: 'D:' },
    );
    expect(
      listing?.pythons.map((python) => [python.company, python.tag, python.executable]),
    ).toEqual([['PythonCore', '3.9-32', 'D:\\Python39-32\\python.exe']]);
  });

  it('is no export at all without the BOM and header (then nothing is claimed from it)', () => {
    expect(
      parseRegExport(Buffer.from('HKEY_CURRENT_USER\\Software\\Python'), 'HKCU', {}),
    ).toBeNull();
  });
});

describe('reg query output (PEP 514)', () => {
  it('reads the §6.4 sample: InstallPath and ExecutablePath', () => {
    const { pythons } = parseRegistryQuery(
      '\r\nHKEY_CURRENT_USER\\Software\\Python\\PythonCore\\3.13\r\n' +
        '    DisplayName    REG_SZ    Python 3.13 (64-bit)\r\n    SysVersion    REG_SZ    3.13\r\n' +
        '    SysArchitecture    REG_SZ    64bit\r\n\r\n' +
        'HKEY_CURRENT_USER\\Software\\Python\\PythonCore\\3.13\\InstallPath\r\n' +
        '    (Default)    REG_SZ    C:\\Python313\\\r\n    ExecutablePath    REG_SZ    C:\\Python313\\python.exe\r\n\r\n',
      'HKCU',
      {},
    );
    expect(pythons).toEqual([
      {
        where: 'HKCU',
        company: 'PythonCore',
        tag: '3.13',
        installPath: 'C:\\Python313\\',
        executable: 'C:\\Python313\\python.exe',
        displayName: 'Python 3.13 (64-bit)',
      },
    ]);
  });

  it('reads a localised default label, ignores "value not set", expands REG_EXPAND_SZ, skips PyLauncher', () => {
    const { pythons } = parseRegistryQuery(
      '\r\nHKEY_LOCAL_MACHINE\\Software\\Python\\PyLauncher\r\n    InstallDir    REG_SZ    C:\\WINDOWS\\\r\n\r\n' +
        'HKEY_LOCAL_MACHINE\\Software\\WOW6432Node\\Python\\PythonCore\\3.9-32\\InstallPath\r\n' +
        '    (Standard)    REG_EXPAND_SZ    %SystemDrive%\\Python39-32\\\r\n\r\n' +
        'HKEY_LOCAL_MACHINE\\Software\\Python\\Acme\\Tool\\InstallPath\r\n' +
        '    (Standard)    REG_SZ    (Wert nicht festgelegt)\r\n\r\n',
      'HKLM (32-bit view)',
      { SystemDrive: 'D:' },
    );
    expect(pythons.map((python) => [python.company, python.tag, python.executable])).toEqual([
      ['PythonCore', '3.9-32', 'D:\\Python39-32\\python.exe'],
    ]);
  });

  it('sets aside data mangled by the console code page (the fallback when no folder can be worked in)', () => {
    const mangled = parseRegistryQuery(
      'HKEY_CURRENT_USER\\Software\\Python\\PythonCore\\3.12\\InstallPath\r\n    (Default)    REG_SZ    C:\\Users\\J\uFFFDrgen\\Python312\\\r\n',
      'HKCU',
      {},
    );
    expect(mangled).toEqual({ pythons: [], undecodable: ['C:\\Users\\J\uFFFDrgen\\Python312\\'] });
  });
});
