import { defineMessages } from '@formatjs/intl';
import type { Advice, RemedyFacts } from '../../engine/recommend/remedyFacts';
import { msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { enableLongPathsCommands } from './commands';

const words = defineMessages({
  reason: {
    id: 'advice.enable-long-paths.reason',
    defaultMessage:
      'Windows limits paths to {limit, number} characters unless long paths are enabled (needs administrator rights once).',
    description: '{limit} is 260',
  },
  whyNotOn: {
    id: 'advice.enable-long-paths.whyNot.alreadyOn',
    defaultMessage: 'Long paths are already enabled on this computer.',
  },
  whyNotWindows: {
    id: 'advice.enable-long-paths.whyNot.notWindows',
    defaultMessage: 'Only Windows limits paths to {limit, number} characters.',
    description: '{limit} is 260',
  },
});

/** Windows' MAX_PATH, as the reasons name it. */
const WINDOWS_PATH_LIMIT = 260;

export function adviseEnableLongPaths({ os, settings }: RemedyFacts): Advice {
  const alreadyOn = settings?.longPathsEnabled === true;
  return {
    reason: msg(words.reason, { limit: WINDOWS_PATH_LIMIT }),
    commands: enableLongPathsCommands(),
    applicable: os.pathLengthLimit !== null && !alreadyOn,
  };
}

export function whyNotEnableLongPaths({ os }: RemedyFacts): Message {
  return os.pathLengthLimit !== null
    ? msg(words.whyNotOn)
    : msg(words.whyNotWindows, { limit: WINDOWS_PATH_LIMIT });
}
