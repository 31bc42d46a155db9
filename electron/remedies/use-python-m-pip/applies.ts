import { defineMessages } from '@formatjs/intl';
import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { msg } from '../../shared/i18n/message';
import type { PythonInstall } from '../../shared/model/diagnosis';
import { isInside } from '../../shared/paths';
import { usePythonMPipCommands } from './commands';

const words = defineMessages({
  selfUpgrade: {
    id: 'advice.use-python-m-pip.reason.selfUpgrade',
    defaultMessage:
      'pip cannot replace its own running pip.exe; run it through Python instead, which holds python.exe rather than pip.exe.',
    description: 'pip.exe and python.exe are file names: keep them',
  },
  venvInNameOnly: {
    id: 'advice.use-python-m-pip.reason.venvInNameOnly',
    defaultMessage:
      "Your virtual environment {folder} is activated in name only, so `pip` is another Python's; its own Python installs into it: `{command}` always installs into the Python that runs it.",
    description:
      '{folder} is the virtual environment’s path, {command} is python -m pip; keep `pip` and the backquotes',
  },
  otherPython: {
    id: 'advice.use-python-m-pip.reason.otherPython',
    defaultMessage:
      '`pip` on your PATH installs into a different Python than `{python}` runs ({executable}); `{command}` always installs into the Python you run.',
    description:
      '{python} is the command python (python3 on Linux and macOS), {executable} its path, {command} is python -m pip; keep `pip`, PATH and the backquotes',
  },
});

/** The command every reason recommends: it installs into the Python that runs it. */
const PYTHON_M_PIP = 'python -m pip';

/**
 * Helps in two cases: pip upgrading itself (pip.exe is held while it runs;
 * python.exe is not among the files pip replaces), and `pip` and `python`
 * on PATH reaching different interpreters.
 */
export function adviseUsePythonMPip(facts: RemedyFacts): Advice | null {
  if (facts.cause === 'self-upgrade-lock') {
    return {
      reason: msg(words.selfUpgrade),
      commands: usePythonMPipCommands(facts, facts.target, true),
      applicable: true,
    };
  }
  const venv = activatedInNameOnly(facts);
  if (venv) {
    return {
      reason: msg(words.venvInNameOnly, { folder: venv.prefix ?? '', command: PYTHON_M_PIP }),
      commands: usePythonMPipCommands(facts, venv, false),
      applicable: true,
    };
  }
  // The Python the user means is the one `python` runs, never pip's own: that would repeat the failure.
  const pip = facts.pipOnPath.find((entry) => entry.command === 'pip');
  const python = facts.pythonOnPath;
  if (!pip?.installId || !python || pip.installId === python.id) return null;
  return {
    reason: msg(words.otherPython, {
      python: facts.os.pythonCommand,
      executable: python.executable,
      command: PYTHON_M_PIP,
    }),
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
