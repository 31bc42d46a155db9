/**
 * More of pip's, setuptools' and Python's real output: setup.py / distutils /
 * easy_install installs, pip 1.x–9.x, wrapped and quoted paths, pip's stash
 * folders, a reset connection with a security product named, read-only file
 * systems, full disks and missing temporary folders. Each format is copied
 * from the source that prints it, cited at the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classifyLogText } from '../../../../electron/engine/logClassifier';
import { FIXTURES } from '../../../support/repoPaths';
import { ACCESS_DENIED, osError, pipOsError, pyRepr } from './pipText';
import { english } from '../../../support/english';

const fixture = (name: string) => readFileSync(join(FIXTURES, 'pip-logs', name), 'utf8');

describe('setup.py installs: distutils prints the strerror without its number', () => {
  // distutils file_util._copy_file_contents: "could not create '%s': %s" % (dst, e.strerror),
  // likewise "could not delete", "could not open", "could not write to", "could not read from";
  // dir_util.mkpath: "could not create '%s': %s" % (head, exc.args[-1]); setup() prints
  // "error: " + the message. Paths are %s-formatted: single backslashes, quotes left as they are.
  test.each([
    [
      'mkpath under /usr/local (POSIX EACCES)',
      "error: could not create '/usr/local/lib/python2.7/dist-packages/foo': Permission denied",
      'permission',
      'Errno 13',
      '/usr/local/lib/python2.7/dist-packages/foo',
      'foo',
    ],
    [
      'an all-users Program Files install (Windows ERROR_ACCESS_DENIED)',
      "error: could not create 'C:\\Program Files\\Python312\\Lib\\site-packages\\foo': Access is denied",
      'permission',
      'WinError 5',
      'C:\\Program Files\\Python312\\Lib\\site-packages\\foo',
      'foo',
    ],
    [
      'a German Windows',
      "error: could not create 'C:\\Program Files\\Python312\\Lib\\site-packages\\foo': Zugriff verweigert",
      'permission',
      'WinError 5',
      'C:\\Program Files\\Python312\\Lib\\site-packages\\foo',
      'foo',
    ],
    [
      'could not delete a loaded .pyd in a user environment',
      "error: could not delete 'c:\\users\\me\\venv\\lib\\site-packages\\markupsafe\\_speedups.pyd': Access is denied",
      'lock',
      'WinError 5',
      'c:\\users\\me\\venv\\lib\\site-packages\\markupsafe\\_speedups.pyd',
      'markupsafe',
    ],
    [
      'a file in use (ERROR_SHARING_VIOLATION)',
      "error: could not delete 'C:\\Users\\me\\venv\\Lib\\site-packages\\foo\\data.bin': The process cannot access the file because it is being used by another process",
      'lock',
      'WinError 32',
      'C:\\Users\\me\\venv\\Lib\\site-packages\\foo\\data.bin',
      'foo',
    ],
    [
      'a traceback ending in DistutilsFileError',
      "distutils.errors.DistutilsFileError: could not create '/usr/lib/python3/dist-packages/bar': Permission denied",
      'permission',
      'Errno 13',
      '/usr/lib/python3/dist-packages/bar',
      'bar',
    ],
    [
      "a path that holds a ' (printed as it is, not repr)",
      "error: could not create '/home/o'brien/.local/lib/python3.11/site-packages/foo': Permission denied",
      'permission',
      'Errno 13',
      "/home/o'brien/.local/lib/python3.11/site-packages/foo",
      'foo',
    ],
  ])('%s', (_what, line, category, code, path, pkg) => {
    expect(classifyLogText(`running install_lib\n${line}\n`)).toMatchObject({
      category,
      code,
      path,
      package: pkg,
    });
  });

  test("file_util.move_file's two paths: couldn't move '%s' to '%s': %s", () => {
    const line =
      "error: couldn't move 'build/lib.linux-x86_64-cpython-312/foo.so' to '/usr/local/lib/python3.12/site-packages/foo.so': Permission denied";
    expect(classifyLogText(line)).toMatchObject({
      category: 'permission',
      code: 'Errno 13',
      path: 'build/lib.linux-x86_64-cpython-312/foo.so',
      secondPath: '/usr/local/lib/python3.12/site-packages/foo.so',
    });
  });

  test.each([
    [
      'a strerror Python does not print',
      "error: could not create 'build': Something else went wrong",
    ],
    ['no quoted path', 'error: could not create the build folder: Permission denied'],
    ['prose that mentions it', "I could not create 'my venv': Permission denied was what it said"],
  ])('not an OS error: %s', (_what, line) => {
    expect(classifyLogText(line).code).toBeNull();
  });

  test('inside a pip 1.x log, with the interpreter pip ran setup.py with', () => {
    expect(classifyLogText(fixture('pip1-setup-py-could-not-create.log'))).toMatchObject({
      category: 'permission',
      code: 'Errno 13',
      path: '/Library/Python/2.7/site-packages/markupsafe',
      package: 'markupsafe',
      requested: 'MarkupSafe',
      interpreter: '/usr/bin/python',
    });
  });

  test("inside pip ≥ 22's subprocess box, indented, it still decides", () => {
    // pip's InstallationSubprocessError rendering (exceptions.py): output lines indented by 6.
    const log = [
      '  Running setup.py install for foo ... error',
      '  error: subprocess-exited-with-error',
      '  ',
      '  × Running setup.py install for foo did not run successfully.',
      '  │ exit code: 1',
      '  ╰─> [4 lines of output]',
      '      running install',
      '      running install_lib',
      "      error: could not create '/usr/local/lib/python3.10/dist-packages/foo': Permission denied",
      '      [end of output]',
    ].join('\n');
    expect(classifyLogText(log)).toMatchObject({
      category: 'permission',
      path: '/usr/local/lib/python3.10/dist-packages/foo',
    });
  });
});

describe("easy_install's `can't create or remove files in install directory`", () => {
  // setuptools command/easy_install.py cant_write_to_target: the OS error, indented, a few lines on.
  test('the real macOS message is permission on the write-test file', () => {
    const finding = classifyLogText(fixture('easy-install-cant-write.log'));
    expect(finding).toMatchObject({
      category: 'permission',
      code: 'Errno 13',
      path: '/Library/Python/2.7/site-packages/test-easy-install-8562.write-test',
      package: null,
    });
    expect(finding.evidence[0]).toContain('test-easy-install-8562.write-test');
  });

  test('its error outweighs an earlier one merely mentioned', () => {
    const log = [
      "WARNING: [Errno 2] No such file or directory: '/home/me/.pydistutils.cfg'",
      fixture('easy-install-cant-write.log'),
    ].join('\n');
    expect(classifyLogText(log).code).toBe('Errno 13');
  });

  test('a missing install directory (ENOENT) is not a permission problem', () => {
    const log = fixture('easy-install-cant-write.log')
      .replace('[Errno 13] Permission denied', '[Errno 2] No such file or directory')
      .replace(
        /Perhaps your account[\s\S]*$/,
        'This directory does not currently exist.  Please create it and try again, or\n',
      );
    expect(classifyLogText(log).category).toBe('not-permission');
  });
});

describe('pip 1.x–9.x', () => {
  test("pip 9: OSError at the end of an `Exception:` traceback, pip's own File lines no interpreter", () => {
    const log = [
      'Installing collected packages: six',
      'Exception:',
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python2.7/dist-packages/pip/basecommand.py", line 215, in main',
      '    status = self.run(options, args)',
      '  File "/usr/local/lib/python2.7/dist-packages/pip/wheel.py", line 316, in clobber',
      '    ensure_dir(destdir)',
      '  File "/usr/lib/python2.7/os.py", line 157, in makedirs',
      '    mkdir(name, mode)',
      "OSError: [Errno 13] Permission denied: '/usr/local/lib/python2.7/dist-packages/six-1.11.0.dist-info'",
    ].join('\n');
    expect(classifyLogText(log)).toMatchObject({
      category: 'permission',
      package: 'six',
      requested: 'six',
      interpreter: null,
    });
  });

  test('pip 10–20: "Could not install packages due to an EnvironmentError: [Errno 13]"', () => {
    const log = [
      "Could not install packages due to an EnvironmentError: [Errno 13] Permission denied: '/usr/local/lib/python3.6/site-packages/six.py'",
      'Consider using the `--user` option or check the permissions.',
    ].join('\n');
    expect(classifyLogText(log)).toMatchObject({ category: 'permission', code: 'Errno 13' });
  });

  test.each([
    ['pip 1.3–1.4', 'is not owned by your user!'],
    ['pip 1.5', 'is either not owned by you, or is a symlink.'],
  ])('%s: a shared build folder owned by someone else is temp-dir', (_version, tail) => {
    // pip/locations.py _get_build_prefix: "The temporary folder for building (%s) " + tail
    const log = fixture('pip13-build-folder-not-owned.log').replaceAll(
      'is not owned by your user!',
      tail,
    );
    const finding = classifyLogText(log);
    expect(finding).toMatchObject({
      category: 'temp-dir',
      confidence: 'high',
      path: '/tmp/pip-build-root',
      code: null,
      requested: 'requests',
    });
    expect(english(finding.summary)).toContain('/tmp/pip-build-root');
    expect(finding.evidence[0]).toMatch(/^The temporary folder for building/);
  });

  describe("pip 6+'s warning that its cache folder belongs to someone else", () => {
    // cli/base_command.py (pip 20+; 6.x said "… is not owned by the current user and the cache
    // has been disabled. Please check …", 7.x "… and caching wheels has been disabled.").
    const WARNING =
      "WARNING: The directory '/home/me/.cache/pip' or its parent directory is not owned or is not writable by the current user. The cache has been disabled. Check the permissions and owner of that directory. If executing pip with sudo, you should use sudo's -H flag.";

    test('alone, it is the permission problem (root-owned folder in the home), with low confidence', () => {
      expect(classifyLogText(WARNING)).toMatchObject({
        category: 'permission',
        confidence: 'low',
        path: '/home/me/.cache/pip',
        code: null,
        package: null,
      });
    });

    test('pip 6 wording, in a temporary folder, is temp-dir', () => {
      const old =
        "The directory '/tmp/pip-cache-me/http' or its parent directory is not owned by the current user and the cache has been disabled. Please check the permissions and owner of that directory. If executing pip with sudo, you may want sudo's -H flag.";
      expect(classifyLogText(old)).toMatchObject({
        category: 'temp-dir',
        path: '/tmp/pip-cache-me/http',
      });
    });

    test('it is only a warning: a real error or failure after it decides', () => {
      expect(
        classifyLogText(`${WARNING}\nERROR: No matching distribution found for nosuchpkg\n`),
      ).toMatchObject({ category: 'not-permission', path: null });
      const denied = pipOsError(
        osError('Errno 13', 'Permission denied', '/usr/lib/python3/dist-packages/six.py'),
      );
      expect(classifyLogText(`${WARNING}\n${denied}`)).toMatchObject({
        category: 'permission',
        path: '/usr/lib/python3/dist-packages/six.py',
      });
    });
  });
});

describe('a path a terminal wrapped or split', () => {
  test.each([
    [
      'distutils',
      "error: could not create '/usr/local/lib/python3.12/site-packages/some_package/data': Permission denied",
    ],
    [
      "pip's cache warning",
      "The directory '/home/someone/.cache/pip/http-v2/a/b/c' or its parent directory is not owned or is not writable by the current user.",
    ],
  ])('%s, cut anywhere inside the path, reads the same', (_what, line) => {
    const whole = classifyLogText(line);
    const open = line.indexOf("'") + 1;
    const close = line.indexOf("'", open);
    for (let at = open; at < close; at++) {
      const wrapped = `${line.slice(0, at)}\n${line.slice(at)}`;
      expect(classifyLogText(wrapped).path).toBe(whole.path);
    }
  });

  test('a wrap that put the space of "Program Files" at the start of the next row keeps it', () => {
    const line = pipOsError(
      osError(
        'WinError 5',
        ACCESS_DENIED,
        'C:\\Program Files\\Python312\\Lib\\site-packages\\six.py',
      ),
    );
    const at = line.indexOf(' Files');
    const finding = classifyLogText(`${line.slice(0, at)}\n${line.slice(at)}`);
    expect(finding.path).toBe('C:\\Program Files\\Python312\\Lib\\site-packages\\six.py');
  });

  test('an indented line after a wrapped path is not glued into it', () => {
    const log = [
      "ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/usr/lib/py",
      "thon3/dist-packages/six.py'",
      '    Consider using the `--user` option or check the permissions.',
    ].join('\n');
    expect(classifyLogText(log).path).toBe('/usr/lib/python3/dist-packages/six.py');
  });
});

describe('quoted paths as repr() prints them', () => {
  test.each([
    [
      "a ' (repr switches to double quotes)",
      "/home/o'brien/.local/lib/python3.12/site-packages/six.py",
    ],
    [
      'a " (single quotes, the " as it is)',
      '/srv/a "quoted" dir/lib/python3.12/site-packages/six.py',
    ],
    [
      "both ' and \" (single quotes, the ' escaped)",
      '/srv/it\'s "here"/lib/python3.12/site-packages/six.py',
    ],
    ['a Windows path ending in a backslash', 'C:\\Users\\me\\venv\\Lib\\site-packages\\six\\'],
  ])('a path with %s is read whole', (_what, path) => {
    const line = pipOsError(osError('Errno 13', 'Permission denied', path));
    expect(classifyLogText(line).path).toBe(path);
  });

  test('the second path of `a -> b` with an escaped quote is read whole too', () => {
    const second = "/home/me/it's/venv/lib/python3.12/site-packages/~ix.py";
    const line = `ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: ${pyRepr('/home/me/a"b/six.py')} -> ${pyRepr(second)}`;
    expect(pyRepr('/home/me/a"b/six.py')).toMatch(/^'/);
    expect(classifyLogText(line)).toMatchObject({
      path: '/home/me/a"b/six.py',
      secondPath: second,
    });
  });

  test('property: any printable path survives repr() and comes back exactly', () => {
    const pathChar = fc.constantFrom(...'abcXYZ019 _-.~()[]{}@#$%&+=,;!\'"\\/:éü用户Пр');
    const path = fc
      .array(pathChar, { minLength: 1, maxLength: 60 })
      .map((chars) => chars.join(''))
      .filter((p) => p.trim() === p && p.trim() !== '');
    fc.assert(
      fc.property(path, (p) => {
        const line = pipOsError(osError('Errno 13', 'Permission denied', `/x/${p}`));
        expect(classifyLogText(line).path).toBe(`/x/${p}`);
      }),
      { numRuns: 400 },
    );
  });
});

describe("a compiled module failing inside pip's own stash folders is in use, not admin-only", () => {
  // pip req_uninstall.StashedUninstallSet: AdjacentTempDirectory renames `numpy` to `~umpy` next
  // to it; TempDirectory(kind="uninstall") is `pip-uninstall-*`; pip < 10 moved files to
  // `%TEMP%\pip-xxx-uninstall\<path without the drive>`. pip could write there to move the file,
  // so failing to delete it means a running program still has it loaded.
  test.each([
    [
      '~ folder in an all-users Program Files install',
      'c:\\program files\\python312\\lib\\site-packages\\~umpy\\core\\_multiarray_umath.cp312-win_amd64.pyd',
      'numpy',
    ],
    [
      'pip-uninstall-* under Temp',
      'C:\\Users\\me\\AppData\\Local\\Temp\\pip-uninstall-k2j3h4\\_cffi_backend.cp312-win_amd64.pyd',
      null,
    ],
    [
      "pip < 10's stash of a Program Files file",
      'C:\\Users\\me\\AppData\\Local\\Temp\\pip-a1b2c3-uninstall\\program files\\python35\\lib\\site-packages\\lxml\\etree.pyd',
      'lxml',
    ],
    [
      'a .dll in a ~ stash in an all-users Anaconda',
      'C:\\ProgramData\\Anaconda3\\Lib\\site-packages\\~umpy\\.libs\\libopenblas64__v0.3.23-gcc_10_3_0.dll',
      'numpy',
    ],
  ])('%s', (_what, path, pkg) => {
    const finding = classifyLogText(pipOsError(osError('WinError 5', ACCESS_DENIED, path)));
    expect(finding).toMatchObject({ category: 'lock', confidence: 'high', path });
    if (pkg) expect(finding.package).toBe(pkg);
    expect(english(finding.summary)).toMatch(/administrator rights would not help/);
  });

  test('the same module still in place under Program Files stays permission', () => {
    const path =
      'c:\\program files\\python312\\lib\\site-packages\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd';
    expect(classifyLogText(pipOsError(osError('WinError 5', ACCESS_DENIED, path))).category).toBe(
      'permission',
    );
  });

  test('a plain file in the stash under Program Files is judged by where it came from', () => {
    const path =
      'C:\\Users\\me\\AppData\\Local\\Temp\\pip-a1b2c3-uninstall\\program files\\python35\\lib\\site-packages\\six.py';
    expect(classifyLogText(pipOsError(osError('WinError 5', ACCESS_DENIED, path))).category).toBe(
      'permission',
    );
  });
});

describe('a connection reset during a download', () => {
  // pip's vendored urllib3 connectionpool.urlopen: "Retrying (%r) after connection broken by '%r': %s"
  const RETRY =
    "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ProtocolError('Connection aborted.', ConnectionResetError(10054, 'An existing connection was forcibly closed by the remote host', None, 10054, None))': /simple/numpy/";
  const FINAL =
    'ERROR: Could not install packages due to an OSError: [WinError 10054] An existing connection was forcibly closed by the remote host';
  const LINUX =
    "ERROR: Exception:\nurllib3.exceptions.ProtocolError: ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))";

  test.each([
    ['Kaspersky', 'Kaspersky Internet Security is running on this PC.'],
    ['Avast', 'I have Avast free antivirus installed'],
    ['ESET', 'ESET Endpoint Security blocks it'],
    ['Windows Defender', 'Windows Defender real-time protection is on'],
    ['Zscaler (a web filter)', 'We are behind Zscaler at work.'],
  ])('with %s named, it is antivirus, with the reset as evidence', (_product, note) => {
    for (const log of [`${note}\n${RETRY}\n${FINAL}`, `${LINUX}\n${note}`]) {
      const finding = classifyLogText(log);
      expect(finding).toMatchObject({ category: 'antivirus', confidence: 'medium' });
      expect(finding.evidence).toContain(note);
      expect(english(finding.summary)).toMatch(/connection was reset/);
    }
  });

  test('without a security product named, it stays not-permission (network)', () => {
    for (const log of [`${RETRY}\n${FINAL}`, LINUX]) {
      const finding = classifyLogText(log);
      expect(finding.category).toBe('not-permission');
      expect(english(finding.summary)).toMatch(/could not reach the package index/);
    }
  });

  test('a web filter named with a TLS failure (no reset) is not called antivirus', () => {
    const log = [
      'We are behind Zscaler at work.',
      "ERROR: Could not install packages due to an OSError: HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Max retries exceeded with url: /packages/x.whl (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain (_ssl.c:1006)')))",
    ].join('\n');
    expect(classifyLogText(log).category).toBe('not-permission');
  });

  test("a product's name in a traceback's File line is no mention", () => {
    const log = `  File "C:\\tools\\Avast\\hooks\\net.py", line 3, in send\n${RETRY}\n${FINAL}`;
    expect(classifyLogText(log).category).toBe('not-permission');
  });
});

describe('read-only file systems, full disks and temporary folders', () => {
  test('[Errno 30] Read-only file system is not a permission problem, and says so', () => {
    const path = '/nix/store/abc-python3-3.11.9/lib/python3.11/site-packages/six.py';
    const finding = classifyLogText(
      pipOsError(osError('Errno 30', 'Read-only file system', path), 'none'),
    );
    expect(finding).toMatchObject({
      category: 'not-permission',
      code: 'Errno 30',
      path,
      package: 'six',
    });
    expect(english(finding.summary)).toMatch(/read-only file system/);
    expect(english(finding.summary)).toMatch(/administrator rights \(sudo\) cannot help/);
  });

  test('distutils saying "Read-only file system" reads the same', () => {
    const finding = classifyLogText(
      "error: could not create '/usr/lib/python3.12/site-packages/foo': Read-only file system",
    );
    expect(finding).toMatchObject({ category: 'not-permission', code: 'Errno 30' });
  });

  test.each([
    [
      'pip-install-* under /tmp',
      '/tmp/pip-install-k2j3h4/torch_abc/torch/lib/libtorch_cuda.so',
      '/tmp',
    ],
    [
      'pip-unpack-* under a Windows Temp',
      'C:\\Users\\me\\AppData\\Local\\Temp\\pip-unpack-x1\\torch-2.3.0-cp312-cp312-win_amd64.whl',
      'C:\\Users\\me\\AppData\\Local\\Temp',
    ],
    [
      "pip-build-env-* under macOS's temp",
      '/private/var/folders/xy/abc123/T/pip-build-env-q1/overlay/lib/python3.12/site-packages/numpy/x.h',
      '/private/var/folders/xy/abc123/T',
    ],
    ['a build temp file directly in /tmp', '/tmp/tmpa1b2c3/build/lib/foo.o', '/tmp'],
  ])('[Errno 28] on %s is temp-dir, and names the temporary folder', (_what, path, folder) => {
    const finding = classifyLogText(
      pipOsError(osError('Errno 28', 'No space left on device', path), 'none'),
    );
    expect(finding).toMatchObject({
      category: 'temp-dir',
      confidence: 'high',
      code: 'Errno 28',
      path,
    });
    expect(english(finding.summary)).toContain(`"${folder}"`);
    expect(english(finding.summary)).toMatch(/TMPDIR/);
    expect(english(finding.summary)).toMatch(/full/);
  });

  test('[Errno 28] under the TMPDIR the command set is temp-dir too, naming it', () => {
    const log = [
      '$ TMPDIR=/scratch/tmp pip install torch',
      pipOsError(
        osError('Errno 28', 'No space left on device', '/scratch/tmp/tmpq8/wheel/x.bin'),
        'none',
      ),
    ].join('\n');
    const finding = classifyLogText(log);
    expect(finding).toMatchObject({ category: 'temp-dir', requested: 'torch' });
    expect(english(finding.summary)).toContain('"/scratch/tmp"');
  });

  test('[Errno 28] in site-packages, even of a venv under /tmp, is a full disk: not-permission', () => {
    for (const path of [
      '/home/me/venv/lib/python3.12/site-packages/torch/lib/libtorch_cuda.so',
      '/tmp/venv/lib/python3.12/site-packages/torch/lib/libtorch_cuda.so',
    ]) {
      const finding = classifyLogText(
        pipOsError(osError('Errno 28', 'No space left on device', path), 'none'),
      );
      expect(finding.category).toBe('not-permission');
      expect(english(finding.summary)).toMatch(/disk is full/);
    }
  });

  test("Python's `No usable temporary directory found in [...]` is temp-dir, naming the first tried", () => {
    // CPython Lib/tempfile.py _get_default_tempdir: FileNotFoundError(ENOENT, "No usable temporary
    // directory found in %s" % dirlist), dirlist starting with TMPDIR, TEMP and TMP when set.
    const log = [
      'ERROR: Exception:',
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3.12/tempfile.py", line 387, in mkdtemp',
      '    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)',
      "FileNotFoundError: [Errno 2] No usable temporary directory found in ['/mnt/scratch/tmp', '/tmp', '/var/tmp', '/usr/tmp', '/home/me']",
    ].join('\n');
    const finding = classifyLogText(log);
    expect(finding).toMatchObject({
      category: 'temp-dir',
      confidence: 'high',
      path: '/mnt/scratch/tmp',
      code: 'Errno 2',
    });
    expect(english(finding.summary)).toMatch(/no temporary folder/);
    expect(english(finding.summary)).toContain('TMPDIR');
  });
});

describe('a shell that cannot start pip: the broken venv is the path the log names', () => {
  // The exact words of bash (execute_cmd.c, 5.1 and 5.2), zsh (exec.c) and fish (postfork.cpp).
  test.each([
    [
      'bash: /home/ana/p/.venv/bin/pip: /home/ana/p/.venv/bin/python3: bad interpreter: No such file or directory',
      '/home/ana/p/.venv/bin/pip',
    ],
    [
      'bash: /home/ana/my proj/.venv/bin/pip: cannot execute: required file not found',
      '/home/ana/my proj/.venv/bin/pip',
    ],
    [
      'zsh: /opt/v/bin/pip3: bad interpreter: /opt/v/bin/python3.9: no such file or directory',
      '/opt/v/bin/pip3',
    ],
    [
      'fish: The file “/opt/v/bin/pip” specified the interpreter “/opt/v/bin/python3”, which is not an executable command.',
      '/opt/v/bin/pip',
    ],
  ])('%s', (line, launcher) => {
    const finding = classifyLogText(`$ pip install requests\n${line}\n`);
    expect(finding.category).toBe('not-permission');
    expect(finding.confidence).toBe('high');
    expect(finding.path).toBe(launcher);
    expect(english(finding.summary)).toMatch(/no longer exists/);
    expect(finding.requested).toBe('requests');
  });

  test('a missing program is not a broken launcher', () => {
    const finding = classifyLogText('bash: pip: command not found\n');
    expect(finding.path).toBeNull();
  });
});
