/**
 * Logs built from pip's and Python's exact texts, as quoted in
 * shared/reference/windows-probes.md §8 ("pip's own error texts"):
 * §8.1 create_os_error_message, §8.2 real messages and localised Win32 text,
 * §8.3 PEP 668, §8.4 pip's self-upgrade guard.
 */
import { describe, expect, test } from 'vitest';
import { classifyLogText } from '../../../../electron/engine/logClassifier';
import type { LogFinding } from '../../../../electron/shared/model/logFinding';
import {
  ACCESS_DENIED,
  IN_USE,
  LONG_PATH_HINT,
  NAME_TOO_LONG_HINT,
  PROGRAM_FILES_DIST_INFO,
  USER_SITE_FONT,
  VENV_PYD,
  osError,
  pipOsError,
  pyRepr,
} from './pipText';
import { english } from '../../../support/english';

/** Everything a user sees except the evidence lines, which quote the log itself. */
const verdictOf = (finding: LogFinding): LogFinding => ({ ...finding, evidence: [] });

describe('localised Windows messages: the error number and path decide, not the language (§8.2)', () => {
  const LANGUAGES = [
    {
      language: 'German',
      denied: 'Zugriff verweigert',
      inUse:
        'Der Prozess kann nicht auf die Datei zugreifen, da sie von einem anderen Prozess verwendet wird',
    },
    {
      language: 'French',
      denied: 'Accès refusé',
      inUse:
        'Le processus ne peut pas accéder au fichier car ce fichier est utilisé par un autre processus',
    },
    {
      language: 'Spanish',
      denied: 'Acceso denegado',
      inUse: 'El proceso no tiene acceso al archivo porque está siendo utilizado por otro proceso',
    },
    {
      language: 'Italian',
      denied: 'Accesso negato',
      inUse: 'Impossibile accedere al file. Il file è utilizzato da un altro processo',
    },
    {
      language: 'Russian',
      denied: 'Отказано в доступе',
      inUse: 'Процесс не может получить доступ к файлу, так как этот файл занят другим процессом',
    },
    {
      language: 'Chinese',
      denied: '拒绝访问。',
      inUse: '另一个程序正在使用此文件，进程无法访问。',
    },
    {
      language: 'Korean',
      denied: '액세스가 거부되었습니다',
      inUse: '다른 프로세스가 파일을 사용 중이기 때문에 프로세스가 액세스 할 수 없습니다',
    },
    {
      language: 'Japanese',
      denied: 'アクセスが拒否されました。',
      inUse: 'プロセスはファイルにアクセスできません。別のプロセスが使用中です。',
    },
  ];

  const SCENARIOS = [
    {
      scenario: 'WinError 5 under Program Files',
      code: 'WinError 5',
      english: ACCESS_DENIED,
      path: PROGRAM_FILES_DIST_INFO,
      hint: 'user',
      category: 'permission',
      pkg: 'example',
    },
    {
      scenario: 'WinError 5 on a loaded .pyd in a venv',
      code: 'WinError 5',
      english: ACCESS_DENIED,
      path: VENV_PYD,
      hint: 'check',
      category: 'lock',
      pkg: 'numpy',
    },
    {
      scenario: 'WinError 32 in the user site',
      code: 'WinError 32',
      english: IN_USE,
      path: USER_SITE_FONT,
      hint: 'check',
      category: 'lock',
      pkg: 'matplotlib',
    },
  ] as const;

  const cases = LANGUAGES.flatMap((lang) =>
    SCENARIOS.map((s) => ({
      ...s,
      language: lang.language,
      localised: s.code === 'WinError 5' ? lang.denied : lang.inUse,
    })),
  );

  test.each(cases)('$language $scenario is $category', (c) => {
    const english = classifyLogText(pipOsError(osError(c.code, c.english, c.path), c.hint));
    const localised = classifyLogText(pipOsError(osError(c.code, c.localised, c.path), c.hint));

    expect(localised.category).toBe(c.category);
    expect(localised.code).toBe(c.code);
    expect(localised.path).toBe(c.path);
    expect(localised.package).toBe(c.pkg);
    expect(verdictOf(localised)).toEqual(verdictOf(english));
  });
});

