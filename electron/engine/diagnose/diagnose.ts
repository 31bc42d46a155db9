import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';

const words = defineMessages({
  nothingWrong: {
    id: 'diagnosis.observation.nothingWrong',
    defaultMessage:
      'Your log shows pip finishing without an error, and the scan found nothing in the way of the next install.',
  },
  foreignFiles: {
    id: 'diagnosis.access.foreignFiles',
    defaultMessage:
      '{atLeast, select, yes {{count, plural, one {More than # file in {folder} belongs to {owner} (left by an earlier sudo pip), so pip cannot change it.} other {More than # files in {folder} belong to {owner} (left by an earlier sudo pip), so pip cannot change them.}}} other {{count, plural, one {# file in {folder} belongs to {owner} (left by an earlier sudo pip), so pip cannot change it.} other {# files in {folder} belong to {owner} (left by an earlier sudo pip), so pip cannot change them.}}}}',
    description:
      '{folder} is a folder, {owner} an account name (root); atLeast=yes when the count stopped early',
  },
  notInspected: {
    id: 'diagnosis.gap.notInspected',
    defaultMessage: '{python} could not be inspected: {detail}',
    description:
      '{python} is the path of a Python program; {detail} says what went wrong, a sentence of its own',
  },
  notInspectedHow: {
    id: 'diagnosis.gap.notInspected.how',
    defaultMessage:
      'Run it by hand to see what it prints; the rest of the scan did not depend on it.',
  },
});
import type {
  AccessCheck,
  Diagnosis,
  Gap,
  Leftover,
  PythonInstall,
} from '../../shared/model/diagnosis';
import type { LogFinding } from '../../shared/model/logFinding';
import { osTraits } from '../../platform/osTraits';
import type {
  FileOwner,
  ForeignTree,
  InterpreterFacts,
  ProcessInfo,
  SystemProbe,
} from '../../platform/systemProbe';
import { PROBE_MARKER } from '../../platform/systemProbe';
import type { RemedyCatalog } from '../recommend/remedyFacts';
import { heldByOf } from './holders';
import { newVenvFolder } from './newVenvFolder';
import { brokenInstall } from './brokenInstalls';
import { logShowsFailure, observationsOf } from './observations';
import { targetInstall } from './targetInstall';
import { recommend } from '../recommend/recommend';
import { blockedFolder, settleCause } from '../recommend/settleCause';
import { buildInstall, foldersOf } from './buildInstalls';
import { describeProcesses, pidsToDescribe } from './describeProcesses';
import type { ProgressListener } from './progress';
import { SCAN_PROGRESS_DETAIL as DETAIL } from './progress';
import type { Message } from '../../shared/i18n/message';
import { isInside } from '../../shared/paths';
import { withoutNetworkPaths } from './networkPaths';

