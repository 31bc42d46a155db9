import { win32 } from 'node:path';
import { UserFacingError } from '../../shared/userFacingError';
import { envValue } from './commandRunner';
import { defineMessage } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';

/**
 * The Windows folder the app starts its programs from (PowerShell, icacls,
 * reg, the elevated steps' PowerShell above all). %SystemRoot% and %windir%
 * come from the environment, which the user (or any program of theirs) can
 * set per account: pointed at a folder of theirs, the UAC prompt would start
 * their powershell.exe as administrator. So the variable is used only when
 * it names the folder Windows itself reports (GetSystemDirectory's parent,
 * asked by the probe); a fixed `C:\Windows` would be wrong on a machine
 * installed elsewhere.
 */
export function trustedSystemRoot(env: NodeJS.ProcessEnv, systemDirectory: string | null): string {
  if (systemDirectory === null || !win32.isAbsolute(systemDirectory)) {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.windows.systemFolderUnknown',
          defaultMessage:
            'Pip Doctor could not ask Windows where its own programs are, so it will not run any for this fix. Scan again; if this keeps happening, use the commands shown instead.',
        }),
      ),
      `system directory unknown (${systemDirectory ?? 'null'})`,
    );
  }
  const system32 = win32.normalize(systemDirectory).replace(/\\+$/, '');
  if (win32.basename(system32).toLowerCase() !== 'system32') {
    throw new UserFacingError(
      msg(
        defineMessage({
          id: 'error.windows.notSystem32',
          defaultMessage:
            'Windows reported {folder} as its system folder, which is not a System32 folder; Pip Doctor will not run programs from there.',
        }),
        { folder: system32 },
      ),
      `system directory ${system32}`,
    );
  }
  const windows = win32.dirname(system32);
  for (const name of ['SystemRoot', 'windir']) {
    const value = envValue(env, name);
    if (value !== undefined && !sameFolder(value, windows)) {
      throw new UserFacingError(
        msg(
          defineMessage({
            id: 'error.windows.systemRootMoved',
            defaultMessage:
              "The {name} environment variable says Windows is in {value}, but Windows is in {windows}. Pip Doctor will not run programs from {value} as administrator: they could be anyone's. Remove the {name} setting from your account's environment variables, sign out and in again, then scan again.",
            description:
              '{name}: SystemRoot or windir, a variable name; {value} and {windows}: folder paths',
          }),
          { name, value, windows },
        ),
        `${name}=${value}, GetSystemDirectory=${system32}`,
      );
    }
  }
  return windows;
}

function sameFolder(a: string, b: string): boolean {
  const fold = (path: string) => win32.normalize(path).replace(/\\+$/, '').toLowerCase();
  return fold(a) === fold(b);
}
