import { win32 } from 'node:path';
import type { TempDirCheck } from '../../shared/model/diagnosis';
import { checkTempDirWith } from '../tempDirCheck';
import type { TempDirCandidate } from '../tempDirCheck';
import type { WriteProbe } from '../writeProbe';
import { envValue } from './commandRunner';
import type { WindowsFiles } from './windowsFiles';

/**
 * Where pip unpacks on Windows. Python's tempfile does not ask Windows
 * (GetTempPath reads TMP first); it tries TMPDIR, TEMP and TMP, then
 * ~\AppData\Local\Temp, %SYSTEMROOT%\Temp, C:\temp and C:\tmp (CPython
 * Lib/tempfile.py, _candidate_tempdir_list). The alternative offered is the
 * user's own %LOCALAPPDATA%\Temp.
 */
export function checkTempDirWindows(
  env: NodeJS.ProcessEnv,
  deps: { files: WindowsFiles; probeWritable: (dir: string) => Promise<WriteProbe> },
): Promise<TempDirCheck> {
  const home =
    envValue(env, 'USERPROFILE') ??
    (envValue(env, 'HOMEDRIVE') && envValue(env, 'HOMEPATH')
      ? `${envValue(env, 'HOMEDRIVE')}${envValue(env, 'HOMEPATH')}`
      : null);
  const systemRoot = envValue(env, 'SystemRoot');
  const candidates: TempDirCandidate[] = [
    ...['TMPDIR', 'TEMP', 'TMP']
      .filter((name) => envValue(env, name))
      .map((name) => ({ path: win32.resolve(envValue(env, name)!), variable: name })),
    ...[
      home && win32.join(home, 'AppData', 'Local', 'Temp'),
      systemRoot && win32.join(systemRoot, 'Temp'),
      'C:\\temp',
      'C:\\tmp',
    ]
      .filter((path): path is string => Boolean(path))
      .map((path) => ({ path, variable: null })),
  ];
  const localAppData =
    envValue(env, 'LOCALAPPDATA') ?? (home && win32.join(home, 'AppData', 'Local'));
  const { files } = deps;
  return checkTempDirWith(
    {
      candidates,
      alternative: localAppData ? win32.join(localAppData, 'Temp') : null,
      samePath: (a, b) => spelled(a) === spelled(b),
    },
    {
      probeWritable: deps.probeWritable,
      freeBytes: (dir) => files.freeBytes(dir),
      async folderError(dir) {
        if (await files.isFolder(dir)) return null;
        if (await files.isMissing(dir)) return 'ENOENT';
        // Something is there that is no folder, or Windows would not say (access denied).
        return (await files.exists(dir)) ? 'NOTAFOLDER' : 'EACCES';
      },
    },
  );
}

function spelled(path: string): string {
  return path.replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase();
}
