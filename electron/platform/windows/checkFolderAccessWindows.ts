import type { AccessCheck, FolderRole } from '../../shared/model/diagnosis';
import type { WriteProbe } from '../writeProbe';
import { explainWindowsAccess } from './explainWindowsAccess';
import { controlledFolderAccessBlocks } from './machineSettings';
import type { ProbeDocument } from './probeDocument';
import type { ScanSession } from './scanSession';
import { tokenView } from './tokenView';

/**
 * One folder pip would write to, on Windows: decided by writing a file
 * (writeProbe.ts; `fs.access` ignores ACLs there), explained from the
 * folder's access list, which the scan's one PowerShell run reads. Only a
 * folder that refused waits for that run; a writable one answers at once.
 */
export async function checkFolderAccessWindows(
  role: FolderRole,
  path: string,
  session: ScanSession,
  probeWritable: (dir: string) => Promise<WriteProbe>,
): Promise<AccessCheck> {
  // Tracked, and the folder added before the promise settles: the run waits for both.
  const probe = await session.track(
    probeWritable(path).then((result) => {
      if (result.writable !== true && result.probedPath !== null)
        session.addFolder(result.probedPath);
      return result;
    }),
  );
  const document =
    probe.writable !== true && probe.probedPath !== null
      ? await session.picture('acl', 'identity', 'settings')
      : null;
  return {
    role,
    path,
    exists: probe.exists,
    ...explainWindowsAccess(factsFor(path, probe, document)),
    readOnlyFileSystem: probe.errorCode === 'EROFS',
    // Handing ownership back is the POSIX remedy; on Windows access is granted instead.
    reclaim: null,
  };
}

function factsFor(path: string, probe: WriteProbe, document: ProbeDocument | null) {
  const acl = document?.acl.items.find((item) => item.path === probe.probedPath) ?? null;
  const aclError =
    document === null ? null : document.acl.status === 'ok' ? null : document.acl.error;
  return {
    path,
    probe,
    acl,
    aclError,
    token: document === null ? null : tokenView(document.identity),
    controlledFolderAccess:
      document?.settings.status === 'ok'
        ? controlledFolderAccessBlocks(document.settings.controlledFolderAccess)
        : null,
  };
}