describe('paths as terminals and pastes mangle them', () => {
  test('mixed forward and back slashes still find the package and the lock', () => {
    const path =
      'C:/Users/uz/venv\\Lib\\site-packages/numpy\\core/_multiarray_umath.cp312-win_amd64.pyd';
    const finding = classifyLogText(pipOsError(osError('WinError 5', ACCESS_DENIED, path)));
    expect(finding).toMatchObject({ category: 'lock', path, package: 'numpy' });
  });

  test('mixed slashes under Program Files are still an administrator folder', () => {
    const path = 'C:/Program Files/Python312\\Lib\\site-packages/six.py';
    const finding = classifyLogText(pipOsError(osError('WinError 5', ACCESS_DENIED, path)));
    expect(finding).toMatchObject({ category: 'permission', path, package: 'six' });
  });

  const line = `ERROR: Could not install packages due to an OSError: ${osError('WinError 5', ACCESS_DENIED, VENV_PYD)}`;
  const whole = classifyLogText(`${line}\nCheck the permissions.\n`);

  test.each([
    ['in the middle of a folder name', line.indexOf('site-packages') + 4],
    ['between the two backslashes of a pair', line.indexOf('\\\\numpy') + 1],
    ['right after the opening quote', line.indexOf("'C:") + 1],
    ['right before the opening quote', line.indexOf("'C:")],
  ])('a path wrapped across two lines %s reads as one path', (_where, at) => {
    const wrapped = `${line.slice(0, at)}\n${line.slice(at)}\nCheck the permissions.\n`;
    const finding = classifyLogText(wrapped);
    expect(finding.path).toBe(VENV_PYD);
    expect(verdictOf(finding)).toEqual(verdictOf(whole));
  });

  test.each([80, 100, 120])(
    'an 80/100/120-column console wrapping the message and the path (%i) loses nothing',
    (width) => {
      const rows: string[] = [];
      for (let at = 0; at < line.length; at += width) rows.push(line.slice(at, at + width));
      expect(rows.length).toBeGreaterThan(1);
      const finding = classifyLogText(`${rows.join('\r\n')}\r\nCheck the permissions.\r\n`);
      expect(verdictOf(finding)).toEqual(verdictOf(whole));
    },
  );

  test('a wrap inside the message where the console kept the space still finds the path', () => {
    const at = line.indexOf('is denied') + 'is'.length;
    const wrapped = `${line.slice(0, at)}\n ${line.slice(at).trimStart()}\n`;
    expect(classifyLogText(wrapped).path).toBe(VENV_PYD);
  });

  test('a path-less error is not glued to an unrelated next line', () => {
    const log = [
      'ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device',
      '',
      "WARNING: The script f2py.exe is installed in 'C:\\Users\\uz\\Scripts' which is not on PATH.",
    ].join('\n');
    expect(classifyLogText(log)).toMatchObject({ code: 'Errno 28', path: null });
  });

  test('ANSI colour codes around ERROR lines change nothing, and stay out of the evidence', () => {
    const plain = pipOsError(osError('WinError 5', ACCESS_DENIED, PROGRAM_FILES_DIST_INFO));
    const [error, hint] = plain.split('\n');
    const coloured = `\u001b[31m${error}\u001b[0m\n\u001b[33m${hint}\u001b[0m\n`;
    const boldRed = `\u001b[1;31mERROR\u001b[0m${error!.slice('ERROR'.length)}\n${hint}\n`;

    for (const text of [coloured, boldRed]) {
      const finding = classifyLogText(text);
      expect(verdictOf(finding)).toEqual(verdictOf(classifyLogText(plain)));
      expect(finding.evidence.join('')).not.toContain('\u001b');
      expect(finding.evidence).toContain(error);
    }
  });

  test('rich progress bars redrawn with \\r do not hide the error that follows', () => {
    const bar = (done: number) =>
      `   \u001b[38;5;197m${'━'.repeat(done)}\u001b[0m\u001b[38;5;237m${'━'.repeat(40 - done)}\u001b[0m \u001b[32m${((done / 40) * 15.8).toFixed(1)}/15.8 MB\u001b[0m \u001b[31m4.2 MB/s\u001b[0m eta \u001b[36m0:00:0${9 - Math.floor(done / 5)}\u001b[0m`;
    const redraws = Array.from({ length: 41 }, (_, i) => bar(i)).join('\r');
    const log = [
      'Collecting numpy',
      '  Downloading numpy-2.0.0-cp312-cp312-win_amd64.whl.metadata (60 kB)',
      '  Downloading numpy-2.0.0-cp312-cp312-win_amd64.whl (15.8 MB)',
      redraws,
      'Installing collected packages: numpy',
      pipOsError(osError('WinError 5', ACCESS_DENIED, VENV_PYD), 'check'),
    ].join('\r\n');

    const finding = classifyLogText(log);
    expect(finding).toMatchObject({ category: 'lock', path: VENV_PYD, package: 'numpy' });
    expect(finding.evidence.some((e) => e.includes('━'))).toBe(false);
  });
});

