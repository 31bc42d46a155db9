import type { AppState } from './appState';

/**
 * The error on step 1 is not the one the latest scan was made for (#16 item
 * 3): the scan's cause, fixes and report answer the earlier error, so what
 * depends on them waits for a new scan. Whitespace around the text does not
 * count as a change.
 */
export function scanIsStale(state: Pick<AppState, 'scan' | 'logText'>): boolean {
  return state.scan.diagnosis !== null && state.scan.logText.trim() !== state.logText.trim();
}
