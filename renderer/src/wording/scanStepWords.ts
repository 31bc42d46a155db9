import type { ScanProgressEvent } from '../../../electron/shared/contract';

export type ScanStepName = ScanProgressEvent['step'];

/** Every step of ScanStepSchema (the Record type makes a missing one a compile error). */
export const SCAN_STEP_LABELS: Record<ScanStepName, string> = {
  installs: 'Finding Python installs',
  interpreters: 'Asking each Python about itself',
  folders: 'Checking where pip can write',
  processes: 'Looking for programs that hold files',
  remedies: 'Choosing fixes',
};

/** In the order the scan runs them, as listed above. */
export const SCAN_STEPS = Object.keys(SCAN_STEP_LABELS) as ScanStepName[];
