/**
 * The command the user ran, the package they asked for and the interpreter
 * that ran pip (LogFinding.command / requested / interpreter). The lines pip
 * prints are copied from pip's sources, cited at each; the prompts are the
 * shells' own (bash, cmd, PowerShell, zsh, Jupyter).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classifyLogText } from '../../../../electron/engine/logClassifier';
import { loadSamples } from './loadSamples';
import { ACCESS_DENIED, PROGRAM_FILES_DIST_INFO, osError, pipOsError } from './pipText';

/** pip's resolver when nothing matches (resolution/resolvelib/factory.py). */
const NO_MATCH = [
  'ERROR: Could not find a version that satisfies the requirement nosuchpkg (from versions: none)',
  'ERROR: No matching distribution found for nosuchpkg',
].join('\n');

const runOf = (log: string) => {
  const { requested, command, interpreter } = classifyLogText(log);
  return { requested, command, interpreter };
};

describe('the command line, in any shell and any form of pip', () => {
  test.each([
    ['bash', '$ pip install requests', 'pip install requests', 'requests', null],
    ['root shell', '# pip3 install amdgpu-fan', 'pip3 install amdgpu-fan', 'amdgpu-fan', null],
    [
      'bash with user@host and a venv',
      '(venv) user@box:~/proj$ pip3.11 install --no-cache-dir Django==5.0',
      'pip3.11 install --no-cache-dir Django==5.0',
      'Django',
      null,
    ],
    ['cmd', 'C:\\>pip install mqrun', 'pip install mqrun', 'mqrun', null],
    [
      'cmd in system32',
      'C:\\WINDOWS\\system32>pip install --upgrade pip',
      'pip install --upgrade pip',
      'pip',
      null,
    ],
    [
      'PowerShell with the py launcher',
      'PS C:\\Users\\me> py -3.11 -m pip install --user "numpy>=1.26"',
      'py -3.11 -m pip install --user "numpy>=1.26"',
      'numpy',
      null,
    ],
    [
      'PowerShell calling a quoted interpreter with &',
      'PS C:\\> & "C:\\Program Files\\Python312\\python.exe" -m pip install -U scipy',
      '& "C:\\Program Files\\Python312\\python.exe" -m pip install -U scipy',
      'scipy',
      'C:\\Program Files\\Python312\\python.exe',
    ],
    [
      'cmd calling a quoted interpreter',
      'C:\\Users\\me>"C:\\Program Files\\Python312\\python.exe" -m pip install pandas[excel]',
      '"C:\\Program Files\\Python312\\python.exe" -m pip install pandas[excel]',
      'pandas',
      'C:\\Program Files\\Python312\\python.exe',
    ],
    [
      'a venv interpreter by its path',
      'C:\\proj>.venv\\Scripts\\python.exe -m pip install httpx',
      '.venv\\Scripts\\python.exe -m pip install httpx',
      'httpx',
      '.venv\\Scripts\\python.exe',
    ],
    [
      'sudo with options and a full interpreter path',
      'user@box:~$ sudo -H /usr/bin/python3 -m pip install flask==3.0',
      'sudo -H /usr/bin/python3 -m pip install flask==3.0',
      'flask',
      '/usr/bin/python3',
    ],
    [
      'sudo -u with its value',
      '$ sudo -u deploy pip install gunicorn',
      'sudo -u deploy pip install gunicorn',
      'gunicorn',
      null,
    ],
    [
      'an environment variable before the command',
      '$ PIP_NO_CACHE_DIR=1 python3 -m pip install torch --index-url https://download.pytorch.org/whl/cu121',
      'PIP_NO_CACHE_DIR=1 python3 -m pip install torch --index-url https://download.pytorch.org/whl/cu121',
      'torch',
      null,
    ],
    [
      'zsh',
      'me@mac ~ % pip3 install "requests[socks]~=2.31"',
      'pip3 install "requests[socks]~=2.31"',
      'requests',
      null,
    ],
    [
      'Jupyter',
      'In [3]: !pip install transformers',
      'pip install transformers',
      'transformers',
      null,
    ],
    [
      'Dockerfile',
      'Step 4/7 : RUN pip install -q uvicorn',
      'pip install -q uvicorn',
      'uvicorn',
      null,
    ],
    [
      'options before the requirement that take a value',
      '$ pip install -i https://test.pypi.org/simple/ --target ./lib attrs',
      'pip install -i https://test.pypi.org/simple/ --target ./lib attrs',
      'attrs',
      null,
    ],
    [
      'a requirement file and a name',
      '$ pip install -r requirements.txt torch',
      'pip install -r requirements.txt torch',
      'torch',
      null,
    ],
    [
      'a PEP 508 direct reference',
      '$ pip install "requests @ git+https://github.com/psf/requests"',
      'pip install "requests @ git+https://github.com/psf/requests"',
      'requests',
      null,
    ],
    [
      'a VCS URL with #egg=',
      '$ pip install -e git+https://github.com/pallets/click.git#egg=click',
      'pip install -e git+https://github.com/pallets/click.git#egg=click',
      'click',
      null,
    ],
    [
      'a wheel file: the name before the first "-", "_" as in the file name',
      '$ pip install ./dist/my_pkg-1.0-py3-none-any.whl',
      'pip install ./dist/my_pkg-1.0-py3-none-any.whl',
      'my_pkg',
      null,
    ],
    [
      'an sdist URL',
      '$ pip install https://files.pythonhosted.org/packages/source/s/six/six-1.16.0.tar.gz',
      'pip install https://files.pythonhosted.org/packages/source/s/six/six-1.16.0.tar.gz',
      'six',
      null,
    ],
    [
      'a pipe after the command',
      '$ pip install numpy 2>&1 | tee install.log',
      'pip install numpy 2>&1 | tee install.log',
      'numpy',
      null,
    ],
  ])('%s', (_shell, line, command, requested, interpreter) => {
    expect(runOf(`${line}\n${NO_MATCH}\n`)).toEqual({ command, requested, interpreter });
  });

  test('names are kept as printed, case included', () => {
    expect(runOf('$ pip install PyYAML\n').requested).toBe('PyYAML');
  });

  test('a command continued over lines with a backslash reads its requirement from the next line', () => {
    const log = ['$ pip install --upgrade \\', '    boto3', NO_MATCH].join('\n');
    expect(runOf(log)).toMatchObject({
      requested: 'boto3',
      command: 'pip install --upgrade \\ boto3',
    });
  });

  test('a continuation followed by pip output is not read as more arguments', () => {
    const log = ['$ pip install --upgrade \\', NO_MATCH].join('\n');
    expect(classifyLogText(log)).toMatchObject({
      requested: null,
      package: 'nosuchpkg',
      command: 'pip install --upgrade \\',
    });
  });
});