describe("pip's final ERROR line decides when a log holds several errors", () => {
  const retryWarning =
    "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x000001D2C3B4F190>: Failed to establish a new connection: [WinError 10061] No connection could be made because the target machine actively refused it')': /simple/numpy/";
  const final = pipOsError(
    osError(
      'WinError 5',
      ACCESS_DENIED,
      'c:\\program files\\python312\\lib\\site-packages\\numpy-2.0.0.dist-info\\RECORD',
    ),
  );

  test('over an earlier WARNING that carries another WinError', () => {
    const log = [
      retryWarning,
      'Collecting numpy',
      'Installing collected packages: numpy',
      final,
      'WARNING: There was an error checking the latest version of pip.',
    ].join('\n');
    const finding = classifyLogText(log);
    expect(finding).toMatchObject({
      category: 'permission',
      code: 'WinError 5',
      package: 'numpy',
      path: 'c:\\program files\\python312\\lib\\site-packages\\numpy-2.0.0.dist-info\\RECORD',
    });
    expect(finding.evidence[0]).toMatch(/^ERROR: Could not install packages/);
  });

  test('over an earlier traceback exception line on another file', () => {
    const log = [
      'Traceback (most recent call last):',
      '  File "c:\\program files\\python312\\lib\\shutil.py", line 632, in _rmtree_unsafe',
      '    os.unlink(fullname)',
      `PermissionError: ${osError('WinError 32', IN_USE, 'C:\\Users\\uz\\AppData\\Local\\Temp\\tmpq6fceozj\\x.txt')}`,
      final,
    ].join('\n');
    expect(classifyLogText(log)).toMatchObject({ category: 'permission', code: 'WinError 5' });
  });
});

describe('old and new pip wording (§8.1 history)', () => {
  const path = 'c:\\program files\\python36\\lib\\site-packages\\six.py';

  test('pip 10–20 "EnvironmentError" reads like pip 21+ "OSError"', () => {
    const error = osError('WinError 5', ACCESS_DENIED, path);
    const hint = 'Consider using the `--user` option or check the permissions.';
    const old = `Could not install packages due to an EnvironmentError: ${error}\n${hint}\n`;
    const oldWithPrefix = `ERROR: ${old}`;
    const modern = pipOsError(error);
    for (const text of [old, oldWithPrefix]) {
      expect(verdictOf(classifyLogText(text))).toEqual(verdictOf(classifyLogText(modern)));
    }
    expect(classifyLogText(old)).toMatchObject({ category: 'permission', path, package: 'six' });
  });

  test('pip 21.2+ OSError with the long-path HINT is long-path, with the hint as evidence', () => {
    const longPath = `C:\\Users\\uz\\AppData\\Local\\Programs\\Python\\Python311\\Lib\\site-packages\\${'deeply_nested_folder\\'.repeat(10)}module.py`;
    expect(longPath.length).toBeGreaterThan(260);
    const log = `${pipOsError(osError('Errno 2', 'No such file or directory', longPath), 'none')}${LONG_PATH_HINT}\n`;
    const finding = classifyLogText(log);
    expect(finding).toMatchObject({
      category: 'long-path',
      confidence: 'high',
      code: 'Errno 2',
      path: longPath,
    });
    expect(finding.evidence).toContain(LONG_PATH_HINT);
  });

  test('pip 25.2+ "name exceeding 255 characters" HINT is long-path too', () => {
    const name = `${'x'.repeat(256)}.txt`;
    const path = `C:\\Users\\uz\\venv\\Lib\\site-packages\\pkg\\${name}`;
    const log = `${pipOsError(osError('Errno 22', 'Invalid argument', path), 'none')}${NAME_TOO_LONG_HINT}\n `;
    expect(classifyLogText(log)).toMatchObject({ category: 'long-path', path, package: 'pkg' });
  });
});

