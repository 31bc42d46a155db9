import { defineMessages } from '@formatjs/intl';
import type { Translator } from '../engine/i18n/translator';
import { msg } from '../shared/i18n/message';

/**
 * The words of the native dialogs main shows, in the app's language: the
 * renderer never chooses them, main formats them from its own setting.
 */
const WORDS = defineMessages({
  saveReportTitle: {
    id: 'report.saveDialog.title',
    defaultMessage: 'Save the Pip Doctor report',
    description: 'Title of the system’s Save dialog for the report',
  },
  saveReportFilter: {
    id: 'report.saveDialog.filter',
    defaultMessage: 'Markdown',
    description: 'The file type in the Save dialog’s type list (a Markdown text file, .md)',
  },
  chooseFolderTitle: {
    id: 'app.main.chooseFolder.title',
    defaultMessage: 'Choose a folder for the virtual environment',
    description: 'Title of the system’s folder picker',
  },
  chooseFolderButton: {
    id: 'app.main.chooseFolder.button',
    defaultMessage: 'Use this folder',
    description: 'The folder picker’s confirm button',
  },
  cannotRunTitle: {
    id: 'app.main.cannotRun.title',
    defaultMessage: 'Pip Doctor cannot run on this computer',
    description: 'Title of the error box shown at start when this system is not supported',
  },
});

export interface SaveDialogWords {
  title: string;
  /** The name of the .md entry in the dialog's list of file types. */
  filterName: string;
}

export interface FolderDialogWords {
  title: string;
  buttonLabel: string;
}

export function saveDialogWords(t: Translator): SaveDialogWords {
  return {
    title: t.text(msg(WORDS.saveReportTitle)),
    filterName: t.text(msg(WORDS.saveReportFilter)),
  };
}

export function folderDialogWords(t: Translator): FolderDialogWords {
  return {
    title: t.text(msg(WORDS.chooseFolderTitle)),
    buttonLabel: t.text(msg(WORDS.chooseFolderButton)),
  };
}

export function cannotRunTitle(t: Translator): string {
  return t.text(msg(WORDS.cannotRunTitle));
}
