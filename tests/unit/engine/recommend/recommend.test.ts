import { english, englishOf } from '../../../support/english';
import { fixtureMessage } from '../../../support/fixtureMessage';
import { describe, expect, test } from 'vitest';
import { recommend as rank } from '../../../../electron/engine/recommend/recommend';
import { newVenvFolder } from '../../../../electron/engine/diagnose/newVenvFolder';
import { osTraits } from '../../../../electron/platform/osTraits';
import { REMEDY_CATALOG } from '../../../../electron/remedies/registry';
import type { RecommendInput } from '../../../../electron/engine/recommend/recommend';
import { blockedFolder, settleCause } from '../../../../electron/engine/recommend/settleCause';
import { classifyLogText } from '../../../../electron/engine/logClassifier';
import { RecommendationSchema } from '../../../../electron/shared/model/diagnosis';
import { folder, holder, install } from './installFacts';

const SITE = '/usr/local/lib/python3.11/dist-packages';
const ROOT_REASON =
  'Only root can change this folder (owned by root, mode 755); you are alice (uid 1000).';

function input(overrides: Partial<RecommendInput>): RecommendInput {
  const merged = {
    platform: 'linux' as const,
    cause: 'none' as const,
    target: install(),
    installs: [],
    processes: [],
    log: null,
    projectDir: '/home/alice/my project',
    pipOnPath: [],
    ...overrides,
  };
  // Where the scan puts a new venv, as diagnose works it out.
  const venvFolder = newVenvFolder(osTraits(merged.platform), merged.projectDir, merged.target);
  return { venvFolder: venvFolder ?? '', ...merged };
}

function recommend(facts: RecommendInput) {
  return rank(facts, REMEDY_CATALOG);
}

