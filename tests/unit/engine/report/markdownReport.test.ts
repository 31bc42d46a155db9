import { fixtureMessage } from '../../../support/fixtureMessage';
import { describe, expect, test } from 'vitest';
import { markdownReport } from '../../../../electron/engine/report/markdownReport';
import type { ReportOptions } from '../../../../electron/engine/report/markdownReport';
import { posixDiagnosis, windowsDiagnosis } from './diagnosisFixtures';
import { translator } from '../../../../electron/engine/i18n/translator';

const WINDOWS_APP: ReportOptions['app'] = {
  name: 'Pip Doctor',
  version: '0.1.0',
  platform: 'win32',
};
const LINUX_APP: ReportOptions['app'] = { name: 'Pip Doctor', version: '0.1.0', platform: 'linux' };

const SECTIONS = [
  '# Pip Doctor report',
  '## What was found',
  '## The pip error',
  '## Which Python pip uses',
  '## Python installs',
  '## Programs holding Python files',
  '## Remedies, best first',
  '## What could not be inspected',
];

describe('the Markdown report: what the user asked for (issue #16 item 1)', () => {
  const report = (log: Partial<NonNullable<ReturnType<typeof windowsDiagnosis>['log']>>) => {
    const diagnosis = windowsDiagnosis();
    diagnosis.log = { ...diagnosis.log!, ...log };
    return markdownReport(diagnosis, {
      includePersonal: true,
      app: WINDOWS_APP,
      homeDir: 'C:\\Users\\alice',
    });
  };

  test('a dependency failed: the package asked for, and whose file failed as evidence', () => {
    const text = report({ package: 'charset_normalizer', requested: 'requests', command: null });
    expect(text).toContain('- You ran: `pip install requests`');
    expect(text).toContain(
      '- The failing file belongs to: `charset_normalizer`, which `requests` needs',
    );
    expect(text).not.toContain('- Package:');
  });

  test('a requirements file, as the log shows it', () => {
    const text = report({
      package: 'charset_normalizer',
      requested: null,
      command: 'pip install -r requirements.txt',
    });
    expect(text).toContain('- You ran: `pip install -r requirements.txt`');
    expect(text).toContain('- The failing file belongs to: `charset_normalizer`\n');
  });
});

