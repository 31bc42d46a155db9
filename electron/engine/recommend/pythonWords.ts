import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { MessageValue } from '../../shared/i18n/message';

const words = defineMessages({
  withVersion: {
    id: 'advice.python.withVersion',
    defaultMessage: '{executable} (Python {version})',
    description:
      'A Python as a reason names it: {executable} is its path, {version} its version (3.12.1)',
  },
});

/** A Python as the reasons name it: "/usr/bin/python3 (Python 3.11.2)", or its path alone without a version. */
export function namedPython(install: { executable: string; version: string | null }): MessageValue {
  return install.version
    ? msg(words.withVersion, { executable: install.executable, version: install.version })
    : install.executable;
}