describe('the recommender ranks remedies for this machine', () => {
  test('a root-owned site-packages: venv first, with the folder and its reason; sudo last among those that help', () => {
    const target = install({
      folders: [
        folder('purelib', SITE, false, ROOT_REASON),
        folder('user-site', '/home/alice/.local/lib/python3.11/site-packages', true),
      ],
    });
    const ranked = recommend(input({ cause: 'permission', target }));
    expect(ranked.map((r) => r.id).slice(0, 3)).toEqual([
      'venv',
      'user-install',
      'elevated-install',
    ]);
    // The folder's own reason stays a whole sentence, not lowercased and spliced after a colon.
    expect(english(ranked[0]!.reason)).toBe(
      `pip installs into ${SITE}. ${ROOT_REASON} A virtual environment lives in a folder you own.`,
    );
    expect(ranked[0]!.commands).toEqual([
      "/usr/bin/python3 -m venv '/home/alice/my project/.venv'",
      "'/home/alice/my project/.venv/bin/python' -m pip install PACKAGE",
    ]);
    // A system folder is never handed to the user.
    const grant = ranked.find((r) => r.id === 'grant-access');
    expect(grant?.applicable).toBe(false);
    for (const r of ranked) RecommendationSchema.parse(r);
    expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
  });

  test('PEP 668: venv then pipx; --user and sudo are listed as not helping, with why', () => {
    const target = install({ externallyManaged: true });
    const log = classifyLogText('$ pip install httpie\nerror: externally-managed-environment\n');
    const ranked = recommend(input({ cause: 'pep668', target, log }));
    expect(ranked.filter((r) => r.applicable).map((r) => r.id)).toEqual(['venv', 'pipx-or-venv']);
    expect(ranked.find((r) => r.id === 'pipx-or-venv')?.commands).toEqual(['pipx install httpie']);
    const user = ranked.find((r) => r.id === 'user-install');
    expect(user?.applicable).toBe(false);
    expect(english(user!.reason)).toMatch(/PEP 668/);
    expect(english(ranked.find((r) => r.id === 'elevated-install')!.reason)).toMatch(
      /operating system manages/,
    );
  });

  test('a lock with a real holder: close that process first, naming it', () => {
    const held =
      '/home/alice/proj/.venv/lib/python3.11/site-packages/numpy/core/_multiarray_umath.so';
    const target = install({
      id: 'py-venv',
      kind: 'venv',
      executable: '/home/alice/proj/.venv/bin/python',
      prefix: '/home/alice/proj/.venv',
      heldBy: [4242],
    });
    const kernel = holder(4242, [held], 'py-venv', {
      role: 'jupyter-kernel',
      app: 'VS Code',
      appKind: 'app',
    });
    const log = classifyLogText(
      `ERROR: Could not install packages due to an OSError: [Errno 26] Text file busy: '${held}'`,
    );
    const ranked = recommend(input({ cause: 'lock', target, processes: [kernel], log }));
    expect(ranked[0]!.id).toBe('close-processes');
    expect(english(ranked[0]!.reason)).toContain(
      'python3.11 (pid 4242, Jupyter kernel started by VS Code)',
    );
    expect(ranked[0]!.commands).toEqual(['kill 4242']);
    expect(ranked[1]!.id).toBe('restart');
  });

  test('pip.exe replacing itself: python -m pip install --upgrade pip, in PowerShell', () => {
    const target = install({
      executable: 'C:\\Program Files\\Python312\\python.exe',
      kind: 'all-users',
      version: '3.12.1',
    });
    const ranked = recommend(input({ platform: 'win32', cause: 'self-upgrade-lock', target }));
    expect(ranked[0]!.id).toBe('use-python-m-pip');
    expect(ranked[0]!.shell).toBe('powershell');
    expect(ranked[0]!.commands).toEqual([
      "& 'C:\\Program Files\\Python312\\python.exe' -m pip install --upgrade pip",
    ]);
  });

  test('leftovers of a half-finished install come first, with ensurepip when pip is gone', () => {
    const target = install({
      pipVersion: null,
      leftovers: [
        { kind: 'stash-folder', path: `${SITE}/~ip`, package: 'pip' },
        { kind: 'pip-missing', path: '/usr/local/bin/pip3', package: 'pip' },
      ],
    });
    const ranked = recommend(input({ cause: 'none', target }));
    expect(ranked[0]!.id).toBe('repair-install');
    expect(ranked[0]!.commands).toEqual([
      `rm -rf '${SITE}/~ip'`,
      '/usr/bin/python3 -m ensurepip --upgrade',
      '/usr/bin/python3 -m pip install --upgrade pip',
    ]);
    expect(english(ranked[0]!.reason)).toMatch(/pip itself is missing/);
  });

  test("when pip failed in the project's own .venv, the new environment goes beside it, not over it", () => {
    const target = install({
      kind: 'venv',
      executable: '/home/alice/my project/.venv/bin/python',
      prefix: '/home/alice/my project/.venv',
      folders: [
        folder(
          'purelib',
          '/home/alice/my project/.venv/lib/python3.11/site-packages',
          false,
          ROOT_REASON,
        ),
      ],
    });
    const venv = recommend(input({ cause: 'permission', target })).find((r) => r.id === 'venv');
    expect(venv?.commands[0]).toBe(
      "'/home/alice/my project/.venv/bin/python' -m venv '/home/alice/my project/.venv-new'",
    );
  });

  test('a package name that is not a valid distribution name never reaches a command line', () => {
    const log = classifyLogText(
      "ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/usr/lib/python3/dist-packages/held module.py'",
    );
    expect(log.package).toBeNull();
    const forged = { ...log, package: 'x; rm -rf ~' };
    const venv = recommend(input({ cause: 'permission', log: forged })).find(
      (r) => r.id === 'venv',
    );
    expect(venv?.commands[1]).toMatch(/ -m pip install PACKAGE$/);
  });

  test('on Windows the commands are valid PowerShell, with Windows paths', () => {
    const target = install({
      executable: 'C:\\Program Files\\Python312\\python.exe',
      kind: 'all-users',
      folders: [
        folder(
          'purelib',
          'C:\\Program Files\\Python312\\Lib\\site-packages',
          false,
          'Only Administrators may change it.',
        ),
      ],
    });
    const log = classifyLogText(
      "ERROR: Could not install packages due to an OSError: [WinError 5] Access is denied: 'C:\\\\Program Files\\\\Python312\\\\Lib\\\\site-packages\\\\numpy\\\\__init__.py'",
    );
    const ranked = recommend(
      input({
        platform: 'win32',
        cause: 'permission',
        target,
        log,
        projectDir: 'C:\\Users\\alice\\proj',
      }),
    );
    const byId = (id: string) => ranked.find((r) => r.id === id);
    expect(byId('venv')?.commands).toEqual([
      "& 'C:\\Program Files\\Python312\\python.exe' -m venv 'C:\\Users\\alice\\proj\\.venv'",
      "& 'C:\\Users\\alice\\proj\\.venv\\Scripts\\python.exe' -m pip install numpy",
    ]);
    // A new administrator PowerShell that stays open to show pip's result, its parameters one string.
    expect(byId('elevated-install')?.commands).toEqual([
      `Start-Process -Verb RunAs -FilePath powershell.exe -ArgumentList '-NoExit -Command "& ''C:\\Program Files\\Python312\\python.exe'' -m pip install numpy"'`,
    ]);
    // Without the scan's SID the command asks Windows for it: $env:USERNAME has no domain.
    expect(byId('grant-access')?.commands).toEqual([
      `icacls 'C:\\Program Files\\Python312\\Lib\\site-packages' /grant "*$([Security.Principal.WindowsIdentity]::GetCurrent().User.Value):(OI)(CI)M" /T /C`,
    ]);
    const withSid = recommend(
      input({
        platform: 'win32',
        cause: 'permission',
        target,
        log,
        projectDir: 'C:\\Users\\alice\\proj',
        userSid: 'S-1-5-21-1004336348-1177238915-682003330-1001',
      }),
    );
    expect(withSid.find((r) => r.id === 'grant-access')?.commands).toEqual([
      "icacls 'C:\\Program Files\\Python312\\Lib\\site-packages' /grant '*S-1-5-21-1004336348-1177238915-682003330-1001:(OI)(CI)M' /T /C",
    ]);
  });

  test('long paths already enabled: that remedy is listed as not helping', () => {
    const ranked = recommend(
      input({
        platform: 'win32',
        cause: 'long-path',
        settings: { longPathsEnabled: true, controlledFolderAccess: false, canElevate: true },
      }),
    );
    const longPaths = ranked.find((r) => r.id === 'enable-long-paths');
    expect(longPaths?.applicable).toBe(false);
    expect(english(longPaths!.reason)).toBe('Long paths are already enabled on this computer.');
    expect(ranked[0]?.id).toBe('venv');
  });

  test('a remedy that cannot help says why not, never its sales pitch', () => {
    const target = install({
      kind: 'venv',
      executable: '/home/alice/p/.venv/bin/python',
      prefix: '/home/alice/p/.venv',
      folders: [
        folder('purelib', '/home/alice/p/.venv/lib/python3.11/site-packages', false, ROOT_REASON),
      ],
    });
    const user = recommend(input({ cause: 'permission', target })).find(
      (r) => r.id === 'user-install',
    );
    expect(user?.applicable).toBe(false);
    expect(english(user!.reason)).toBe('--user does nothing useful inside a virtual environment.');
  });

  test('an old pip gets upgraded through python -m pip, never pip.exe', () => {
    const ranked = recommend(input({ cause: 'none', target: install({ pipVersion: '9.0.1' }) }));
    expect(ranked.find((r) => r.id === 'upgrade-pip')?.commands).toEqual([
      '/usr/bin/python3 -m pip install --upgrade pip setuptools wheel',
    ]);
  });

  test('pip and python on PATH reaching different installs: python -m pip with the python the user means', () => {
    // pip failed in a root-owned venv first on PATH; `python3` is the user's own venv.
    const pipInstall = install({
      id: 'py-other',
      kind: 'venv',
      executable: '/opt/tools/bin/python',
      prefix: '/opt/tools',
      folders: [folder('purelib', '/opt/tools/lib/python3.11/site-packages', false, ROOT_REASON)],
    });
    const mine = install({
      id: 'py-mine',
      kind: 'venv',
      executable: '/home/alice/p/.venv/bin/python3',
      prefix: '/home/alice/p/.venv',
    });
    const ranked = recommend(
      input({
        cause: 'permission',
        target: pipInstall,
        installs: [pipInstall, mine],
        log: classifyLogText('$ pip install requests\nCollecting requests\n'),
        pipOnPath: [
          { command: 'pip', path: '/opt/tools/bin/pip', installId: 'py-other' },
          { command: 'python3', path: '/home/alice/p/.venv/bin/python3', installId: 'py-mine' },
        ],
      }),
    );
    const remedy = ranked.find((r) => r.id === 'use-python-m-pip');
    expect(remedy?.applicable).toBe(true);
    expect(english(remedy!.reason)).toMatch(/different Python/);
    // Never pip's own interpreter: that would repeat the failure.
    expect(remedy?.commands).toEqual(['/home/alice/p/.venv/bin/python3 -m pip install requests']);
  });
});

