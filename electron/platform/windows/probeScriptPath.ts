import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

const RELATIVE = join('assets', 'windows', 'pip-doctor-probe.ps1');

/**
 * Where assets/windows/pip-doctor-probe.ps1 is on this install. The same
 * walk up from this module finds it in the repository (tsx, vitest), next to
 * electron-vite's out/ folder, and in a packaged app, where
 * electron-builder.json unpacks it beside app.asar. The app reads its text
 * and hands it to PowerShell on stdin (probeScript.ts); the unpacked file is
 * also the one a person can read or run by hand.
 */
export function probeScriptPath(start: string = __dirname): string {
  for (let folder = start; ; folder = dirname(folder)) {
    const candidate = join(folder, RELATIVE).replace(
      `${sep}app.asar${sep}`,
      `${sep}app.asar.unpacked${sep}`,
    );
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) break;
  }
  throw new Error(
    `Pip Doctor's Windows probe script (${RELATIVE}) is missing from this installation; reinstalling Pip Doctor restores it.`,
  );
}
