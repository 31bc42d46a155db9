import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { usePythonMPipCommands } from './commands';

/**
 * Helps in two cases: pip upgrading itself (pip.exe is held while it runs;
 * python.exe is not among the files pip replaces), and `pip` and `python`
 * on PATH reaching different interpreters.
 */
export function adviseUsePythonMPip(facts: RemedyFacts): Advice | null {
  const selfUpgrade = facts.cause === 'self-upgrade-lock';
  const pip = facts.pipOnPath.find((entry) => entry.command === 'pip');
  const python = facts.pipOnPath.find((entry) => entry.command === facts.os.pythonCommand);
  const mismatch = pip?.installId && python?.installId && pip.installId !== python.installId;
  if (!selfUpgrade && !mismatch) return null;
  return {
    reason: selfUpgrade
      ? 'pip cannot replace its own running pip.exe; run it through Python instead, which holds python.exe rather than pip.exe.'
      : '`pip` on your PATH installs into a different Python than `python` runs; `python -m pip` always installs into the Python you run.',
    commands: usePythonMPipCommands(facts, selfUpgrade),
    applicable: true,
  };
}
