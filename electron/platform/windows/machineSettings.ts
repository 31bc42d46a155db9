import type { SystemSettings } from '../../shared/model/diagnosis';
import type { ProbeDocument } from './probeDocument';
import { tokenView } from './tokenView';

/**
 * Controlled Folder Access blocks writes only in mode 1; 2 and 4 only audit,
 * 3 guards disk sectors, not folders (learn.microsoft.com "Enable controlled
 * folder access", EnableControlledFolderAccess values).
 */
export function controlledFolderAccessBlocks(mode: number | null): boolean | null {
  return mode === null ? null : mode === 1;
}

/** Long paths, Controlled Folder Access and whether the user could elevate; null for what is unknown. */
export function systemSettingsOf(document: ProbeDocument): SystemSettings {
  const token = tokenView(document.identity);
  const settings = document.settings.status === 'ok' ? document.settings : null;
  return {
    longPathsEnabled: settings?.longPathsEnabled ?? null,
    controlledFolderAccess: controlledFolderAccessBlocks(settings?.controlledFolderAccess ?? null),
    canElevate: token === null ? null : token.canElevate,
  };
}

/** Elevated means the token's Administrators group is enabled; unknown counts as not elevated. */
export function isElevatedIn(document: ProbeDocument): boolean {
  return tokenView(document.identity)?.elevated ?? false;
}
