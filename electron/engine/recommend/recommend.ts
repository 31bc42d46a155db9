import { osTraits } from '../../platform/osTraits';
import type { Message } from '../../shared/i18n/message';
import type {
  Diagnosis,
  Observation,
  PythonInstall,
  Recommendation,
  RunningProcess,
  TempDirCheck,
} from '../../shared/model/diagnosis';
import type { LogFinding } from '../../shared/model/logFinding';
import { packageFromLog } from '../../shared/packageName';
import type { Platform } from '../../shared/model/platform';
import type { Cause, RemedyId } from '../../shared/model/vocabulary';
import type { RemedyCatalog, RemedyFacts } from './remedyFacts';
import { namedPython } from './pythonWords';
import { blockedFolder, holdersIn } from './settleCause';

export interface RecommendInput {
  platform: Platform;
  cause: Cause | 'none';
  target: PythonInstall | null;
  installs: PythonInstall[];
  processes: RunningProcess[];
  log: LogFinding | null;
  projectDir: string;
  pipOnPath: Diagnosis['pipOnPath'];
  /** Windows settings that decide some remedies (long paths already on). */
  settings?: Diagnosis['settings'];
  /** Where a new virtual environment goes (Diagnosis.newVenvFolder). */
  venvFolder: string;
  /** The scan's gaps: a process that could not be inspected may hold the file. */
  gaps?: Diagnosis['gaps'];
  observations?: Observation[];
  tempDir?: TempDirCheck | null;
  /** The scanning user's account name. */
  userName?: string;
  /** Windows: the scanning user's SID, which names the account in every language. */
  userSid?: string | null;
  /** The scan runs with administrator (root) rights. */
  elevated?: boolean;
}

/** The fixes to try first for each cause, in the order the app advises them. */
const FIRST_BY_CAUSE: { readonly [C in Cause | 'none']: readonly RemedyId[] } = {
  pep668: ['venv', 'pipx-or-venv'],
  'store-python': ['venv', 'user-install'],
  'long-path': ['enable-long-paths', 'venv'],
  'self-upgrade-lock': ['use-python-m-pip', 'close-processes'],
  lock: ['close-processes', 'run-again', 'restart', 'venv'],
  'temp-dir': ['close-processes', 'restart', 'venv'],
  antivirus: ['close-processes', 'run-again', 'restart', 'venv'],
  // As the reasons rank them: the user's own folders first, then administrator rights,
  // and widening a shared folder's permissions (which its reason calls the least
  // recommended fix) last.
  permission: ['venv', 'user-install', 'elevated-install', 'grant-access'],
  'not-permission': ['venv'],
  // Nothing is wrong: no fix to sell, least of all a new venv.
  none: [],
};

/** Offered after the cause's own fixes, whatever the cause, where they apply. */
const THEN: readonly RemedyId[] = ['upgrade-pip', 'use-python-m-pip'];

/** The usual advice of the web, listed last with the reason why not when it cannot help here. */
const ALWAYS_ANSWERED: readonly RemedyId[] = [
  'user-install',
  'elevated-install',
  'grant-access',
  'close-processes',
];

/**
 * Facts that put one fix before the cause's usual order: what stands in the
 * way is known exactly, and this fix removes it.
 */
function leadingRemedies(facts: RemedyFacts, elevated: boolean): RemedyId[] {
  const lead: RemedyId[] = [];
  // Long paths can only be turned on by an administrator: a user who is none (and cannot
  // become one) gets the short-folder venv first, the log's other advice.
  if (facts.cause === 'long-path' && facts.settings?.canElevate === false && !elevated)
    lead.push('venv');
  // Someone else's files in the user's own tree: take the tree back first (also before a
  // repair, whose removals would otherwise fail on those very files).
  if (facts.blocked?.reclaim) lead.push('grant-access');
  // An install that cannot run, or that a stopped pip run left half-done, is repaired first.
  if (facts.target.status === 'broken' || facts.target.leftovers.length > 0)
    lead.push('repair-install');
  // The user has a venv; only their `pip` is not its pip.
  if (facts.observations.some((observation) => observation.kind === 'venv-not-on-path'))
    lead.push('use-python-m-pip');
  // pip's temporary folder is the problem: the same install with one that works.
  if (facts.cause === 'temp-dir' && facts.tempDir?.problem) lead.push('run-again');
  // `pip` belongs to a Python that cannot take the package, while the user's own `python`
  // reaches one that can: `python -m pip` installs where they meant.
  const python = facts.pythonOnPath;
  const pip = facts.pipOnPath.find((entry) => entry.command === 'pip');
  if (
    python &&
    pip?.installId === facts.target.id &&
    python.id !== facts.target.id &&
    writesPackages(python)
  )
    lead.push('use-python-m-pip');
  return lead;
}

