import { defineMessages } from '@formatjs/intl';
import { listOf, msg } from '../../shared/i18n/message';

const words = defineMessages({
  networkPath: {
    id: 'diagnosis.gap.networkPath',
    defaultMessage:
      'Your log names {paths}, which is on another computer. Pip Doctor did not look at it: opening a network path makes Windows sign in to that computer with your account, and the log could have come from anyone.',
    description: '{paths} are network paths (\\\\server\\share\\…)',
  },
  networkPathHow: {
    id: 'diagnosis.gap.networkPath.how',
    defaultMessage:
      'If that share is yours and you trust it, copy the project to a folder on this computer and run pip install there.',
  },
});
import type { Gap } from '../../shared/model/diagnosis';
import type { LogFinding } from '../../shared/model/logFinding';

/**
 * A pip log is text anyone can hand the app, and the paths in it are looked
 * at on this machine (Restart Manager, ACL reads, write probes). A path on
 * another computer (`\\server\share\…`, `\\?\UNC\server\share\…`) would make
 * Windows connect to that server over SMB and sign in there with the user's
 * account, which hands the server a hash of the user's password. So such
 * paths never reach a probe; the long-path form of a local drive
 * (`\\?\C:\…`) is a local path and does.
 */

/** `\\?\` or `\\.\` then `UNC\`: the long form of a share. */
const DEVICE_UNC = /^[\\/]{2}[?.][\\/]unc(?:[\\/]|$)/i;
/** `\\?\` or `\\.\` (devices, long local paths): not a share by itself. */
const DEVICE_PREFIX = /^[\\/]{2}[?.](?:[\\/]|$)/;
/** `\\server…` or `//server…`. */
const SHARE = /^[\\/]{2}[^\\/]/;

export function isNetworkPath(path: string): boolean {
  if (DEVICE_UNC.test(path)) return true;
  if (DEVICE_PREFIX.test(path)) return false;
  return SHARE.test(path);
}

/** The log as the probes may see it: its network paths dropped, with a gap that says why. */
export function withoutNetworkPaths(log: LogFinding | null): {
  log: LogFinding | null;
  gaps: Gap[];
} {
  if (log === null) return { log, gaps: [] };
  const dropped = [log.path, log.secondPath, log.interpreter].filter(
    (path): path is string => path !== null && isNetworkPath(path),
  );
  if (dropped.length === 0) return { log, gaps: [] };
  const keep = (path: string | null) => (path !== null && isNetworkPath(path) ? null : path);
  return {
    log: {
      ...log,
      path: keep(log.path),
      secondPath: keep(log.secondPath),
      interpreter: keep(log.interpreter),
    },
    gaps: [
      {
        area: 'folders',
        message: msg(words.networkPath, { paths: listOf([...new Set(dropped)]) }),
        howToReveal: msg(words.networkPathHow),
      },
    ],
  };
}