describe('what the command asks for when it names no package', () => {
  test('`-r file` alone gives null, whatever pip collects from the file', () => {
    const log = [
      '$ pip install -r requirements.txt',
      'Collecting numpy==1.26.4 (from -r requirements.txt (line 1))',
      NO_MATCH,
    ].join('\n');
    expect(runOf(log)).toEqual({
      command: 'pip install -r requirements.txt',
      requested: null,
      interpreter: null,
    });
  });

  test("a local folder falls through to pip's first requirement line, which names none either", () => {
    // pip prints `Processing <folder>` for a local project before collecting its dependencies.
    const log = [
      '$ pip install .',
      'Processing /home/me/proj',
      'Collecting requests',
      NO_MATCH,
    ].join('\n');
    expect(runOf(log).requested).toBeNull();
  });
});

describe("without a command: pip's own lines, in the order of the brief", () => {
  test('the first `Collecting X`, not a dependency collected after it', () => {
    const log = [
      'Collecting Flask==2.0.3',
      '  Downloading Flask-2.0.3-py3-none-any.whl (95 kB)',
      'Collecting click>=7.1.2 (from Flask==2.0.3)',
      'Installing collected packages: click, Flask',
      pipOsError(
        osError('Errno 13', 'Permission denied', '/usr/local/lib/python3.8/site-packages/click'),
      ),
    ].join('\n');
    const finding = classifyLogText(log);
    expect(finding).toMatchObject({ requested: 'Flask', package: 'click', command: null });
  });

  test("pip ≤ 1.5's `Downloading/unpacking X` is its `Collecting X`", () => {
    expect(
      runOf('Downloading/unpacking lxml\n  Running setup.py egg_info for package lxml\n').requested,
    ).toBe('lxml');
  });

  test('`Collecting` a VCS URL names nothing; `Collecting name@ url` names the package', () => {
    expect(runOf('Collecting git+https://github.com/psf/requests.git\n').requested).toBeNull();
    expect(runOf('Collecting requests@ git+https://github.com/psf/requests.git\n').requested).toBe(
      'requests',
    );
  });

  test.each([
    ['./X-1.0-py3-none-any.whl', 'Processing ./dist/My_Pkg-1.0-py3-none-any.whl', 'My_Pkg'],
    [
      'a Windows sdist in a folder with a space',
      'Processing c:\\users\\john smith\\downloads\\pywin-ext-2.1.tar.gz',
      'pywin-ext',
    ],
    [
      'a file: URL',
      'Processing file:///tmp/wheels/orjson-3.10.0-cp312-cp312-linux_x86_64.whl',
      'orjson',
    ],
  ])('`Processing` %s names the distribution in its file name', (_what, line, name) => {
    expect(runOf(`${line}\nCollecting requests (from ${name}==1.0)\n`).requested).toBe(name);
  });

  test("apt's `Processing triggers for …` is not pip's Processing line", () => {
    expect(runOf('Processing triggers for man-db (2.10.2-1) ...\n').requested).toBeNull();
  });

  test('`Installing collected packages:` is the last resort: its first name', () => {
    const sample = loadSamples().find((s) => s.id === 'gh-runew0lf-RuinedFooocus-314')!;
    expect(runOf(sample.log).requested).toBe('cffi');
  });
});

