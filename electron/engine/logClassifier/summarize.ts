import type { Verdict } from './decideCause';
import type { NotPermissionKind } from './logSignals';
import { pathForPeople } from '../../shared/pathForPeople';
import { msg } from '../../shared/i18n/message';
import type { Message, MessageValue } from '../../shared/i18n/message';
import { FILE_PHRASE, NOT_PERMISSION, SUMMARY } from './summaryMessages';

interface SummaryInput {
  verdict: Verdict;
  pkg: string | null;
  notPermission: ReadonlySet<NotPermissionKind>;
  binary: boolean;
}

/** Commands the summaries name: values, so no language translates them. */
const UPGRADE_PIP = 'python -m pip install --upgrade pip';
const SUDO_PIP = 'sudo pip';
const CHOWN_TO_ME = 'sudo chown -R "$USER"';
/** A short folder for a virtual environment, where Windows' 260-character limit is far off. */
const SHORT_VENV_FOLDER = 'C:\\venvs';

/** The cause in words a person who has never heard of site-packages understands. */
export function summarize({ verdict, pkg, notPermission, binary }: SummaryInput): Message {
  // Long paths are named by their last part: the whole path is in the finding (`path`), shown as evidence.
  const file = fileNamed(verdict.path);
  // "numpy" (part of numpy) says the same name twice: the package's own folder needs no owner.
  const fileOfPackage =
    pkg && file !== `"${pkg}"` ? msg(FILE_PHRASE.partOf, { file, package: pkg }) : file;
  const temp = verdict.tempFolder ? pathForPeople(verdict.tempFolder) : null;
  switch (verdict.reason) {
    case 'pep668':
      return msg(SUMMARY.pep668);
    case 'store-folder':
      return msg(SUMMARY.storeFolder, { file });
    case 'long-path-hint':
    case 'long-path-length':
      return msg(SUMMARY.longPath, { file, shortFolder: SHORT_VENV_FOLDER });
    case 'long-name-hint':
      return msg(SUMMARY.longName, { file: fileOfPackage });
    case 'virus-detected':
      return msg(SUMMARY.virusDetected, { file });
    case 'temp-invalid-argument':
    case 'temp-executable':
    case 'scanner-named':
      return msg(SUMMARY.scannerLikely, { file });
    case 'scanner-reset':
      return msg(SUMMARY.scannerReset);
    case 'pip-guard':
    case 'pip-launcher':
      return msg(SUMMARY.pipSelfUpgrade, { command: UPGRADE_PIP });
    case 'in-use':
      return msg(SUMMARY.inUse, { file: fileOfPackage });
    case 'loaded-binary':
      return msg(SUMMARY.loadedBinary, { file: fileOfPackage });
    case 'stash-binary':
      return msg(SUMMARY.stashBinary, { file: fileOfPackage });
    case 'uninstall-stash':
      return msg(SUMMARY.uninstallStash, { file: fileOfPackage });
    case 'user-folder-denied':
      return msg(SUMMARY.userFolderDenied, { file: fileOfPackage });
    case 'temp-file':
      return msg(SUMMARY.tempFile, { file });
    case 'temp-not-owned':
      return temp
        ? msg(SUMMARY.tempNotOwned, { folder: temp, sudoPip: SUDO_PIP })
        : msg(SUMMARY.tempNotOwnedUnnamed, { sudoPip: SUDO_PIP });
    case 'cache-not-owned':
      return msg(SUMMARY.cacheNotOwned, { file, sudoPip: SUDO_PIP, chown: CHOWN_TO_ME });
    case 'broken-launcher':
      // The program is named by its path, else by its name: "pip" is a program name, not a word.
      return msg(SUMMARY.brokenLauncher, {
        program: (verdict.path ? pathForPeople(verdict.path) : null) ?? 'pip',
      });
    case 'no-temp-dir':
      return verdict.path ? msg(SUMMARY.noTempDirTried, { file }) : msg(SUMMARY.noTempDir);
    case 'temp-disk-full':
      return temp
        ? msg(SUMMARY.tempDiskFull, { folder: temp, file })
        : msg(SUMMARY.tempDiskFullUnnamed, { file });
    case 'admin-folder':
      return msg(binary ? SUMMARY.adminFolderBinary : SUMMARY.adminFolder, {
        file: fileOfPackage,
      });
    case 'posix-denied':
      return msg(SUMMARY.posixDenied, { file: fileOfPackage });
    case 'read-only-fs':
      return msg(SUMMARY.readOnlyFs, { file: fileOfPackage });
    case 'denied-no-path':
      return msg(SUMMARY.deniedNoPath);
    case 'other-os-error':
      if (verdict.path === null) {
        if (notPermission.size > 0) return notPermissionSentence(notPermission);
        return verdict.code === null
          ? msg(SUMMARY.osErrorUnknown)
          : msg(SUMMARY.osError, { code: verdict.code });
      }
      return msg(SUMMARY.osErrorOnFile, { file, detail: notPermissionSentence(notPermission) });
    case 'not-permission-signal':
      return notPermissionSentence(notPermission);
    case 'nothing-matched':
      return msg(SUMMARY.nothingMatched);
  }
}

/** A file as the first sentence names it: quoted when short enough to read, else "a file it needed". */
function fileNamed(path: string | null): MessageValue {
  return (path ? pathForPeople(path) : null) ?? msg(FILE_PHRASE.unnamed);
}

function notPermissionSentence(kinds: ReadonlySet<NotPermissionKind>): Message {
  if (kinds.has('disk-full')) return msg(NOT_PERMISSION.diskFull);
  if (kinds.has('build')) return msg(NOT_PERMISSION.build);
  if (kinds.has('no-match')) return msg(NOT_PERMISSION.noMatch);
  if (kinds.has('tls')) return msg(NOT_PERMISSION.tls);
  if (kinds.has('network')) return msg(NOT_PERMISSION.network);
  if (kinds.has('conflict')) return msg(NOT_PERMISSION.conflict);
  if (kinds.has('hash')) return msg(NOT_PERMISSION.hash);
  if (kinds.has('python-version')) return msg(NOT_PERMISSION.pythonVersion);
  if (kinds.has('memory')) return msg(NOT_PERMISSION.memory);
  return msg(NOT_PERMISSION.other);
}