describe("Python 2's WindowsError (CPython 2.7 WindowsError_str: `[Error %s] %s: %s`)", () => {
  test.each([
    [
      'Access is denied under an all-users Python 2.7',
      "WindowsError: [Error 5] Access is denied: 'c:\\\\program files\\\\python27\\\\lib\\\\site-packages\\\\six.py'",
      'permission',
      'c:\\program files\\python27\\lib\\site-packages\\six.py',
    ],
    [
      'a file in use',
      "WindowsError: [Error 32] The process cannot access the file because it is being used by another process: 'c:\\\\users\\\\uz\\\\venv\\\\lib\\\\site-packages\\\\numpy\\\\core\\\\multiarray.pyd'",
      'lock',
      'c:\\users\\uz\\venv\\lib\\site-packages\\numpy\\core\\multiarray.pyd',
    ],
  ])('%s reads as the same Windows error number', (_what, line, category, path) => {
    const finding = classifyLogText(`Exception:\nTraceback (most recent call last):\n${line}\n`);
    expect(finding).toMatchObject({ category, path });
    expect(finding.code).toMatch(/^WinError (5|32)$/);
  });
});

describe('the two-path form `a -> b` (§8.2)', () => {
  test('keeps both paths, the first as path and the second as secondPath', () => {
    const log = pipOsError(
      osError(
        'WinError 2',
        'The system cannot find the file specified',
        'C:\\Python39\\Scripts\\example.exe',
        'C:\\Python39\\Scripts\\example.exe.deleteme',
      ),
      'none',
    );
    const finding = classifyLogText(log);
    expect(finding).toMatchObject({
      category: 'not-permission',
      code: 'WinError 2',
      path: 'C:\\Python39\\Scripts\\example.exe',
      secondPath: 'C:\\Python39\\Scripts\\example.exe.deleteme',
    });
  });

  test('a file in use while pip moves it to its ~stash is a lock on that package', () => {
    const stash =
      'C:\\Users\\uz\\venv\\Lib\\site-packages\\~umpy\\core\\_multiarray_umath.cp312-win_amd64.pyd';
    const finding = classifyLogText(
      pipOsError(osError('WinError 32', IN_USE, VENV_PYD, stash), 'check'),
    );
    expect(finding).toMatchObject({
      category: 'lock',
      path: VENV_PYD,
      secondPath: stash,
      package: 'numpy',
    });
  });
});

describe('pip upgrading itself (§8.4)', () => {
  test('the guard "To modify pip, please run the following command" is self-upgrade-lock', () => {
    const log = [
      'Collecting pip',
      '  Using cached pip-21.3.1-py3-none-any.whl (1.7 MB)',
      'ERROR: To modify pip, please run the following command:',
      'd:\\venv\\scripts\\python.exe -m pip install --upgrade pip',
    ].join('\n');
    const finding = classifyLogText(log);
    expect(finding).toMatchObject({
      category: 'self-upgrade-lock',
      package: 'pip',
      path: null,
      code: null,
    });
    expect(english(finding.summary)).toContain('python -m pip install --upgrade pip');
  });

  test.each([
    ['the running pip.exe', 'c:\\python312\\scripts\\pip.exe'],
    [
      'its stash copy',
      'C:\\Users\\RUNNER~1\\AppData\\Local\\Temp\\pip-uninstall-2oiyo4b8\\pip.exe',
    ],
  ])('WinError 5 on %s while uninstalling pip is self-upgrade-lock', (_what, path) => {
    const log = [
      '  Attempting uninstall: pip',
      '    Found existing installation: pip 25.0',
      '    Uninstalling pip-25.0:',
      pipOsError(osError('WinError 5', ACCESS_DENIED, path), 'check'),
    ].join('\n');
    expect(classifyLogText(log)).toMatchObject({
      category: 'self-upgrade-lock',
      path,
      package: 'pip',
    });
  });
});

