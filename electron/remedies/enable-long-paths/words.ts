import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { RemedyWords } from '../remedyWords';

const words = defineMessages({
  title: {
    id: 'advice.enable-long-paths.title',
    defaultMessage: 'Turn on long paths in Windows',
    description: 'The Windows setting "Enable Win32 long paths"',
  },
  changes: {
    id: 'advice.enable-long-paths.changes',
    defaultMessage:
      'Changes one Windows setting for the whole computer. Needs administrator rights once.',
  },
  action: {
    id: 'advice.enable-long-paths.action',
    defaultMessage: 'Turn on long paths',
    description: 'Button that opens the plan to turn on the Windows setting for long paths',
  },
});

export const enableLongPathsWords: RemedyWords = {
  title: msg(words.title),
  changes: () => msg(words.changes),
  actionLabel: ({ os }) => (os.pathLengthLimit !== null ? msg(words.action) : null),
  packageUse: 'none',
};