describe('the Markdown report', () => {
  const windows = markdownReport(windowsDiagnosis(), {
    includePersonal: false,
    app: WINDOWS_APP,
    homeDir: 'C:\\Users\\alice',
  });

  test('has every section, in order, with the facts of each', () => {
    const positions = SECTIONS.map((heading) => windows.indexOf(heading));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    expect(windows).toContain('- App: Pip Doctor 0.1.0 on win32');
    expect(windows).toContain('**Cause:** `lock`');
    expect(windows).toContain(
      '- Long paths: off; Controlled Folder Access: unknown; can elevate: yes',
    );
    // The log finding: category, code, path, package, evidence.
    expect(windows).toContain('- Category: `lock` (confidence: high)');
    expect(windows).toContain('- Error: `WinError 32`');
    expect(windows).toContain('- You ran: `pip install --upgrade numpy`');
    expect(windows).toContain('- The failing file belongs to: `numpy`\n');
    expect(windows).toMatch(/```text\nERROR: Could not install packages .*WinError 32/);
    // Which Python pip uses, and every install with its folders, reasons and leftovers.
    expect(windows).toMatch(
      /- `pip` → `C:\\Users\\<user>\\.*pip\.exe` → Python 3\.12\.4, per-user/,
    );
    expect(windows).toContain('- `pip3`: not on PATH');
    expect(windows).toContain('### 1. Python 3.12.4, per-user (pip installs here)');
    expect(windows).toContain('- Folders pip writes to: 1 of 2 writable');
    // In prose `\<` escapes the `<` of `<user>`, and `\\` keeps the backslash before it.
    expect(windows).toContain(
      String.raw`not writable: DESKTOP-7\\\<user> is denied write access to C:\Users\\\<user>\AppData`,
    );
    expect(windows).toContain(String.raw`    - deny DESKTOP-7\\\<user>: write (inherited)`);
    expect(windows).toMatch(/- stash-folder: `.*~umpy` \(package `numpy`\)/);
    expect(windows).toMatch(/- Status: `not-python`: /);
    // Processes: holders first, with who started them and what they hold.
    expect(windows).toContain(
      String.raw`- pid 4242, started by VS Code, user DESKTOP-7\\\<user>, running since`,
    );
    expect(windows).toMatch(
      /- Holds:\n {4}- `C:\\Users\\<user>\\.*_multiarray_umath\.cp312-win_amd64\.pyd`/,
    );
    expect(windows).toContain(String.raw`user DESKTOP-7\bob (another user)`);
    expect(windows.indexOf('pid 4242')).toBeLessThan(windows.indexOf('pid 5000'));
    // Remedies ranked, commands fenced in the user's shell, the ones that would not help last.
    expect(windows).toContain('### 1. Close the programs that hold the files (`close-processes`)');
    expect(windows).toContain('````powershell\nStop-Process -Id 4242\n');
    expect(windows).toContain('### Would not help here');
    expect(windows).toMatch(
      /- Install with administrator rights \(`elevated-install`\): C:\\Users\\.+ is your own folder: pip as root/,
    );
    expect(windows).toContain('- processes: Processes of other users could not be inspected');
  });

  test('hides the user by default: no trace of the name, paths keep their shape', () => {
    expect(windows).not.toMatch(/alice/i);
    expect(windows).toContain('The user name and home folder are shown as `<user>`.');
    expect(windows).toContain(
      '`C:\\Users\\<user>\\AppData\\Local\\Programs\\Python\\Python312\\python.exe`',
    );
    expect(windows).toContain(
      '`c:\\users\\<user>\\AppData\\Local\\Microsoft\\WindowsApps\\python3.exe`',
    );
    // The log's repr() path, in its fence: doubled backslashes, as pip printed it.
    expect(windows).toContain(String.raw`'C:\\Users\\<user>\\AppData\\Local`);
    expect(windows).toContain('--user <user>`');
  });

  test('keeps everything with includePersonal', () => {
    const personal = markdownReport(windowsDiagnosis(), {
      includePersonal: true,
      app: WINDOWS_APP,
      homeDir: 'C:\\Users\\alice',
    });
    expect(personal).not.toContain('<user>');
    expect(personal).toContain(
      '`C:\\Users\\alice\\AppData\\Local\\Programs\\Python\\Python312\\python.exe`',
    );
    expect(personal).toContain(String.raw`user DESKTOP-7\alice`);
    expect(personal).toContain('- User: alice,');
  });

  test('POSIX paths and accounts, redacted and not', () => {
    const diagnosis = posixDiagnosis();
    const hidden = markdownReport(diagnosis, {
      includePersonal: false,
      app: LINUX_APP,
      homeDir: '/home/alice',
    });
    expect(hidden).not.toContain('alice');
    expect(hidden).toContain('- User: \\<user> (uid 1000), not elevated');
    expect(hidden).toContain('`/home/<user>/projects/demo/.venv/bin/python`');
    expect(hidden).toContain('user \\<user>, running since');
    expect(hidden).toContain('--owner=<user>`');
    expect(hidden).toContain('```bash\npython3 -m venv /home/<user>/projects/demo/.venv\n');
    expect(hidden).toContain('No pip log was given.');
    expect(hidden).toContain('Everything was inspected.');
    expect(hidden).toContain('- Externally managed (PEP 668): yes');
    expect(hidden).toContain('(owner root (uid 0), group root (gid 0), mode 755 (rwxr-xr-x))');
    expect(hidden).not.toContain('- Long paths');

    const shown = markdownReport(diagnosis, {
      includePersonal: true,
      app: LINUX_APP,
      homeDir: '/home/alice',
    });
    expect(shown).toContain('`/home/alice/projects/demo/.venv/bin/python`');
    expect(shown).toContain('- User: alice (uid 1000)');
  });

  test('text from the machine cannot turn into Markdown', () => {
    // `__init__` in prose stays literal; a command with a run of three backticks gets a longer fence.
    expect(windows).toContain("numpy's \\_\\_init\\_\\_ files");
    expect(windows).toContain('````powershell');
    expect(windows).toMatch(/\n````\n/);
    // Every fence that opens closes: an even number of fence lines.
    const fences = windows.split('\n').filter((line) => /^`{3,}/.test(line));
    expect(fences.length % 2).toBe(0);

    const hostile = posixDiagnosis();
    hostile.causeSummary = fixtureMessage(
      '# not a heading <img src=x onerror=alert(1)> [link](https://evil.example) *bold*',
    );
    hostile.processes[0]!.commandLine = 'python -c "print(1)"\n## injected heading\n`tick`';
    const report = markdownReport(hostile, {
      includePersonal: true,
      app: LINUX_APP,
      homeDir: null,
    });
    expect(report).toContain(
      '\\# not a heading \\<img src=x onerror=alert(1)> \\[link\\](https://evil.example) \\*bold\\*',
    );
    expect(report).not.toMatch(/^## injected heading/m);
    expect(report).toContain('`` python -c "print(1)" ⏎ ## injected heading ⏎ `tick` ``');
  });
});

describe("the pip error's summary, in the report's language (issue #17)", () => {
  const reportIn = (locale: 'en' | 'de') =>
    markdownReport(windowsDiagnosis(), {
      includePersonal: false,
      app: WINDOWS_APP,
      homeDir: 'C:\\Users\\alice',
      translator: translator(locale, { strict: true }),
    });

  test('reads in German, with the file and package names as the log has them, made inert', () => {
    const german = reportIn('de');
    expect(german).toContain(
      'Ein anderes laufendes Programm hat "\\_multiarray\\_umath.cp312-win\\_amd64.pyd" (Teil von numpy) geöffnet',
    );
    expect(german).not.toContain('Another running program');
    expect(reportIn('en')).toContain(
      'Another running program has "\\_multiarray\\_umath.cp312-win\\_amd64.pyd" (part of numpy) open',
    );
  });
});
