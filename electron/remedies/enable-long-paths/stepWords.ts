import { defineMessages } from '@formatjs/intl';

/** How the long-paths steps ended. LongPathsEnabled and reg.exe are Windows names: keep them. */
export const longPathsStepWords = defineMessages({
  reading: {
    id: 'run.longPaths.reading',
    defaultMessage: 'Reading the setting',
    description: 'Names the step in "{what} failed…".',
  },
  unreadable: {
    id: 'run.longPaths.unreadable',
    defaultMessage:
      'reg.exe printed something Pip Doctor does not understand; nothing was changed.',
  },
  notSet: { id: 'run.longPaths.notSet', defaultMessage: 'LongPathsEnabled is not set.' },
  value: {
    id: 'run.longPaths.value',
    defaultMessage: 'LongPathsEnabled is {value}.',
    description: '{value}: the number the setting holds.',
  },
  enabling: {
    id: 'run.longPaths.enabling',
    defaultMessage: 'Enabling long paths',
    description: 'Names the step in "{what} failed…".',
  },
  enabled: { id: 'run.longPaths.enabled', defaultMessage: 'Long paths are enabled.' },
});
