import { english } from '../../../support/english';
import { fixtureMessage } from '../../../support/fixtureMessage';
import { describe, expect, test } from 'vitest';
import { targetInstall } from '../../../../electron/engine/diagnose/targetInstall';
import { observationsOf } from '../../../../electron/engine/diagnose/observations';
import { classifyLogText } from '../../../../electron/engine/logClassifier';
import type { LogFinding } from '../../../../electron/shared/model/logFinding';
import { folder, install } from '../recommend/installFacts';

const SYSTEM = install({
  id: 'py-system',
  executable: '/usr/bin/python3',
  folders: [folder('purelib', '/usr/lib/python3/dist-packages', false)],
});
const PROJECT_VENV = install({
  id: 'py-venv',
  kind: 'venv',
  executable: '/home/ana/proj/.venv/bin/python',
  prefix: '/home/ana/proj/.venv',
  folders: [folder('purelib', '/home/ana/proj/.venv/lib/python3.11/site-packages', true)],
});
const BROKEN = install({
  id: 'py-broken',
  kind: 'venv',
  executable: '/home/ana/old/venv/bin/python',
  prefix: '/home/ana/old/venv',
  status: 'broken',
  statusDetail: fixtureMessage(
    'its base interpreter /opt/python3.9/bin/python3.9 no longer exists',
  ),
  folders: [],
});
const PIP_ON_PATH = [{ command: 'pip', path: '/usr/bin/pip', installId: 'py-system' }];

function logNaming(path: string): LogFinding {
  return classifyLogText(
    `ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '${path}'`,
  );
}

describe('the install pip failed in', () => {
  test('the failing path in the log decides, over what pip on PATH runs', () => {
    const log = logNaming('/home/ana/proj/.venv/lib/python3.11/site-packages/numpy/__init__.py');
    const target = targetInstall({
      installs: [SYSTEM, PROJECT_VENV],
      pipOnPath: PIP_ON_PATH,
      log,
      activeVenv: null,
    });
    expect(target).toEqual({ install: PROJECT_VENV, because: 'log-path' });
  });

  test('a broken venv the log names is the target, reported broken, not the system Python', () => {
    const log = logNaming('/home/ana/old/venv/lib/python3.9/site-packages/six.py');
    const target = targetInstall({
      installs: [SYSTEM, BROKEN],
      pipOnPath: PIP_ON_PATH,
      log,
      activeVenv: null,
    });
    expect(target.install?.status).toBe('broken');
    expect(target.because).toBe('log-path');
  });

  test('the interpreter the log shows running pip, then the active venv, then pip on PATH', () => {
    const byInterpreter = targetInstall({
      installs: [SYSTEM, PROJECT_VENV],
      pipOnPath: PIP_ON_PATH,
      log: { ...classifyLogText('Collecting numpy'), interpreter: PROJECT_VENV.executable },
      activeVenv: null,
    });
    expect(byInterpreter).toEqual({ install: PROJECT_VENV, because: 'log-interpreter' });

    const byVenv = targetInstall({
      installs: [SYSTEM, PROJECT_VENV],
      pipOnPath: PIP_ON_PATH,
      log: null,
      activeVenv: { prefix: '/home/ana/proj/.venv/', onPath: false },
    });
    expect(byVenv).toEqual({ install: PROJECT_VENV, because: 'virtual-env' });

    const byPath = targetInstall({
      installs: [SYSTEM, PROJECT_VENV],
      pipOnPath: PIP_ON_PATH,
      log: null,
      activeVenv: null,
    });
    expect(byPath).toEqual({ install: SYSTEM, because: 'pip-on-path' });
  });
});

describe('what the scan notices besides the cause', () => {
  test('a venv activated in name only, a full TMPDIR and a half-installed package are said', () => {
    const target = install({
      leftovers: [
        { kind: 'stash-folder', path: '/usr/lib/python3/dist-packages/~umpy', package: 'numpy' },
      ],
    });
    const kinds = observationsOf({
      target,
      installs: [target],
      log: null,
      activeVenv: { prefix: '/home/ana/proj/.venv', onPath: false },
      tempDir: {
        path: '/tmp/tiny',
        variable: 'TMPDIR',
        problem: 'full',
        reason: fixtureMessage('TMPDIR is /tmp/tiny, which is full.'),
        alternative: '/home/ana/.cache/pip-tmp',
        usedInstead: null,
      },
      logFileOwner: null,
    }).map((observation) => observation.kind);
    expect(kinds).toEqual(['venv-not-on-path', 'temp-dir-unusable', 'half-installed-package']);
  });

  test('pip falling back to the user site by itself is said, and only where it really does', () => {
    const fallback = install({
      pipVersion: '23.0.1',
      folders: [
        folder('purelib', '/usr/local/lib/python3.11/dist-packages', false),
        folder('user-site', '/home/ana/.local/lib/python3.11/site-packages', true),
      ],
    });
    const observe = (target: ReturnType<typeof install>) =>
      observationsOf({
        target,
        installs: [target],
        log: null,
        activeVenv: null,
        tempDir: null,
        logFileOwner: null,
      }).map((observation) => observation.kind);
    expect(observe(fallback)).toEqual(['user-site-fallback']);
    // pip 19 did not fall back; PEP 668 forbids it; a disabled user site cannot take it.
    expect(observe({ ...fallback, pipVersion: '19.3.1' })).toEqual([]);
    expect(observe({ ...fallback, externallyManaged: true })).toEqual([]);
    expect(observe({ ...fallback, userSiteEnabled: false })).toEqual([]);
  });

  test('the file pip failed on is said to belong to the dependency, not to what was asked for', () => {
    const log = classifyLogText(
      [
        '$ pip install requests',
        'Collecting requests',
        "ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/usr/lib/python3/dist-packages/charset_normalizer/md.py'",
      ].join('\n'),
    );
    const observations = observationsOf({
      target: SYSTEM,
      installs: [SYSTEM],
      log,
      activeVenv: null,
      tempDir: null,
      logFileOwner: { name: 'charset-normalizer', version: '3.3.2' },
    });
    expect(observations.map((observation) => english(observation.message))).toContain(
      'The file pip failed on belongs to charset-normalizer 3.3.2 (a dependency of requests).',
    );
  });
});
