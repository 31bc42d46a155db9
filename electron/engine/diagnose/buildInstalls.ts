import type {
  AccessCheck,
  FolderRole,
  InstallKind,
  PythonInstall,
} from '../../shared/model/diagnosis';
import type { InterpreterFacts } from '../../platform/systemProbe';
import type { InterpreterCandidate } from '../../platform/systemProbe';
import { installIdFor } from './installIdentity';

/** The folders pip writes to for this install, each once. */
export function foldersOf(facts: InterpreterFacts): Array<{ role: FolderRole; path: string }> {
  const folders: Array<{ role: FolderRole; path: string }> = [];
  const seen = new Set<string>();
  const add = (role: FolderRole, path: string | null) => {
    if (path && !seen.has(path)) {
      seen.add(path);
      folders.push({ role, path });
    }
  };
  add('purelib', facts.purelib);
  add('platlib', facts.platlib);
  add('scripts', facts.scripts);
  // A venv does not see the user site, so pip never writes there from it.
  if (!facts.inVenv && facts.userSiteEnabled !== false) {
    add('user-site', facts.userSite);
    add('user-scripts', facts.userScripts);
  }
  return folders;
}

export function buildInstall(
  candidate: InterpreterCandidate,
  facts: InterpreterFacts,
  kind: InstallKind,
  folders: AccessCheck[],
  leftovers: PythonInstall['leftovers'],
): PythonInstall {
  const real = facts.realExecutable ?? candidate.executable;
  return {
    id: installIdFor(facts.prefix, facts.status === 'ok' ? real : candidate.executable),
    executable: candidate.executable,
    names: candidate.names,
    version: facts.version,
    implementation: facts.implementation,
    kind,
    prefix: facts.prefix,
    basePrefix: facts.basePrefix,
    status: facts.status,
    statusDetail: facts.statusDetail,
    pipVersion: facts.pipVersion,
    externallyManaged: facts.externallyManaged,
    userSiteEnabled: facts.userSiteEnabled,
    folders,
    leftovers,
    // Filled in once the holders are known (diagnose).
    heldBy: [],
  };
}