describe('errors that are not about permissions, or not only', () => {
  test('WinError 225 (virus detected) is antivirus', () => {
    const path = 'C:\\Users\\uz\\venv\\Lib\\site-packages\\pywinauto\\tools\\helper.exe';
    const message =
      'Operation did not complete successfully because the file contains a virus or potentially unwanted software';
    const finding = classifyLogText(pipOsError(osError('WinError 225', message, path), 'none'));
    expect(finding).toMatchObject({ category: 'antivirus', confidence: 'high', path });
  });

  test('Errno 28 "No space left on device" is not-permission and says the disk is full', () => {
    const bare = classifyLogText(
      pipOsError(osError('Errno 28', 'No space left on device'), 'none'),
    );
    const withPath = classifyLogText(
      pipOsError(
        osError(
          'Errno 28',
          'No space left on device',
          '/home/uz/venv/lib/python3.12/site-packages/torch/lib/libtorch_cuda.so',
        ),
        'none',
      ),
    );
    for (const finding of [bare, withPath]) {
      expect(finding.category).toBe('not-permission');
      expect(finding.code).toBe('Errno 28');
      expect(english(finding.summary)).toMatch(/disk is full/i);
    }
    expect(withPath.package).toBe('torch');
  });

  test('WinError 112 "not enough space on the disk" is not-permission', () => {
    const finding = classifyLogText(
      pipOsError(osError('WinError 112', 'There is not enough space on the disk'), 'none'),
    );
    expect(finding.category).toBe('not-permission');
    expect(english(finding.summary)).toMatch(/disk is full/i);
  });
});

describe('PEP 668 (§8.3): pep668, package from the pip install command line', () => {
  const PEP668 = [
    'error: externally-managed-environment',
    '',
    '× This environment is externally managed',
    '╰─> To install Python packages system-wide, try apt install',
    '    python3-xyz, where xyz is the package you are trying to',
    '    install.',
    '',
    'note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.',
    'hint: See PEP 668 for the detailed specification.',
  ].join('\n');

  test.each([
    ['$ pip install requests', 'requests'],
    ['user@host:~$ sudo pip3 install --upgrade requests[socks]', 'requests'],
    ['(base) $ python3 -m pip install --user httpx==0.27', 'httpx'],
    ['# pip install -r requirements.txt amdgpu-fan', 'amdgpu-fan'],
  ])('%s', (command, pkg) => {
    const finding = classifyLogText(`${command}\n${PEP668}\n`);
    expect(finding).toMatchObject({ category: 'pep668', package: pkg, path: null, code: null });
  });

  test('the ASCII-only rendering without × and ╰─> is still pep668', () => {
    const ascii = PEP668.replace('× ', '').replace('╰─> ', '');
    expect(classifyLogText(`pip install foo\n${ascii}`).category).toBe('pep668');
  });
});

describe('which package owns the failing file', () => {
  test("a `~umpy` stash folder is numpy's", () => {
    const path = 'C:\\Users\\uz\\venv\\Lib\\site-packages\\~umpy';
    expect(
      classifyLogText(pipOsError(osError('WinError 5', ACCESS_DENIED, path), 'check')),
    ).toMatchObject({
      category: 'lock',
      path,
      package: 'numpy',
    });
  });

  test("a file inside a `~umpy` stash is numpy's", () => {
    const path =
      'C:\\Users\\uz\\venv\\Lib\\site-packages\\~umpy\\core\\_multiarray_umath.cp312-win_amd64.pyd';
    expect(classifyLogText(pipOsError(osError('WinError 5', ACCESS_DENIED, path))).package).toBe(
      'numpy',
    );
  });

  test.each([
    [PROGRAM_FILES_DIST_INFO, 'example'],
    [
      'C:\\Program Files\\Python312\\Lib\\site-packages\\requests-2.32.3.dist-info\\RECORD',
      'requests',
    ],
    ['/usr/local/lib/python3.12/dist-packages/urllib3-2.2.1.dist-info', 'urllib3'],
  ])('%s belongs to %s', (path, pkg) => {
    const finding = classifyLogText(
      pipOsError(osError(path.startsWith('/') ? 'Errno 13' : 'WinError 5', ACCESS_DENIED, path)),
    );
    expect(finding).toMatchObject({ category: 'permission', path, package: pkg });
  });
});

