import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { formatText } from '../../../electron/shared/i18n/formatText';
import type { Message } from '../../../electron/shared/i18n/message';

/** Formats the engine's messages (ids with values) in the user's language. */
export function useText(): (message: Message) => string {
  const intl = useIntl();
  return useCallback((message: Message) => formatText(intl, message), [intl]);
}