export interface DiagnoseOptions {
  projectDir: string;
  extraPythons: string[];
  env: NodeJS.ProcessEnv;
  /** The classified log the user gave, if any: its failing path is looked at first. */
  log: LogFinding | null;
  /** The remedies to rank (electron/remedies/registry.ts): given, so the engine imports none. */
  remedies: RemedyCatalog;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

export class ScanCancelledError extends Error {
  constructor() {
    super('The scan was cancelled.');
  }
}

/**
 * Looks at the machine and says what is wrong: every Python install, whether
 * pip can write where it installs, who holds its files, and the remedies
 * ranked for this machine. Independent questions run in parallel: one spawn
 * per interpreter, all at once, while the process table is read.
 */
export async function diagnose(probe: SystemProbe, options: DiagnoseOptions): Promise<Diagnosis> {
  const { signal, onProgress } = options;
  const checkCancelled = () => {
    if (signal?.aborted) throw new ScanCancelledError();
  };
  const step = (
    name: Parameters<ProgressListener>[0]['step'],
    state: 'running' | 'done',
    detail: Message | null = null,
  ) => onProgress?.({ step: name, state, detail });

  step('installs', 'running');
  step('interpreters', 'running');
  step('folders', 'running');
  // Asked with elevation, from the same first picture: asked later, it would start a second scan run.
  const elevatedPromise = probe.isElevated();
  const userSidPromise = probe.userSid();
  const settingsPromise = probe.systemSettings();
  const tempDirPromise = probe.checkTempDir(options.env);

  // Each interpreter is probed the moment discovery first sees it, and its folders are
  // checked the moment it answers: no stage waits for the slowest interpreter of another.
  const inspections = new Map<
    string,
    { facts: Promise<InterpreterFacts>; complete: Promise<Inspection> }
  >();
  const inspect = (identity: string, executable: string) => {
    if (!inspections.has(identity))
      inspections.set(identity, inspectInterpreter(probe, executable, signal));
  };
  // Paths on other computers never reach a probe (networkPaths.ts); the log is shown as given.
  const { log, gaps: logGaps } = withoutNetworkPaths(options.log);
  const discovery = await probe.discoverInterpreters(
    {
      projectDir: options.projectDir,
      extraPythons: options.extraPythons,
      env: options.env,
      // The install pip failed in is searched for even when it is on no PATH (DESIGN.md rule 11).
      logPaths: [log?.path, log?.secondPath].filter((path): path is string => !!path),
      logInterpreter: log?.interpreter ?? null,
    },
    inspect,
  );
  for (const candidate of discovery.candidates) inspect(candidate.identity, candidate.executable);
  // Read while the probes run, but after discovery: its hundreds of /proc reads would
  // otherwise queue ahead of discovery's own in libuv's small thread pool.
  const tablePromise = probe.listProcesses();
  step('installs', 'done', msg(DETAIL.installsFound, { count: discovery.candidates.length }));

  // The holder scan needs only the probes' answers: it starts while folders are still checked.
  const factsList = await Promise.all(
    discovery.candidates.map((candidate) => inspections.get(candidate.identity)!.facts),
  );
  step(
    'interpreters',
    'done',
    msg(DETAIL.interpretersAnswered, {
      count: factsList.filter((facts) => facts.status === 'ok').length,
    }),
  );
  checkCancelled();

  step('processes', 'running');
  const okFacts = factsList.filter((facts) => facts.status === 'ok');
  const priorityPaths = log?.path ? [log.path] : [];
  const holderPromise = probe.findHolders(holderRoots(okFacts), priorityPaths, signal);
  const inspected = await Promise.all(
    discovery.candidates.map((candidate) => inspections.get(candidate.identity)!.complete),
  );
  const refs = discovery.candidates.map((candidate, index) => {
    const { facts, folders, leftovers } = inspected[index]!;
    const kind = facts.status === 'ok' ? probe.installKind(facts) : 'unknown';
    return { install: buildInstall(candidate, facts, kind, folders, leftovers), facts };
  });
  step(
    'folders',
    'done',
    msg(DETAIL.foldersChecked, {
      count: refs.reduce((n, ref) => n + ref.install.folders.length, 0),
    }),
  );

  const [summaries, holderScan] = await Promise.all([tablePromise, holderPromise]);
  const user = { ...probe.currentUser(), sid: await userSidPromise };
  const okRefs = refs.filter((ref) => ref.facts.status === 'ok');
  const { shown, withParents } = pidsToDescribe(summaries, holderScan.holders, okRefs, process.pid);
  const details = withoutOwnProbes(await probe.describeProcesses(summaries, withParents));
  const processes = describeProcesses(shown, summaries, details, holderScan.holders, okRefs, user);
  step('processes', 'done', msg(DETAIL.processesRelevant, { count: processes.length }));
  checkCancelled();

  step('remedies', 'running');
  let installs = [
    ...refs.map((ref) => ({ ...ref.install, heldBy: heldByOf(ref.install, processes, log) })),
    ...discovery.broken.map(brokenInstall),
  ];
  const pipOnPath = discovery.commands.map((command) => ({
    command: command.command,
    path: command.path,
    installId:
      installs.find(
        (install) => command.interpreter !== null && install.executable === command.interpreter,
      )?.id ?? null,
  }));
  const chosen = targetInstall({ installs, pipOnPath, log, activeVenv: discovery.activeVenv });
  const targetBecause = chosen.because;
  // Its own folders may all be writable while the one holding the failing file is not.
  const target = await withFailingFolder(probe, chosen.install, log);
  if (target) installs = installs.map((install) => (install.id === target.id ? target : install));
  const [elevated, settings, tempDir, logFileOwner] = await Promise.all([
    elevatedPromise,
    settingsPromise,
    tempDirPromise,
    ownerOfLogFile(probe, target, log),
  ]);
  const gaps = [...logGaps, ...discovery.gaps, ...holderScan.gaps, ...interpreterGaps(installs)];
  const allProcessesInspected = !gaps.some((gap) => gap.area === 'processes');
  const pep668Bypassed = isTruthy(options.env.PIP_BREAK_SYSTEM_PACKAGES);
  const observations = observationsOf({
    target,
    installs,
    log,
    activeVenv: discovery.activeVenv,
    tempDir,
    logFileOwner,
    pep668Bypassed,
  });
  const settled = settleCause({
    log,
    target,
    processes,
    elevated,
    platform: probe.platform,
    tempDir,
    allProcessesInspected,
    pep668Bypassed,
  });
  const venvFolder = newVenvFolder(
    osTraits(probe.platform),
    options.projectDir,
    target,
    settled.cause,
  );
  const recommendations = recommend(
    {
      platform: probe.platform,
      cause: settled.cause,
      target,
      installs,
      processes,
      log,
      projectDir: options.projectDir,
      pipOnPath,
      settings,
      venvFolder: venvFolder ?? '',
      gaps,
      observations,
      tempDir,
      userName: user.name,
      userSid: user.sid,
      elevated,
    },
    options.remedies,
  );
  if (settled.cause === 'none' && log !== null && !logShowsFailure(log))
    observations.push({
      kind: 'nothing-wrong',
      message: msg(words.nothingWrong),
      path: null,
    });
  step(
    'remedies',
    'done',
    msg(DETAIL.remediesToTry, { count: recommendations.filter((r) => r.applicable).length }),
  );

  return {
    schemaVersion: 1,
    platform: probe.platform,
    scannedAt: new Date().toISOString(),
    user,
    elevated,
    settings,
    installs,
    pipOnPath,
    targetInstallId: target?.id ?? null,
    targetBecause,
    newVenvFolder: venvFolder,
    processes,
    tempDir,
    log,
    cause: settled.cause,
    causeSummary: settled.summary,
    recommendations,
    observations,
    gaps,
  };
}

interface Inspection {
  facts: InterpreterFacts;
  folders: AccessCheck[];
  leftovers: Leftover[];
}

/** One interpreter, start to finish: its probe, then its folders and leftovers in parallel. */
function inspectInterpreter(
  probe: SystemProbe,
  executable: string,
  signal: AbortSignal | undefined,
): { facts: Promise<InterpreterFacts>; complete: Promise<Inspection> } {
  const facts = probe.probeInterpreter(executable, signal);
  return { facts, complete: facts.then((answered) => inspectFolders(probe, executable, answered)) };
}

async function inspectFolders(
  probe: SystemProbe,
  executable: string,
  facts: InterpreterFacts,
): Promise<Inspection> {
  if (facts.status !== 'ok') return { facts, folders: [], leftovers: [] };
  const [folders, leftovers] = await Promise.all([
    Promise.all(foldersOf(facts).map(({ role, path }) => probe.checkFolder(role, path))),
    probe.findLeftovers(
      [...new Set([facts.purelib, facts.platlib].filter((p): p is string => p !== null))],
      facts.scripts ? [facts.scripts] : [],
      { pipVersion: facts.pipVersion, executable },
    ),
  ]);
  return { facts, folders, leftovers };
}

/**
 * Without the interpreter probes this scan started while the table was read
 * (normally gone by now; a probe still exiting must not be shown as a holder).
 */
function withoutOwnProbes(
  table: ReadonlyMap<number, ProcessInfo>,
): ReadonlyMap<number, ProcessInfo> {
  return new Map([...table].filter(([, info]) => !info.commandLine.includes(PROBE_MARKER)));
}

/**
 * Folders whose open files matter. A venv's whole prefix is its own; a base
 * install's prefix (/usr) holds everything else on the system, so only its
 * site-packages folders count.
 */
function holderRoots(factsList: InterpreterFacts[]): string[] {
  const roots = new Set<string>();
  for (const facts of factsList) {
    if (facts.inVenv && facts.prefix) roots.add(facts.prefix);
    for (const folder of [facts.purelib, facts.platlib, facts.userSite])
      if (folder) roots.add(folder);
  }
  return [...roots];
}

/**
 * The folder holding the file a permission error names, checked as the
 * install's other folders are, when it lies in the target and the target's
 * own folders are all writable: a package folder a `sudo pip` left to root
 * inside a venv the user owns is what blocks pip then.
 */
async function withFailingFolder(
  probe: SystemProbe,
  target: PythonInstall | null,
  log: LogFinding | null,
): Promise<PythonInstall | null> {
  if (!target || target.status !== 'ok' || !log || !logShowsFailure(log)) return target;
  if (log.category !== 'permission' && log.category !== 'lock') return target;
  if (blockedFolder(target, log.path) !== null) return target;
  const withFolder = (check: AccessCheck) => ({ ...target, folders: [...target.folders, check] });
  const inTarget =
    log.path !== null &&
    ((target.prefix !== null && isInside(log.path, target.prefix)) ||
      target.folders.some((folder) => isInside(log.path!, folder.path)));
  if (inTarget) {
    const check = await probe.checkFolder(
      'failing',
      osTraits(probe.platform).paths.dirname(log.path!),
    );
    if (check.writable === false) return withFolder(check);
  }
  // No path to go by (pip names a relative RECORD): files another account owns in the
  // user's own install, what a `sudo pip` leaves behind, are what refuses pip.
  const own =
    target.kind === 'venv' && target.prefix !== null
      ? [target.prefix]
      : target.folders.filter((folder) => folder.role === 'user-site').map((folder) => folder.path);
  for (const folder of own) {
    const foreign = await probe.foreignTree(folder);
    if (foreign) return withFolder(foreignFolderCheck(foreign));
  }
  return target;
}

/** Someone else's files in the user's own install, as the folder that stops pip. */
function foreignFolderCheck(foreign: ForeignTree): AccessCheck {
  return {
    role: 'failing',
    path: foreign.tree,
    exists: true,
    writable: false,
    reason: msg(words.foreignFiles, {
      count: foreign.count,
      atLeast: foreign.truncated ? 'yes' : 'no',
      folder: foreign.tree,
      owner: foreign.owner,
    }),
    owner: foreign.owner,
    mode: null,
    acl: null,
    readOnlyFileSystem: false,
    reclaim: foreign.tree,
  };
}

/** An environment variable set to a yes, as pip reads its boolean options. */
function isTruthy(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

/** The distribution that installed the file the log names, when it lies in the target's site-packages. */
async function ownerOfLogFile(
  probe: SystemProbe,
  target: PythonInstall | null,
  log: LogFinding | null,
): Promise<FileOwner | null> {
  if (!target || !log?.path) return null;
  const sitePackages = target.folders
    .filter((folder) => ['purelib', 'platlib', 'user-site'].includes(folder.role))
    .map((folder) => folder.path)
    .filter((folder) => isInside(log.path!, folder));
  return sitePackages.length === 0 ? null : probe.fileOwner(sitePackages, log.path);
}

function interpreterGaps(installs: PythonInstall[]): Gap[] {
  return installs
    .filter((install) => install.status !== 'ok')
    .map((install) => ({
      area: 'installs' as const,
      message: msg(words.notInspected, {
        python: install.executable,
        detail: install.statusDetail ?? install.status,
      }),
      howToReveal: msg(words.notInspectedHow),
    }));
}