describe("pip's own advice is no command of the user's", () => {
  test.each([
    [
      'pip 9 (self_outdated_check, pip_cmd = "pip")',
      "You should consider upgrading via the 'pip install --upgrade pip' command.",
    ],
    [
      'pip ≥ 22.1 (self_outdated_check: "[notice] To update, run: …")',
      '[notice] To update, run: python.exe -m pip install --upgrade pip',
    ],
    ['prose', 'I ran pip install numpy and it failed with this:'],
    ['uv', '$ uv pip install numpy'],
  ])('%s', (_what, line) => {
    const log = ['Collecting numpy', line, NO_MATCH].join('\n');
    expect(runOf(log)).toMatchObject({ command: null, requested: 'numpy' });
  });

  test("Homebrew's PEP 668 message (`python3 -m pip install xyz`) is not the command", () => {
    // Homebrew's EXTERNALLY-MANAGED text as pip prints it (exceptions.ExternallyManagedEnvironment).
    const log = [
      '$ pip3 install requests',
      'error: externally-managed-environment',
      '',
      '× This environment is externally managed',
      '╰─> To install Python packages system-wide, try brew install',
      '    xyz, where xyz is the package you are trying to',
      '    install.',
      '',
      "    If you wish to install a Python library that isn't in Homebrew,",
      '    use a virtual environment:',
      '',
      '    python3 -m venv path/to/venv',
      '    source path/to/venv/bin/activate',
      '    python3 -m pip install xyz',
      '',
      'note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.',
      'hint: See PEP 668 for the detailed specification.',
    ].join('\n');
    expect(classifyLogText(log)).toMatchObject({
      category: 'pep668',
      package: 'requests',
      requested: 'requests',
      command: 'pip3 install requests',
    });
  });
});

describe('a log with several attempts: the one that failed decides', () => {
  test('the command before the deciding error, not the first one pasted', () => {
    const log = [
      'C:\\Users\\me>pip install numpy',
      'Requirement already satisfied: numpy in c:\\program files\\python312\\lib\\site-packages (2.0.0)',
      'C:\\Users\\me>pip install --upgrade example',
      'Collecting example',
      pipOsError(osError('WinError 5', ACCESS_DENIED, PROGRAM_FILES_DIST_INFO)),
    ].join('\n');
    expect(classifyLogText(log)).toMatchObject({
      category: 'permission',
      requested: 'example',
      command: 'pip install --upgrade example',
    });
  });
});

