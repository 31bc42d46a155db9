import { homedir } from 'node:os';
import { join } from 'node:path';
import type { InstallKind } from '../../shared/model/diagnosis';
import type { InterpreterFacts } from '../systemProbe';
import { pyenvRoot } from './pyenvVersion';

/** Where an interpreter lives on macOS or Linux says who installed it. */
export function posixInstallKind(facts: InterpreterFacts, env: NodeJS.ProcessEnv): InstallKind {
  if (facts.inVenv) return 'venv';
  if (facts.condaPrefix) return 'conda';
  const home = env.HOME ?? homedir();
  const real = facts.realExecutable ?? facts.executable;
  const prefix = facts.prefix ?? '';
  const under = (root: string) => real.startsWith(`${root}/`) || prefix.startsWith(`${root}/`);
  if (under(join(pyenvRoot(env), 'versions'))) return 'pyenv';
  const uvRoot =
    env.UV_PYTHON_INSTALL_DIR ??
    join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'uv', 'python');
  if (under(uvRoot)) return 'uv';
  if (under('/opt/homebrew') || under('/usr/local/Cellar') || under('/home/linuxbrew/.linuxbrew'))
    return 'homebrew';
  if (under(home)) return 'user';
  if (/^\/(?:usr|bin|System|Library)\//.test(real)) return 'system';
  return 'unknown';
}