describe('the cause is settled from the log and the machine together', () => {
  test('a refusal in a user folder the log cannot pin down becomes a lock when a process holds the file', () => {
    const held = 'C:\\Users\\alice\\proj\\.venv\\Lib\\site-packages\\mod.py';
    const log = classifyLogText(
      `ERROR: Could not install packages due to an OSError: [WinError 5] Access is denied: '${held.replace(/\\/g, '\\\\')}'`,
    );
    expect(log.confidence).not.toBe('high');
    const settled = settleCause({
      log,
      target: install({ id: 'py-venv', heldBy: [7] }),
      processes: [holder(7, [held], 'py-venv', { role: null, app: 'VS Code', appKind: 'app' })],
      elevated: false,
      platform: 'win32',
    });
    expect(settled.cause).toBe('lock');
    // The program as the user knows it, and what to do; its pid is evidence, not the first sentence.
    expect(english(settled.summary)).toBe(
      'A Python program in VS Code is using mod. Close it, then install again.',
    );
  });

  test('without a log, an unwritable site-packages is the cause, in plain words (the folder and its owner are evidence)', () => {
    const target = install({ folders: [folder('purelib', SITE, false, ROOT_REASON)] });
    const settled = settleCause({
      log: null,
      target,
      processes: [],
      elevated: false,
      platform: 'linux',
    });
    expect(settled.cause).toBe('permission');
    expect(english(settled.summary)).toBe(
      'You are not allowed to change the folder where Python 3.11 installs packages. Install into a virtual environment instead.',
    );
    expect(englishOf(blockedFolder(target)?.reason)).toContain('owned by root');
  });

  test("a PEP 668 refusal names the install only when the scan's target is the managed one", () => {
    const log = classifyLogText(
      'error: externally-managed-environment\n\n× This environment is externally managed\n',
    );
    const facts = { log, processes: [], elevated: false, platform: 'linux' as const };
    const managed = settleCause({
      ...facts,
      target: install({ externallyManaged: true, version: '3.11.2' }),
    });
    expect(managed.cause).toBe('pep668');
    expect(english(managed.summary)).toMatch(/^Python 3\.11 is managed by your operating system/);
    // pip3 on PATH reached a venv, but the log says the Python pip ran with is managed.
    const venv = settleCause({ ...facts, target: install({ kind: 'venv' }) });
    expect(english(venv.summary)).toMatch(
      /^The Python pip ran with is managed by your operating system/,
    );
  });

  test('a healthy machine says so', () => {
    const settled = settleCause({
      log: null,
      target: install({ folders: [folder('purelib', SITE, true)] }),
      processes: [],
      elevated: false,
      platform: 'linux',
    });
    expect(settled.cause).toBe('none');
    expect(english(settled.summary)).toMatch(/No permission problem found/);
  });

  test("root's files in the user's own home: take the exact tree back first, never sudo pip", () => {
    const local = '/home/alice/.local/lib/python3.11/site-packages';
    const target = install({
      folders: [
        {
          ...folder('purelib', local, false, ROOT_REASON),
          owner: 'root',
          reclaim: '/home/alice/.local',
        },
      ],
    });
    const ranked = recommend(input({ cause: 'permission', target, userName: 'alice' }));
    expect(ranked[0]!.id).toBe('grant-access');
    expect(ranked[0]!.commands).toEqual(['sudo chown -R alice: /home/alice/.local']);
    const sudoPip = ranked.find((r) => r.id === 'elevated-install');
    expect(sudoPip?.applicable).toBe(false);
    expect(english(sudoPip!.reason)).toMatch(/your own folder/);
  });

  test('a read-only file system: a venv elsewhere; neither root nor permissions can help', () => {
    const site = '/mnt/ro/venv/lib/python3.11/site-packages';
    const target = install({
      kind: 'venv',
      executable: '/mnt/ro/venv/bin/python',
      prefix: '/mnt/ro/venv',
      folders: [{ ...folder('purelib', site, false, 'read-only'), readOnlyFileSystem: true }],
    });
    const ranked = recommend(input({ cause: 'not-permission', target }));
    expect(ranked[0]!.id).toBe('venv');
    for (const id of ['elevated-install', 'grant-access'] as const) {
      const remedy = ranked.find((r) => r.id === id);
      expect(remedy?.applicable, id).toBe(false);
      expect(english(remedy!.reason), id).toMatch(/read-only file system/);
    }
  });

  test('a venv whose base interpreter is gone is made again by a Python that exists', () => {
    const broken = install({
      id: 'py-broken',
      kind: 'venv',
      executable: '/home/alice/p/.venv/bin/python',
      prefix: '/home/alice/p/.venv',
      version: '3.11.2',
      status: 'broken',
      statusDetail: fixtureMessage('its base interpreter /opt/py/bin/python3.11 no longer exists'),
    });
    const system = install({ id: 'py-system', version: '3.11.2' });
    const ranked = recommend(
      input({
        cause: 'not-permission',
        target: broken,
        installs: [broken, system],
        log: classifyLogText('$ pip install requests'),
      }),
    );
    expect(ranked[0]!.id).toBe('repair-install');
    expect(ranked[0]!.commands).toEqual([
      '/usr/bin/python3 -m venv --clear /home/alice/p/.venv',
      '/home/alice/p/.venv/bin/python -m pip install requests',
    ]);
  });

  test("a full TMPDIR: the user's install again with pip's temporary files where they fit", () => {
    const ranked = recommend(
      input({
        cause: 'temp-dir',
        log: classifyLogText('$ pip install requests'),
        tempDir: {
          path: '/tmp/tiny',
          variable: 'TMPDIR',
          problem: 'full',
          reason: fixtureMessage('TMPDIR is /tmp/tiny, which is full.'),
          alternative: '/home/alice/.cache/pip-tmp',
          usedInstead: null,
        },
      }),
    );
    expect(ranked[0]!.id).toBe('run-again');
    expect(ranked[0]!.commands).toEqual([
      'mkdir -p /home/alice/.cache/pip-tmp',
      'TMPDIR=/home/alice/.cache/pip-tmp /usr/bin/python3 -m pip install requests',
    ]);
  });

  test('nothing wrong: no fix to sell, least of all a new virtual environment', () => {
    expect(recommend(input({ cause: 'none' })).filter((r) => r.applicable)).toEqual([]);
  });

  test("a venv activated in name only: its own Python's pip, before anything else", () => {
    const venv = install({
      id: 'py-venv',
      kind: 'venv',
      executable: '/home/alice/p/.venv/bin/python',
      prefix: '/home/alice/p/.venv',
    });
    const ranked = recommend(
      input({
        cause: 'pep668',
        target: venv,
        installs: [venv],
        log: classifyLogText('$ pip install requests\nerror: externally-managed-environment'),
        observations: [
          {
            kind: 'venv-not-on-path',
            message: fixtureMessage('in name only'),
            path: '/home/alice/p/.venv',
          },
        ],
      }),
    );
    expect(ranked[0]!.id).toBe('use-python-m-pip');
    expect(ranked[0]!.commands).toEqual(['/home/alice/p/.venv/bin/python -m pip install requests']);
  });
});