describe('the interpreter that ran pip', () => {
  test.each([
    [
      'pip ≥ 22.1 upgrade notice with sys.executable (python not on PATH)',
      '[notice] To update, run: C:\\Users\\me\\venv\\Scripts\\python.exe -m pip install --upgrade pip',
      'C:\\Users\\me\\venv\\Scripts\\python.exe',
    ],
    [
      'pip 20–22.0 notice, sys.executable unquoted even with spaces',
      "You should consider upgrading via the 'c:\\program files\\python39\\python.exe -m pip install --upgrade pip' command.",
      'c:\\program files\\python39\\python.exe',
    ],
    [
      'pip 19.2–21 subprocess error (utils/subprocess.py, format_command_args quotes argv)',
      "     command: 'C:\\Python38\\python.exe' -u -c 'import sys, setuptools, tokenize; sys.argv[0] = '\"'\"'C:\\\\Users\\\\me\\\\AppData\\\\Local\\\\Temp\\\\pip-install-x\\\\foo\\\\setup.py'\"'\"'' install",
      'C:\\Python38\\python.exe',
    ],
    [
      'pip 6–19 `Command "…" failed with error code`',
      'Command "/usr/bin/python -u -c "import setuptools, tokenize;__file__=\'/tmp/pip-install-x/foo/setup.py\'" install --record /tmp/pip-record-y/install-record.txt --single-version-externally-managed --compile" failed with error code 1 in /tmp/pip-install-x/foo/',
      '/usr/bin/python',
    ],
    [
      'pip 1.x `Complete output from command …`',
      '    Complete output from command /usr/bin/python2.7 -c "import setuptools, tokenize;__file__=\'/tmp/pip_build_root/foo/setup.py\'" install --record /tmp/pip-x-record/install-record.txt:',
      '/usr/bin/python2.7',
    ],
    [
      'pip -v running a PEP 517 hook',
      '  Running command /opt/venv/bin/python3 /opt/venv/lib/python3.12/site-packages/pip/_vendor/pyproject_hooks/_in_process/_in_process.py get_requires_for_build_wheel /tmp/tmpa1b2c3',
      '/opt/venv/bin/python3',
    ],
    [
      "pip's --version (utils/misc.get_pip_version), CPython layout",
      'pip 23.2.1 from /usr/local/lib/python3.11/site-packages/pip (python 3.11)',
      '/usr/local/bin/python3.11',
    ],
    [
      "pip -v's `Using pip … from`, a venv",
      'Using pip 24.2 from /home/me/proj/.venv/lib/python3.12/site-packages/pip (python 3.12)',
      '/home/me/proj/.venv/bin/python',
    ],
    [
      "Debian's dist-packages, the version from the parenthesis",
      'pip 23.0.1 from /usr/lib/python3/dist-packages/pip (python 3.11)',
      '/usr/bin/python3.11',
    ],
    [
      'a python.org install on Windows',
      'pip 24.0 from C:\\Users\\me\\AppData\\Local\\Programs\\Python\\Python312\\Lib\\site-packages\\pip (python 3.12)',
      'C:\\Users\\me\\AppData\\Local\\Programs\\Python\\Python312\\python.exe',
    ],
    [
      'a Windows venv',
      'pip 24.0 from C:\\proj\\venv\\Lib\\site-packages\\pip (python 3.12)',
      'C:\\proj\\venv\\Scripts\\python.exe',
    ],
  ])('%s', (_what, line, interpreter) => {
    expect(runOf(`${line}\n`).interpreter).toBe(interpreter);
  });

  test("pip's guard names sys.executable and the user's own arguments", () => {
    // utils/misc.protect_pip_from_modification_on_windows: [sys.executable, "-m", "pip"] + sys.argv[1:]
    const log = [
      'ERROR: To modify pip, please run the following command:',
      'd:\\venv\\scripts\\python.exe -m pip install --upgrade pip',
    ].join('\n');
    expect(classifyLogText(log)).toMatchObject({
      category: 'self-upgrade-lock',
      interpreter: 'd:\\venv\\scripts\\python.exe',
      requested: 'pip',
      command: null,
    });
  });

  test.each([
    ['a bare python', '$ python -m pip install numpy'],
    ['the py launcher', 'PS C:\\> py -m pip install numpy'],
    ['a pip script path', '$ /opt/venv/bin/pip install numpy'],
    [
      'a user site-packages, which holds no interpreter',
      'pip 23.0 from /home/me/.local/lib/python3.11/site-packages/pip (python 3.11)',
    ],
    [
      'a Windows folder that could be either layout',
      'pip 24.0 from D:\\tools\\py\\Lib\\site-packages\\pip (python 3.12)',
    ],
    [
      'macOS user site',
      'pip 21.2.4 from /Users/me/Library/Python/3.9/lib/python/site-packages/pip (python 3.9)',
    ],
    [
      "a traceback's File line inside pip",
      '  File "/opt/venv/lib/python3.11/site-packages/pip/_internal/cli/base_command.py", line 180, in exc_logging_wrapper',
    ],
    [
      'bare `python setup.py` in pip 1.x',
      '    Complete output from command python setup.py egg_info:',
    ],
  ])('no interpreter from %s', (_what, line) => {
    expect(runOf(`${line}\n${NO_MATCH}\n`).interpreter).toBeNull();
  });

  test("the command's own interpreter comes before one pip's output names", () => {
    const log = [
      '$ /opt/a/bin/python3 -m pip install numpy',
      NO_MATCH,
      '[notice] To update, run: /opt/b/bin/python3 -m pip install --upgrade pip',
    ].join('\n');
    expect(runOf(log).interpreter).toBe('/opt/a/bin/python3');
  });
});

