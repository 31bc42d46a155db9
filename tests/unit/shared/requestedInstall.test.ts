import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classifyLogText } from '../../../electron/engine/logClassifier';
import { packageFromLog } from '../../../electron/shared/packageName';
import type { LogFinding } from '../../../electron/shared/model/logFinding';
import { commandYouRan, failingFileOwner } from '../../../electron/shared/requestedInstall';
import { english, inLanguage } from '../../support/english';

/** "Belongs to" as an English-speaking user reads it, or null when nothing is said. */
const ownerText = (log: LogFinding) => {
  const owner = failingFileOwner(log);
  return owner === null ? null : english(owner);
};

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const SITE = '/home/alice/proj/.venv/lib/python3.11/site-packages';
const denied = (path: string) =>
  `ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '${path}'\nCheck the permissions.\n`;

/** Issue #16 item 1: fixes install what the user asked for; the dependency that failed is evidence. */
describe('the install the user asked for', () => {
  test('Windows: `Collecting requests`, the file of charset_normalizer failed', () => {
    const log = classifyLogText(
      readFileSync(join(FIXTURES, 'windows', 'all-users-not-elevated', 'pip-log.txt'), 'utf8'),
    );
    expect(packageFromLog(log)).toBe('requests');
    expect(commandYouRan(log)).toBe('pip install requests');
    expect(ownerText(log)).toBe('charset_normalizer, which requests needs');
  });

  test('in German the dependency is said in German, the package names kept as they are', () => {
    const log = classifyLogText(
      readFileSync(join(FIXTURES, 'windows', 'all-users-not-elevated', 'pip-log.txt'), 'utf8'),
    );
    const owner = failingFileOwner(log);
    expect(owner).not.toBeNull();
    expect(inLanguage('de', owner!)).toBe('charset_normalizer, von requests benötigt');
  });

  test('the command as the log shows it, several packages too', () => {
    const log = classifyLogText(
      `(.venv) PS C:\\Users\\alice\\proj> pip install numpy pandas\nCollecting numpy\n  Downloading numpy-2.1.3-cp312-cp312-win_amd64.whl.metadata (60 kB)\nInstalling collected packages: numpy, pandas\n${denied(`${SITE}/numpy/__init__.py`)}`,
    );
    expect(commandYouRan(log)).toBe('pip install numpy pandas');
    expect(ownerText(log)).toBe('numpy');
  });

  test('a PEP 668 refusal names no file: nothing "belongs to" the package asked for', () => {
    const log = classifyLogText(
      `# pip3 install amdgpu-fan\nerror: externally-managed-environment\n\n× This environment is externally managed\n╰─> To install Python packages system-wide, try apt install\n    python3-xyz, where xyz is the package you are trying to\n    install.\n`,
    );
    expect(log.category).toBe('pep668');
    expect(commandYouRan(log)).toBe('pip3 install amdgpu-fan');
    expect(failingFileOwner(log)).toBeNull();
  });

  test('a requirements file: no package is put in a fix, least of all the dependency that failed', () => {
    const log = classifyLogText(
      `$ pip install -r requirements.txt\nCollecting requests (from -r requirements.txt (line 1))\n  Downloading requests-2.32.3-py3-none-any.whl.metadata (4.6 kB)\nCollecting charset-normalizer<4,>=2 (from requests->-r requirements.txt (line 1))\nInstalling collected packages: charset-normalizer, requests\n${denied(`${SITE}/charset_normalizer`)}`,
    );
    expect(commandYouRan(log)).toBe('pip install -r requirements.txt');
    expect(packageFromLog(log)).toBeNull();
    expect(ownerText(log)).toBe('charset-normalizer');
  });

  test('no command and no requirement line: the owner of the failing file is the best there is', () => {
    const log = classifyLogText(denied(`${SITE}/numpy/__init__.py`));
    expect(commandYouRan(log)).toBeNull();
    expect(packageFromLog(log)).toBe('numpy');
  });

  test('pip upgrading itself is no install of the user’s', () => {
    const log = classifyLogText(
      "Collecting pip\n  Using cached pip-24.2-py3-none-any.whl (1.8 MB)\nInstalling collected packages: pip\n  Attempting uninstall: pip\n    Found existing installation: pip 23.0.1\n    Uninstalling pip-23.0.1:\nERROR: Could not install packages due to an OSError: [WinError 5] Access is denied: 'c:\\\\python312\\\\scripts\\\\pip.exe'\n",
    );
    expect(commandYouRan(log)).toBeNull();
    expect(packageFromLog(log)).toBeNull();
  });
});
