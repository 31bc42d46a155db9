import { defineMessages } from 'react-intl';
import { msg } from '../../../electron/shared/i18n/message';
import type { Message } from '../../../electron/shared/i18n/message';
import type { ScanProgressEvent } from '../../../electron/shared/contract';

export type ScanStepName = ScanProgressEvent['step'];

const words = defineMessages({
  installs: {
    id: 'ui.scan.step.installs',
    defaultMessage: 'Finding Python installs',
    description: 'One line of the scan progress list, while or after it runs',
  },
  interpreters: {
    id: 'ui.scan.step.interpreters',
    defaultMessage: 'Asking each Python about itself',
    description: 'One line of the scan progress list',
  },
  folders: {
    id: 'ui.scan.step.folders',
    defaultMessage: 'Checking where pip can write',
    description: 'One line of the scan progress list',
  },
  processes: {
    id: 'ui.scan.step.processes',
    defaultMessage: 'Looking for programs that hold files',
    description: 'One line of the scan progress list: programs that keep Python files open',
  },
  remedies: {
    id: 'ui.scan.step.remedies',
    defaultMessage: 'Choosing fixes',
    description: 'The last line of the scan progress list',
  },
});

/** Every step of ScanStepSchema (the Record type makes a missing one a compile error). */
export const SCAN_STEP_LABELS: Record<ScanStepName, Message> = {
  installs: msg(words.installs),
  interpreters: msg(words.interpreters),
  folders: msg(words.folders),
  processes: msg(words.processes),
  remedies: msg(words.remedies),
};

/** In the order the scan runs them, as listed above. */
export const SCAN_STEPS = Object.keys(SCAN_STEP_LABELS) as ScanStepName[];
