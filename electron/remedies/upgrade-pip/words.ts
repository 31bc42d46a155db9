import { defineMessages } from '@formatjs/intl';
import { msg } from '../../shared/i18n/message';
import type { RemedyWords } from '../remedyWords';

const words = defineMessages({
  title: {
    id: 'advice.upgrade-pip.title',
    defaultMessage: 'Upgrade pip',
  },
  changes: {
    id: 'advice.upgrade-pip.changes',
    defaultMessage: 'Replaces pip, setuptools and wheel in this Python with their newest versions.',
    description: 'pip, setuptools and wheel are package names: keep them',
  },
  action: {
    id: 'advice.upgrade-pip.action',
    defaultMessage: 'Upgrade pip',
    description: 'Button that opens the plan to upgrade pip',
  },
});

export const upgradePipWords: RemedyWords = {
  title: msg(words.title),
  changes: () => msg(words.changes),
  actionLabel: () => msg(words.action),
  packageUse: 'none',
};
