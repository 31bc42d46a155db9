import type {
  AccessCheck,
  Diagnosis,
  Gap,
  Leftover,
  PythonInstall,
} from '../../shared/model/diagnosis';
import type { LogFinding } from '../../shared/model/logFinding';
import { osTraits } from '../../platform/osTraits';
import type { InterpreterFacts, ProcessInfo, SystemProbe } from '../../platform/systemProbe';
import { PROBE_MARKER } from '../../platform/systemProbe';
import type { RemedyCatalog } from '../recommend/remedyFacts';
import { heldByOf } from './holders';
import { newVenvFolder } from './newVenvFolder';
import { recommend } from '../recommend/recommend';
import { settleCause } from '../recommend/settleCause';
import { sentence } from '../recommend/describeHolder';
import { buildInstall, foldersOf } from './buildInstalls';
import { describeProcesses, pidsToDescribe } from './describeProcesses';
import type { ProgressListener } from './progress';
import { isInside } from '../../shared/paths';

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
    detail: string | null = null,
  ) => onProgress?.({ step: name, state, detail });

  step('installs', 'running');
  step('interpreters', 'running');
  step('folders', 'running');
  const elevatedPromise = probe.isElevated();
  const settingsPromise = probe.systemSettings();

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
  const discovery = await probe.discoverInterpreters(options, inspect);
  for (const candidate of discovery.candidates) inspect(candidate.identity, candidate.executable);
  // Read while the probes run, but after discovery: its hundreds of /proc reads would
  // otherwise queue ahead of discovery's own in libuv's small thread pool.
  const tablePromise = probe.listProcesses();
  step('installs', 'done', `${discovery.candidates.length} found`);

  // The holder scan needs only the probes' answers: it starts while folders are still checked.
  const factsList = await Promise.all(
    discovery.candidates.map((candidate) => inspections.get(candidate.identity)!.facts),
  );
  step(
    'interpreters',
    'done',
    `${factsList.filter((facts) => facts.status === 'ok').length} answered`,
  );
  checkCancelled();

  step('processes', 'running');
  const okFacts = factsList.filter((facts) => facts.status === 'ok');
  const priorityPaths = options.log?.path ? [options.log.path] : [];
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
    `${refs.reduce((n, ref) => n + ref.install.folders.length, 0)} folders checked`,
  );

  const [summaries, holderScan] = await Promise.all([tablePromise, holderPromise]);
  const user = probe.currentUser();
  const okRefs = refs.filter((ref) => ref.facts.status === 'ok');
  const { shown, withParents } = pidsToDescribe(summaries, holderScan.holders, okRefs, process.pid);
  const details = withoutOwnProbes(await probe.describeProcesses(summaries, withParents));
  const processes = describeProcesses(
    shown,
    summaries,
    details,
    holderScan.holders,
    okRefs,
    user.uid,
  );
  step('processes', 'done', `${processes.length} relevant`);
  checkCancelled();

  step('remedies', 'running');
  const installs = refs.map((ref) => ({
    ...ref.install,
    heldBy: heldByOf(ref.install, processes, options.log),
  }));
  const pipOnPath = discovery.commands.map((command) => ({
    command: command.command,
    path: command.path,
    installId:
      installs.find(
        (install) => command.interpreter !== null && install.executable === command.interpreter,
      )?.id ?? null,
  }));
  const target = targetInstall(installs, pipOnPath, options.log);
  const elevated = await elevatedPromise;
  const settings = await settingsPromise;
  const settled = settleCause({
    log: options.log,
    target,
    processes,
    elevated,
    platform: probe.platform,
  });
  const venvFolder = newVenvFolder(osTraits(probe.platform), options.projectDir, target);
  const recommendations = recommend(
    {
      platform: probe.platform,
      cause: settled.cause,
      target,
      installs,
      processes,
      log: options.log,
      projectDir: options.projectDir,
      pipOnPath,
      settings,
      venvFolder: venvFolder ?? '',
    },
    options.remedies,
  );
  step('remedies', 'done', `${recommendations.filter((r) => r.applicable).length} to try`);

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
    newVenvFolder: venvFolder,
    processes,
    log: options.log,
    cause: settled.cause,
    causeSummary: settled.summary,
    recommendations,
    gaps: [...discovery.gaps, ...holderScan.gaps, ...interpreterGaps(installs)],
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

/** The install the user's pip most likely wrote to: the log's path says so, else `pip` on PATH. */
function targetInstall(
  installs: PythonInstall[],
  pipOnPath: Diagnosis['pipOnPath'],
  log: LogFinding | null,
): PythonInstall | null {
  const ok = installs.filter((install) => install.status === 'ok');
  if (log?.path) {
    const byPath = ok
      .filter((install) => install.folders.some((folder) => isInside(log.path!, folder.path)))
      .sort((a, b) => longestFolder(b, log.path!) - longestFolder(a, log.path!))[0];
    if (byPath) return byPath;
  }
  for (const command of ['pip', 'pip3', 'python3', 'python']) {
    const id = pipOnPath.find((entry) => entry.command === command)?.installId;
    const install = ok.find((candidate) => candidate.id === id);
    if (install) return install;
  }
  return ok[0] ?? null;
}

function longestFolder(install: PythonInstall, path: string): number {
  return Math.max(
    0,
    ...install.folders.filter((f) => isInside(path, f.path)).map((f) => f.path.length),
  );
}

function interpreterGaps(installs: PythonInstall[]): Gap[] {
  return installs
    .filter((install) => install.status !== 'ok')
    .map((install) => ({
      area: 'installs' as const,
      message: sentence(
        `${install.executable} could not be inspected: ${install.statusDetail ?? install.status}`,
      ),
      howToReveal:
        'Run it by hand to see what it prints; the rest of the scan did not depend on it.',
    }));
}