describe('properties', () => {
  const name = fc
    .tuple(
      // A leading digit could make `1>=2` a shell redirection, which it then is.
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'),
      fc.stringMatching(/^[A-Za-z0-9_-]{0,12}$/),
    )
    .map(([first, rest]) => `${first}${rest}`.replace(/[-_]+$/, ''))
    .filter((n) => n.length > 0 && !/^(?:install|pip)$/i.test(n));
  const prompt = fc.constantFrom(
    '',
    '$ ',
    '# ',
    'C:\\Users\\me>',
    'PS C:\\work> ',
    '(venv) me@box:~/p$ ',
    '% ',
    '>>> ',
  );
  const invocation = fc.constantFrom(
    'pip',
    'pip3',
    'pip3.12',
    'python -m pip',
    'python3.11 -m pip',
    'py -3.12 -m pip',
    'sudo pip3',
    'sudo -H python3 -m pip',
    '/usr/bin/python3 -m pip',
  );
  const before = fc.constantFrom(
    '',
    '--user ',
    '-U ',
    '--no-cache-dir --upgrade ',
    '-i https://pypi.org/simple ',
  );
  const suffix = fc.constantFrom('', '==1.0', '>=2', '[extra]', '[a,b]~=3.1', '<4,>=1');
  const after = fc.constantFrom('', ' --user', ' --upgrade', ' -q', ' --target ./lib');

  test('any prompt, any invocation, any options: requested is the name, command the line after the prompt', () => {
    fc.assert(
      fc.property(prompt, invocation, before, name, suffix, after, (p, inv, opts, n, s, tail) => {
        const command = `${inv} install ${opts}${n}${s}${tail}`;
        const found = runOf(`${p}${command}\n${NO_MATCH}\n`);
        expect(found.requested).toBe(n);
        expect(found.command).toBe(command);
      }),
      { numRuns: 300 },
    );
  });

  test('the same words in prose are never a command', () => {
    const prose = fc.constantFrom('Then I ran ', 'Try: ', 'You should run ', 'Maybe use ');
    fc.assert(
      fc.property(prose, invocation, name, (words, inv, n) => {
        expect(runOf(`${words}${inv} install ${n}\n`).command).toBeNull();
      }),
      { numRuns: 100 },
    );
  });
});
