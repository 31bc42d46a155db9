import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ELECTRON_PACKAGE = join(__dirname, '..', '..', 'node_modules', 'electron');

/**
 * The Electron executable, found the way node_modules/electron/index.js
 * finds it but WITHOUT requiring that module: requiring it downloads the
 * binary when it is missing (Electron 42+), which fails, slowly, offline.
 * ELECTRON_EXEC_PATH wins; ELECTRON_OVERRIDE_DIST_PATH is honoured like
 * Electron does. Null when no binary is installed.
 */
export function findElectronBinary(
  env: NodeJS.ProcessEnv = process.env,
  electronPackage: string = ELECTRON_PACKAGE,
): string | null {
  if (env.ELECTRON_EXEC_PATH)
    return existsSync(env.ELECTRON_EXEC_PATH) ? env.ELECTRON_EXEC_PATH : null;
  const pathFile = join(electronPackage, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative
      ? join(electronPackage, 'dist', relative)
      : null;
  return binary !== null && existsSync(binary) ? binary : null;
}
