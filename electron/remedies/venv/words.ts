import { defineMessages } from '@formatjs/intl';
import type { RemedyFacts } from '../../engine/recommend/remedyFacts';
import { msg } from '../../shared/i18n/message';
import type { RemedyWords } from '../remedyWords';

const words = defineMessages({
  title: {
    id: 'advice.venv.title',
    defaultMessage: 'Use a virtual environment',
  },
  changesInProject: {
    id: 'advice.venv.changesInProject',
    defaultMessage:
      'Creates a {folder} folder in your project and installs the package there. Nothing outside that folder changes.',
    description: '{folder} is the name of the folder it creates (.venv), inside the project folder',
  },
  changesElsewhere: {
    id: 'advice.venv.changesElsewhere',
    defaultMessage:
      'Creates the folder {folder} and installs the package there. Nothing outside that folder changes.',
    description: '{folder} is the whole path of the folder it creates (C:\\venvs\\project)',
  },
  action: {
    id: 'advice.venv.action',
    defaultMessage: 'Create a virtual environment',
    description: 'Button that opens the plan to create a virtual environment',
  },
  actionWithPackage: {
    id: 'advice.venv.actionWithPackage',
    defaultMessage: 'Create a virtual environment and install {package}',
    description: 'Button that opens the plan; {package} is the package name (requests)',
  },
});

/**
 * What its commands create, as the user knows the folder: by its name when
 * it goes into the project (`.venv`, `.venv-new`), by its whole path
 * elsewhere (the short folder a long-path error needs).
 */
function changes({
  os,
  projectDir,
  venvFolder,
}: Pick<RemedyFacts, 'os' | 'projectDir' | 'venvFolder'>) {
  return os.paths.dirname(venvFolder) === projectDir
    ? msg(words.changesInProject, { folder: os.paths.basename(venvFolder) })
    : msg(words.changesElsewhere, { folder: venvFolder });
}

export const venvWords: RemedyWords = {
  title: msg(words.title),
  changes,
  actionLabel: ({ loggedPackage }) =>
    loggedPackage ? msg(words.actionWithPackage, { package: loggedPackage }) : msg(words.action),
  packageUse: 'optional',
};
