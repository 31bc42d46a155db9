import { userInfo } from 'node:os';
import { fileOwner } from '../fileOwner';
import { findLeftovers } from '../leftovers/leftovers';
import type { InterpreterFacts } from '../systemProbe';
import { probeInterpreter } from '../interpreterProbe';
import { runProcess } from '../runProcess';
import type { ProcessSummary, SystemProbe } from '../systemProbe';
import { probeWritable } from '../writeProbe';
import type { WriteProbe } from '../writeProbe';
import { checkFolderAccessWindows } from './checkFolderAccessWindows';
import type { CommandRunner } from './commandRunner';
import { discoverWindowsInterpreters } from './discoverWindowsInterpreters';
import { holderScanOf } from './holderScan';
import { isElevatedIn, systemSettingsOf } from './machineSettings';
import type { ProbeDocument } from './probeDocument';
import { runProbeScript } from './probeScript';
import { probeScriptPath } from './probeScriptPath';
import { processDetails, processSummaries } from './processTable';
import { ScanSession, ScanSessions } from './scanSession';
import { checkTempDirWindows } from './tempDirWindows';
import type { WindowsFiles } from './windowsFiles';
import { nodeWindowsFiles } from './windowsFiles';
import { windowsInstallKind } from './windowsInstallKind';

/** Everything the Windows backend touches, replaceable so tests can replay a recorded machine. */
export interface WindowsProbeDeps {
  /** The one runner: where.exe, py.exe, reg.exe and powershell.exe. */
  run: CommandRunner;
  files: WindowsFiles;
  probeWritable: (dir: string) => Promise<WriteProbe>;
  probeInterpreter: (executable: string, signal?: AbortSignal) => Promise<InterpreterFacts>;
  scriptPath: () => string;
  userName: () => string;
  /** When a waiting question may start the run; the event loop's next turn. */
  nextTurn?: (callback: () => void) => void;
  scriptTimeoutMs?: number;
}

export function defaultWindowsProbeDeps(env: NodeJS.ProcessEnv): WindowsProbeDeps {
  return {
    run: runProcess,
    files: nodeWindowsFiles,
    probeWritable,
    probeInterpreter: (executable, signal) => probeInterpreter(executable, { signal, env }),
    scriptPath: () => probeScriptPath(),
    userName: () => userInfo().username,
  };
}

/**
 * Windows. Installs come from where.exe, `py -0p`, `reg query` and file
 * reads; each interpreter answers the same one-spawn probe as on macOS and
 * Linux; writeability is tested by writing. Everything else (elevation, long
 * paths, Controlled Folder Access, the process table, the access lists of
 * the folders that refused, and who holds the installs' files) comes from
 * ONE run of assets/windows/pip-doctor-probe.ps1 per scan: see ScanSession
 * for how the engine's separate questions share it.
 */
export function createWindowsSystemProbe(
  env: NodeJS.ProcessEnv = process.env,
  deps: WindowsProbeDeps = defaultWindowsProbeDeps(env),
): SystemProbe {
  const sessions = new ScanSessions(
    () =>
      new ScanSession(
        (request, signal) =>
          runProbeScript(request, {
            run: deps.run,
            env,
            scriptPath: deps.scriptPath,
            timeoutMs: deps.scriptTimeoutMs,
            signal,
          }),
        deps.nextTurn,
      ),
  );
  // describeProcesses is handed the table listProcesses returned: it answers from that run.
  const documentOfTable = new WeakMap<ReadonlyMap<number, ProcessSummary>, ProbeDocument>();

  return {
    platform: 'win32',
    currentUser: () => ({ name: deps.userName(), uid: null }),
    isElevated: async () => isElevatedIn(await sessions.session().picture('identity')),
    systemDirectory: async () => {
      const { identity } = await sessions.session().picture('identity');
      return identity.status === 'ok' ? identity.systemDirectory : null;
    },
    userSid: async () => {
      const { identity } = await sessions.session().picture('identity');
      return identity.status === 'ok' ? identity.userSid : null;
    },
    systemSettings: async () =>
      systemSettingsOf(await sessions.session().picture('identity', 'settings')),
    discoverInterpreters: (options, onFound) =>
      sessions
        .session()
        .track(discoverWindowsInterpreters(options, { run: deps.run, files: deps.files }, onFound)),
    probeInterpreter: (executable, signal) => {
      const session = sessions.session();
      session.addInterpreter(executable);
      return session.track(
        deps.probeInterpreter(executable, signal).then((facts) => {
          // Its processes may run under the path it reports for itself rather than the one asked.
          if (facts.realExecutable) session.addInterpreter(facts.realExecutable);
          return facts;
        }),
      );
    },
    installKind: (facts) => windowsInstallKind(facts, env),
    // Windows decides who may write by ACL, not by owner: nothing to take back.
    foreignTree: async () => null,
    checkFolder: (role, path) =>
      checkFolderAccessWindows(role, path, sessions.session(), deps.probeWritable),
    async listProcesses() {
      const document = await sessions.session().picture('processes');
      const table = processSummaries(document);
      documentOfTable.set(table, document);
      return table;
    },
    async describeProcesses(summaries, pids) {
      const document =
        documentOfTable.get(summaries) ?? (await sessions.session().picture('processes'));
      return processDetails(document, summaries, pids);
    },
    checkTempDir: (scanEnv) => checkTempDirWindows(scanEnv, deps),
    // RECORD paths use `/` and Windows paths compare without case.
    fileOwner: (sitePackagesDirs, file) => fileOwner(sitePackagesDirs, file, { foldCase: true }),
    findLeftovers,
    async findHolders(prefixes, priorityPaths, signal) {
      const document = await sessions.session().pictureWithHolders(prefixes, priorityPaths, signal);
      return holderScanOf(document);
    },
  };
}
