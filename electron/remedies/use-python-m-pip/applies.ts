import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import type { PythonInstall } from '../../shared/model/diagnosis';
import { isInside } from '../../shared/paths';
import { usePythonMPipCommands } from './commands';

/**
 * Helps in two cases: pip upgrading itself (pip.exe is held while it runs;
 * python.exe is not among the files pip replaces), and `pip` and `python`
 * on PATH reaching different interpreters.
 */
export function adviseUsePythonMPip(facts: RemedyFacts): Advice | null {
  if (facts.cause === 'self-upgrade-lock') {
    return {
      reason:
        'pip cannot replace its own running pip.exe; run it through Python instead, which holds python.exe rather than pip.exe.',
      commands: usePythonMPipCommands(facts, facts.target, true),
      applicable: true,
    };
  }
  const venv = activatedInNameOnly(facts);
  if (venv) {
    return {
      reason: `Your virtual environment ${venv.prefix} is activated in name only, so \`pip\` is another Python's; its own Python installs into it: \`python -m pip\` always installs into the Python that runs it.`,
      commands: usePythonMPipCommands(facts, venv, false),
      applicable: true,
    };
  }
  // The Python the user means is the one `python` runs, never pip's own: that would repeat the failure.
  const pip = facts.pipOnPath.find((entry) => entry.command === 'pip');
  const python = facts.pythonOnPath;
  if (!pip?.installId || !python || pip.installId === python.id) return null;
  return {
    reason: `\`pip\` on your PATH installs into a different Python than \`${facts.os.pythonCommand}\` runs (${python.executable}); \`python -m pip\` always installs into the Python you run.`,
    commands: usePythonMPipCommands(facts, python, false),
    applicable: true,
  };
}

/** The venv VIRTUAL_ENV names when its commands are not on PATH, as an install of the scan. */
function activatedInNameOnly(facts: RemedyFacts): PythonInstall | null {
  const observation = facts.observations.find((seen) => seen.kind === 'venv-not-on-path');
  if (!observation?.path) return null;
  return (
    facts.installs.find(
      (install) =>
        install.status === 'ok' &&
        install.prefix !== null &&
        isInside(install.prefix, observation.path!) &&
        isInside(observation.path!, install.prefix),
    ) ?? null
  );
}
