/** The steps of a scan, as the UI's progress list and the CLI show them. */
export const SCAN_STEPS = ['installs', 'interpreters', 'folders', 'processes', 'remedies'] as const;
export type ScanStep = (typeof SCAN_STEPS)[number];

export interface ScanProgress {
  step: ScanStep;
  state: 'running' | 'done';
  /** A short count or name: "9 interpreters", "/usr/lib/python3/dist-packages". */
  detail: string | null;
}

export type ProgressListener = (progress: ScanProgress) => void;
