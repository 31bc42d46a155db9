import { defineMessages } from '@formatjs/intl';

/** How giving the user's account access ended. {root} and {path} are paths, {reason} the helper's words. */
export const grantStepWords = defineMessages({
  granting: {
    id: 'run.grant.granting',
    defaultMessage: 'Granting access',
    description: 'Names the step in "{what} failed…".',
  },
  granted: { id: 'run.grant.granted', defaultMessage: 'Your account can now change the folder.' },
  savedAndGranted: {
    id: 'run.grant.savedAndGranted',
    defaultMessage: 'Saved the permissions for Undo; your account can now change the folder.',
  },
  filesChanged: {
    id: 'run.grant.filesChanged',
    defaultMessage:
      'The files in {root} changed since the plan was made ({added} new, {gone} gone or replaced); nothing was changed. Scan again.',
    description: '{added}, {gone}: numbers of files.',
  },
  ownersRecorded: {
    id: 'run.grant.ownersRecorded',
    defaultMessage:
      '{count, plural, one {Wrote down the owner of # file.} other {Wrote down the owners of # files.}}',
  },
  changingOwner: {
    id: 'run.grant.changingOwner',
    defaultMessage: 'Changing the owner',
    description: 'Names the step in "{what} failed…".',
  },
  ownerChanged: {
    id: 'run.grant.ownerChanged',
    defaultMessage:
      '{count, plural, one {# file has the new owner now.} other {# files have the new owner now.}}',
  },
  nothingChanged: {
    id: 'run.grant.nothingChanged',
    defaultMessage: 'Nothing was changed: {reason}.',
    description: "{reason}: the helper's own last words, untranslated.",
  },
  helperExit: {
    id: 'run.grant.helperExit',
    defaultMessage: 'Nothing was changed: the helper ended with exit code {code}.',
  },
  someRefused: {
    id: 'run.grant.someRefused',
    defaultMessage:
      '{refused, plural, one {# file was left as it was} other {# files were left as they were}} ({path}: {reason}); {changed, plural, one {# file changed} other {# files changed}}. Scan again before trying once more.',
    description:
      "{path}: the first file left as it was; {reason}: the helper's words about it, untranslated.",
  },
  theFolder: {
    id: 'run.grant.theFolder',
    defaultMessage: 'the folder itself',
    description: 'Stands for {path} in run.grant.someRefused when it is the folder itself.',
  },
});
