import { defineMessages } from '@formatjs/intl';
import type { Message } from '../../shared/i18n/message';

/** The steps of a scan, as the UI's progress list and the CLI show them. */
export const SCAN_STEPS = ['installs', 'interpreters', 'folders', 'processes', 'remedies'] as const;
export type ScanStep = (typeof SCAN_STEPS)[number];

export interface ScanProgress {
  step: ScanStep;
  state: 'running' | 'done';
  /** A short count under the step's name: "9 found", "12 folders checked". */
  detail: Message | null;
}

export type ProgressListener = (progress: ScanProgress) => void;

/** The counts a finished step shows under its name in the scan's progress list. */
export const SCAN_PROGRESS_DETAIL = defineMessages({
  installsFound: {
    id: 'run.scan.installsFound',
    defaultMessage: '{count} found',
    description: 'Under "Finding Python installs" when it is done: how many were found',
  },
  interpretersAnswered: {
    id: 'run.scan.interpretersAnswered',
    defaultMessage: '{count} answered',
    description: 'Under "Asking each Python about itself" when done: how many Pythons answered',
  },
  foldersChecked: {
    id: 'run.scan.foldersChecked',
    defaultMessage: '{count, plural, one {# folder checked} other {# folders checked}}',
  },
  processesRelevant: {
    id: 'run.scan.processesRelevant',
    defaultMessage: '{count} relevant',
    description: 'Under "Looking at running programs" when done: how many matter for the fix',
  },
  remediesToTry: {
    id: 'run.scan.remediesToTry',
    defaultMessage: '{count} to try',
    description: 'Under "Choosing fixes" when done: how many fixes could help',
  },
});
