import { defineMessages } from '@formatjs/intl';

/**
 * What the check after a fix found, one sentence per check; the verification
 * shows them one after the other. {package}, {python}, {module}, {folder} and
 * {paths} are names and paths, {output} the program's own last words: never
 * translated.
 */
export const checkWords = defineMessages({
  nothingToCheck: {
    id: 'check.nothingToCheck',
    defaultMessage: 'There is nothing Pip Doctor can check for this fix.',
  },
  notUsable: {
    id: 'check.imports.notUsable',
    defaultMessage: '{package} is not usable: {reason}.',
    description: "{reason}: why, in the program's own words (untranslated).",
  },
  notInstalledIn: {
    id: 'check.imports.notInstalledIn',
    defaultMessage: '{package} is not installed in {python}',
    description: 'Why a package is not usable (a clause, no full stop). {python}: a path.',
  },
  pythonSaid: {
    id: 'check.imports.pythonSaid',
    defaultMessage: '{output}',
    description: "Python's own last line of error, untranslated. Keep the placeholder alone.",
  },
  pythonExit: {
    id: 'check.imports.pythonExit',
    defaultMessage: 'Python ended with exit code {code}',
    description: 'Why a package is not usable (a clause, no full stop).',
  },
  unexpectedAnswer: {
    id: 'check.imports.unexpectedAnswer',
    defaultMessage: '{python} answered in a way Pip Doctor does not understand',
    description: 'Why a package is not usable (a clause, no full stop). {python}: a path.',
  },
  noModule: {
    id: 'check.imports.noModule',
    defaultMessage:
      '{package} {version} is installed; it has no module to import (a tool or a plugin).',
  },
  importWorks: {
    id: 'check.imports.works',
    defaultMessage: '{package} {version} is installed and `import {module}` works in {python}.',
    description: '`import {module}` is Python code: keep it as it is. {python}: a path.',
  },
  importFails: {
    id: 'check.imports.fails',
    defaultMessage: '{package} is installed but `import {module}` fails: {output}',
    description:
      "`import {module}` is Python code: keep it. {output}: Python's last line, untranslated.",
  },
  pipWorks: {
    id: 'check.pip.works',
    defaultMessage: 'pip works: {version}.',
    description: '{version}: what pip --version printed ("pip 24.0"), untranslated.',
  },
  pipFails: {
    id: 'check.pip.fails',
    defaultMessage: 'pip does not run in {python}: {output}',
    description: "{python}: a path. {output}: the program's last line, untranslated.",
  },
  leftoversGone: {
    id: 'check.leftovers.gone',
    defaultMessage: 'The leftovers are gone.',
  },
  leftoversThere: {
    id: 'check.leftovers.there',
    defaultMessage: 'Still there: {paths}.',
    description: '{paths}: a list of file or folder paths.',
  },
  unheld: {
    id: 'check.unheld.ok',
    defaultMessage: 'No program holds the files any more.',
  },
  stillHeld: {
    id: 'check.unheld.stillHeld',
    defaultMessage:
      'Still held by {programs}: close {count, plural, one {it} other {them}} yourself, or sign out or restart.',
    description: '{programs}: a list of running programs; {count}: how many.',
  },
  pidOnly: {
    id: 'check.unheld.pid',
    defaultMessage: 'pid {pid}',
    description: 'A program known only by its process id.',
  },
  longPathsOn: {
    id: 'check.longPaths.on',
    defaultMessage: 'Windows reports long paths as enabled.',
  },
  longPathsValue: {
    id: 'check.longPaths.value',
    defaultMessage: 'LongPathsEnabled reads {value}.',
    description: 'LongPathsEnabled is a Windows registry value name: keep it. {value}: a number.',
  },
  longPathsUnexpected: {
    id: 'check.longPaths.unexpected',
    defaultMessage: 'LongPathsEnabled reads as something unexpected.',
    description: 'LongPathsEnabled is a Windows registry value name: keep it.',
  },
  writable: {
    id: 'check.writable.ok',
    defaultMessage: 'You can write to {folder} now.',
  },
  notWritable: {
    id: 'check.writable.not',
    defaultMessage: '{folder} is still not writable ({code}).',
    description: "{code}: the system's error code (EACCES…), untranslated.",
  },
  ownersMissing: {
    id: 'check.owners.missing',
    defaultMessage: 'The recorded owners are missing from the journal.',
  },
  allOwned: {
    id: 'check.owners.ok',
    defaultMessage:
      '{count, plural, one {The # file is yours now.} other {All # files are yours now.}}',
  },
  othersOwn: {
    id: 'check.owners.others',
    defaultMessage:
      '{count, plural, one {# file still belongs to someone else: {path}.} other {# files still belong to someone else, e.g. {path}.}}',
    description: '{path}: one of the files.',
  },
});
