import { z } from 'zod';
import { runProcess } from '../../platform/runProcess';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { checkWords } from './checkWords';

/**
 * The modules a distribution installs, from its own metadata: top_level.txt
 * where the build wrote one (setuptools does), else the top-level names in
 * RECORD. Names are never guessed from the distribution's name:
 * `scikit-learn` installs `sklearn`, `Pillow` installs `PIL`.
 */
export const IMPORT_NAMES_SNIPPET = `
import json, sys
from importlib import metadata
dist = metadata.distribution(sys.argv[1])
names = []
top = dist.read_text('top_level.txt')
if top:
    names = [line.strip() for line in top.splitlines() if line.strip()]
else:
    for f in dist.files or []:
        parts = f.parts
        if not parts or parts[0] in ('..', '__pycache__') or parts[0].endswith(('.dist-info', '.egg-info', '.data')):
            continue
        if len(parts) > 1:
            names.append(parts[0])
        elif parts[0].endswith('.py'):
            names.append(parts[0][:-3])
        elif parts[0].endswith(('.so', '.pyd')):
            names.append(parts[0].split('.')[0])
names = sorted({n for n in names if n.isidentifier()})
print(json.dumps({'version': dist.version, 'modules': names}))
`;

const AnswerSchema = z.object({ version: z.string(), modules: z.array(z.string()) });

export type ImportNames =
  { ok: true; version: string; modules: string[] } | { ok: false; detail: Message };

export async function importNames(
  python: string,
  packageName: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  signal: AbortSignal,
): Promise<ImportNames> {
  const result = await runProcess(python, ['-X', 'utf8', '-c', IMPORT_NAMES_SNIPPET, packageName], {
    timeoutMs: 30_000,
    env,
    cwd,
    signal,
  });
  if (result.exitCode !== 0) {
    const said = result.stderr.trim().split('\n').at(-1) ?? '';
    const reason = /PackageNotFoundError/.test(result.stderr)
      ? msg(checkWords.notInstalledIn, { package: packageName, python })
      : said !== ''
        ? msg(checkWords.pythonSaid, { output: said })
        : msg(checkWords.pythonExit, { code: String(result.exitCode) });
    return { ok: false, detail: reason };
  }
  try {
    const answer = AnswerSchema.parse(JSON.parse(result.stdout));
    return { ok: true, ...answer };
  } catch {
    return { ok: false, detail: msg(checkWords.unexpectedAnswer, { python }) };
  }
}

/** The module to import: a public one first; a valid identifier always (it goes into `import …`). */
export function moduleToImport(modules: readonly string[]): string | null {
  const valid = modules.filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
  return valid.find((name) => !name.startsWith('_')) ?? valid[0] ?? null;
}
