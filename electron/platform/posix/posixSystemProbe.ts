import { homedir, userInfo } from 'node:os';
import { fileOwner } from '../fileOwner';
import { findLeftovers } from '../leftovers/leftovers';
import type { ProcessInfo, SystemProbe } from '../systemProbe';
import { probeInterpreter } from '../interpreterProbe';
import { discoverPosixInterpreters } from './discoverInterpreters';
import { checkFolderAccess } from './checkFolderAccess';
import { foreignTreeIn } from './foreignTree';
import { posixInstallKind } from './posixInstallKind';
import { readProcessDetails, readProcessSummaries } from './procProcessTable';
import { findHoldersLinux } from './procFileHolders';
import { prepareOpenFilesReader } from './procFilesReader';
import { findHoldersLsof } from './lsofFileHolders';
import { readProcessTablePs } from './psProcessTable';
import { checkTempDirPosix } from './tempDirPosix';

/**
 * macOS and Linux. Linux reads /proc directly (fast, no spawn); macOS has no
 * /proc, so processes and open files come from `ps` and `lsof`.
 */
export function createPosixSystemProbe(env: NodeJS.ProcessEnv = process.env): SystemProbe {
  const platform = process.platform === 'darwin' ? 'darwin' : 'linux';
  let psTable: ReadonlyMap<number, ProcessInfo> | null = null;
  return {
    platform,
    currentUser() {
      const info = userInfo();
      return { name: info.username, uid: info.uid };
    },
    // Ownership is a uid here; SIDs are Windows'.
    userSid: async () => null,
    systemDirectory: async () => null,
    async isElevated() {
      return process.geteuid?.() === 0;
    },
    // These are Windows settings; sudo's availability is not knowable without asking for a password.
    systemSettings: async () => ({
      longPathsEnabled: null,
      controlledFolderAccess: null,
      canElevate: null,
    }),
    discoverInterpreters: (options, onFound) => {
      // Every scan starts here: the /proc reader's threads (tens of ms to start) come up
      // while discovery and the probes run, not at app start and not at the holder scan.
      if (platform === 'linux') void prepareOpenFilesReader();
      return discoverPosixInterpreters(options, onFound);
    },
    probeInterpreter: (executable, signal) => probeInterpreter(executable, { signal, env }),
    installKind: (facts) => posixInstallKind(facts, env),
    // The home whose folders may be handed back: the one the user's shell knows.
    checkFolder: (role, path) => checkFolderAccess(role, path, env.HOME || homedir()),
    foreignTree: (folder) => foreignTreeIn(folder, env.HOME || homedir(), userInfo().uid),
    async listProcesses() {
      if (platform === 'linux') return readProcessSummaries();
      // ps prints command lines anyway: on macOS the summary read is the whole table.
      psTable = await readProcessTablePs();
      return psTable;
    },
    async describeProcesses(summaries, pids) {
      if (platform === 'linux') return readProcessDetails(summaries, pids);
      const table = psTable ?? (await readProcessTablePs());
      return new Map(pids.filter((pid) => table.has(pid)).map((pid) => [pid, table.get(pid)!]));
    },
    checkTempDir: (scanEnv) => checkTempDirPosix(scanEnv),
    fileOwner: (sitePackagesDirs, file) => fileOwner(sitePackagesDirs, file),
    findLeftovers,
    findHolders: (prefixes, priorityPaths, signal) =>
      platform === 'linux'
        ? findHoldersLinux(prefixes, { priorityPaths, signal })
        : findHoldersLsof(prefixes, { priorityPaths, signal }),
  };
}
