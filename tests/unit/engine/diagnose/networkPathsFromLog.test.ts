import { english } from '../../../support/english';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../electron/engine/diagnose/diagnose';
import { isNetworkPath } from '../../../../electron/engine/diagnose/networkPaths';
import { classifyLogText } from '../../../../electron/engine/logClassifier';
import { REMEDY_CATALOG } from '../../../../electron/remedies/registry';
import { FIXTURES } from '../../../support/repoPaths';
import { loadRecordedMachine } from '../../platform/windows/support/recordedMachine';

/**
 * A dropped pip log whose venv lies on a share (tests/fixtures/pip-logs/
 * unc-share-lock.log, pip 24's own words), scanned by the real engine on a
 * recorded Windows machine: whatever the Windows backend is asked (the
 * PowerShell request with its Restart Manager paths and ACL folders, every
 * program's arguments) must not name the share, since opening it would sign
 * the user in to that server.
 */
const UNC_LOG = readFileSync(join(FIXTURES, 'pip-logs', 'unc-share-lock.log'), 'utf8');
const SHARE = String.raw`\\fileserver\projects\survey\.venv`;
/** The same failing file in the long form of a share, and in the long form of a local drive. */
const LONG_UNC_LOG = UNC_LOG.replaceAll(
  String.raw`'\\\\fileserver`,
  String.raw`'\\\\?\\UNC\\fileserver`,
);
const LONG_LOCAL_LOG = UNC_LOG.replaceAll(
  String.raw`'\\\\fileserver\\projects`,
  String.raw`'\\\\?\\C:\\Users\\ana\\projects`,
);

async function scanWith(logText: string) {
  const machine = loadRecordedMachine('venv-jupyter-vscode');
  const log = classifyLogText(logText);
  const diagnosis = await diagnose(machine.probe, {
    projectDir: machine.setup.projectDir,
    extraPythons: [],
    env: machine.env,
    log,
    remedies: REMEDY_CATALOG,
  });
  const asked = JSON.stringify({
    requests: machine.requests,
    runs: machine.runs,
    probed: machine.probed,
  });
  return { log, diagnosis, asked };
}

describe('a pip log that names a file on a network share', () => {
  it.each([
    ['\\\\server\\share', UNC_LOG, SHARE],
    [
      '\\\\?\\UNC\\server\\share',
      LONG_UNC_LOG,
      String.raw`\\?\UNC\fileserver\projects\survey\.venv`,
    ],
  ])(
    '(%s) is classified, but the share is never handed to a probe',
    async (_form, text, folder) => {
      const { log, diagnosis, asked } = await scanWith(text);
      // The classifier read the failing file off the share: this is the path that must not travel.
      expect(log.path).toBe(
        `${folder}\\Lib\\site-packages\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd`,
      );
      expect(asked.toLowerCase()).not.toContain('fileserver');
      const gap = diagnosis.gaps.find((candidate) =>
        english(candidate.message).includes(log.path!),
      );
      expect(gap && english(gap.message)).toContain('on another computer');
      expect(gap && english(gap.message)).toContain('sign in to that computer with your account');
      // The remedies plan from the diagnosis: they get the log without the share's path too.
      expect(diagnosis.log?.path).toBeNull();
    },
  );

  it('still looks at a long local path (\\\\?\\C:\\…): that is this computer', async () => {
    const { log, asked } = await scanWith(LONG_LOCAL_LOG);
    expect(log.path).toMatch(/^\\\\\?\\C:\\Users\\ana\\projects\\survey\\/);
    // The Restart Manager is asked about the failing file first, as for any local path.
    expect(asked).toContain(JSON.stringify(log.path).slice(1, -1));
  });
});

describe('isNetworkPath', () => {
  it.each([
    [String.raw`\\server\share\x`, true],
    ['//server/share/x', true],
    [String.raw`\\?\UNC\server\share\x`, true],
    [String.raw`\\?\unc\server\share`, true],
    [String.raw`\\.\UNC\server\share`, true],
    [String.raw`\\?\C:\Users\ana\x`, false],
    [String.raw`C:\Users\ana\x`, false],
    ['/home/ana/x', false],
  ])('%s -> %s', (path, network) => {
    expect(isNetworkPath(path)).toBe(network);
  });
});
