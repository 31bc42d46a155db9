import { osTraits } from '../../platform/osTraits';
import type {
  Diagnosis,
  PythonInstall,
  Recommendation,
  RunningProcess,
} from '../../shared/model/diagnosis';
import type { LogFinding } from '../../shared/model/logFinding';
import { packageFromLog } from '../../shared/packageName';
import type { Platform } from '../../shared/model/platform';
import type { Cause, RemedyId } from '../../shared/model/vocabulary';
import type { RemedyCatalog, RemedyFacts } from './remedyFacts';
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
}

/** The fixes to try first for each cause, in the order the app advises them. */
const FIRST_BY_CAUSE: { readonly [C in Cause | 'none']: readonly RemedyId[] } = {
  pep668: ['venv', 'pipx-or-venv'],
  'store-python': ['venv', 'user-install'],
  'long-path': ['enable-long-paths', 'venv'],
  'self-upgrade-lock': ['use-python-m-pip', 'close-processes'],
  lock: ['close-processes', 'restart', 'venv'],
  'temp-dir': ['close-processes', 'restart', 'venv'],
  antivirus: ['close-processes', 'restart', 'venv'],
  permission: ['venv', 'grant-access', 'user-install', 'elevated-install'],
  'not-permission': ['venv'],
  none: ['venv'],
};

/** Offered after the cause's own fixes, whatever the cause, where they apply. */
const THEN: readonly RemedyId[] = ['upgrade-pip', 'use-python-m-pip'];

/** The usual advice of the web, listed last with the reason why not when it cannot help here. */
const ALWAYS_ANSWERED: readonly RemedyId[] = [
  'user-install',
  'elevated-install',
  'close-processes',
];

/**
 * Turns the facts into an ordered list of remedies, the fix to try first at
 * rank 1, each with its reason from this machine and the exact commands.
 * Remedies that would not help are kept, last, with the reason why not.
 */
export function recommend(input: RecommendInput, catalog: RemedyCatalog): Recommendation[] {
  const { target } = input;
  if (!target) return [];
  const facts = remedyFacts(input, target);

  const ordered: Array<{ id: RemedyId; reason: string; commands: string[]; applicable: boolean }> =
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

  if (target.leftovers.length > 0) consider('repair-install');
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
      changes: remedy.changes(facts.os),
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
    blocked: blockedFolder(target),
    loggedPackage,
    // Only a PEP 508 name goes into a command line; anything else is shown as a placeholder.
    packageName: loggedPackage ?? 'PACKAGE',
    where: `${target.executable}${target.version ? ` (Python ${target.version})` : ''}`,
    venvFolder: input.venvFolder,
  };
}