describe('repr() escaping is undone exactly once', () => {
  test('doubled backslashes become single ones', () => {
    const finding = classifyLogText(pipOsError(osError('WinError 5', ACCESS_DENIED, VENV_PYD)));
    expect(pyRepr(VENV_PYD)).toContain('\\\\');
    expect(finding.path).toBe(VENV_PYD);
  });

  test('a UNC path keeps its two leading backslashes', () => {
    const unc = '\\\\fileserver\\share\\venv\\Lib\\site-packages\\six.py';
    const line = pipOsError(osError('WinError 5', ACCESS_DENIED, unc));
    expect(line).toContain("'\\\\\\\\fileserver\\\\share");
    expect(classifyLogText(line).path).toBe(unc);
  });

  test('single backslashes (lost to Markdown) are kept, and `\\t` is not read as a tab', () => {
    const pasted =
      "ERROR: Could not install packages due to an OSError: [WinError 5] Access is denied: 'C:\\temp\\venv\\Lib\\site-packages\\numpy\\core\\x.pyd'";
    expect(classifyLogText(pasted).path).toBe(
      'C:\\temp\\venv\\Lib\\site-packages\\numpy\\core\\x.pyd',
    );
  });
});

describe('unusual characters in paths', () => {
  const site = (user: string) =>
    `C:\\Users\\${user}\\AppData\\Local\\Programs\\Python\\Python312\\Lib\\site-packages\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd`;

  test.each([
    ['spaces', site('John Smith')],
    ['a single quote (repr switches to double quotes)', site("O'Brien")],
    ['an ampersand', site('Tom & Jerry')],
    ['percent signs', site('%USERNAME%\\100%')],
    ['accented letters', site('José Müller')],
    ['Chinese', site('用户')],
    ['Cyrillic', site('Пользователь')],
  ])('a path with %s is read whole', (_what, path) => {
    const line = pipOsError(osError('WinError 5', ACCESS_DENIED, path));
    if (path.includes("'")) expect(line).toContain(`"${path.replace(/\\/g, '\\\\')}"`);
    expect(classifyLogText(line)).toMatchObject({ category: 'lock', path, package: 'numpy' });
  });

  test('a POSIX path with a single quote is read whole', () => {
    const path = "/home/o'brien/.local/lib/python3.12/site-packages/six.py";
    const finding = classifyLogText(pipOsError(osError('Errno 13', 'Permission denied', path)));
    expect(finding).toMatchObject({ category: 'permission', path, package: 'six' });
  });

  test('a path over 260 characters is read whole and is long-path', () => {
    const path = `C:\\Users\\uz\\AppData\\Local\\Programs\\Python\\Python311\\Lib\\site-packages\\tensorboard\\${'plugins\\'.repeat(25)}data.py`;
    expect(path.length).toBeGreaterThan(260);
    const finding = classifyLogText(
      pipOsError(osError('Errno 2', 'No such file or directory', path), 'none'),
    );
    expect(finding).toMatchObject({ category: 'long-path', path, package: 'tensorboard' });
  });

  test('WinError 206 (file name too long) is long-path whatever its length', () => {
    const path = 'C:\\Users\\uz\\venv\\Lib\\site-packages\\pkg\\data.bin';
    const message = "Le nom de fichier ou l'extension est trop long";
    const finding = classifyLogText(pipOsError(osError('WinError 206', message, path), 'none'));
    expect(finding).toMatchObject({ category: 'long-path', code: 'WinError 206', path });
  });
});