/**
 * Turns the facts into an ordered list of remedies, the fix to try first at
 * rank 1, each with its reason from this machine and the exact commands.
 * Remedies that would not help are kept, last, with the reason why not.
 */
export function recommend(input: RecommendInput, catalog: RemedyCatalog): Recommendation[] {
  const { target } = input;
  if (!target) return [];
  const facts = remedyFacts(input, target);

  const ordered: Array<{ id: RemedyId; reason: Message; commands: string[]; applicable: boolean }> =
    [];
  const listed = (id: RemedyId) => ordered.some((existing) => existing.id === id);
  const consider = (id: RemedyId, onlyWhenNotApplicable = false) => {
    if (listed(id)) return;
    const advice = catalog[id].advise(facts);
    if (!advice || (onlyWhenNotApplicable && advice.applicable)) return;
    // A remedy that cannot help here keeps its place in the list only to say why not.
    const reason = advice.applicable
      ? advice.reason
      : (catalog[id].whyNot?.(facts) ?? advice.reason);
    ordered.push({ id, ...advice, reason });
  };

  for (const id of leadingRemedies(facts, input.elevated ?? false)) consider(id);
  for (const id of FIRST_BY_CAUSE[input.cause]) consider(id);
  for (const id of THEN) consider(id);
  for (const id of ALWAYS_ANSWERED) consider(id, true);

  const sorted = [...ordered.filter((d) => d.applicable), ...ordered.filter((d) => !d.applicable)];
  return sorted.map((draft, index) => {
    const remedy = catalog[draft.id];
    const label = remedy.actionLabel(facts);
    return {
      ...draft,
      rank: index + 1,
      shell: facts.os.shell,
      installId: target.id,
      title: remedy.title,
      changes: remedy.changes(facts),
      action: label === null ? null : { label, packageUse: remedy.packageUse },
    };
  });
}

function remedyFacts(input: RecommendInput, target: PythonInstall): RemedyFacts {
  const loggedPackage = packageFromLog(input.log);
  return {
    os: osTraits(input.platform),
    cause: input.cause,
    target,
    installs: input.installs,
    log: input.log,
    projectDir: input.projectDir,
    pipOnPath: input.pipOnPath,
    settings: input.settings,
    holders: holdersIn(target, input.processes),
    allProcessesInspected: !(input.gaps ?? []).some((gap) => gap.area === 'processes'),
    blocked: blockedFolder(target, input.log?.path ?? null),
    loggedPackage,
    // Only a PEP 508 name goes into a command line; anything else is shown as a placeholder.
    packageName: loggedPackage ?? 'PACKAGE',
    where: namedPython(target),
    venvFolder: input.venvFolder,
    observations: input.observations ?? [],
    tempDir: input.tempDir ?? null,
    pythonOnPath: pythonOnPath(input, osTraits(input.platform).pythonCommand),
    userName: input.userName ?? '',
    userSid: input.userSid ?? null,
    basePython: basePython(input, target),
  };
}

/** A working Python to build a virtual environment with (RemedyFacts.basePython). */
function basePython(input: RecommendInput, target: PythonInstall): PythonInstall | null {
  if (target.status === 'ok') return target;
  const working = input.installs.filter(
    (install) => install.status === 'ok' && install.kind !== 'venv',
  );
  const minor = (version: string | null) => version?.split('.').slice(0, 2).join('.') ?? null;
  const sameVersion = working.find(
    (install) => target.version !== null && minor(install.version) === minor(target.version),
  );
  const onPath = pythonOnPath(input, osTraits(input.platform).pythonCommand);
  return sameVersion ?? (onPath && onPath.kind !== 'venv' ? onPath : null) ?? working[0] ?? null;
}

/** pip can write where this install keeps its packages. */
function writesPackages(install: PythonInstall): boolean {
  const purelib = install.folders.find((folder) => folder.role === 'purelib');
  return !install.externallyManaged && purelib?.writable === true;
}

/** The install the user's `python` command runs, by the scan's view of PATH. */
function pythonOnPath(input: RecommendInput, command: string): PythonInstall | null {
  const id = input.pipOnPath.find((entry) => entry.command === command)?.installId ?? null;
  return input.installs.find((install) => install.id === id && install.status === 'ok') ?? null;
}
