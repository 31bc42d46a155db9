import { defineMessages } from 'react-intl';
import { msg } from '../../../electron/shared/i18n/message';
import type { Message } from '../../../electron/shared/i18n/message';
import type { WizardStep } from '../state/wizardSlice';

const words = defineMessages({
  startNav: {
    id: 'ui.step.start.nav',
    defaultMessage: 'What happened',
    description: 'Step 1 in the list of steps at the side of the window (short)',
  },
  startHeading: {
    id: 'ui.step.start.heading',
    defaultMessage: 'What happened?',
    description: 'Title of step 1, where the user pastes the error pip printed',
  },
  scanNav: {
    id: 'ui.step.scan.nav',
    defaultMessage: 'Check',
    description: 'Step 2 in the list of steps (short): the app checks the computer',
  },
  scanHeading: {
    id: 'ui.step.scan.heading',
    defaultMessage: 'Checking your computer',
    description: 'Title of step 2, shown while the app checks the computer',
  },
  findingsNav: {
    id: 'ui.step.findings.nav',
    defaultMessage: "What's wrong",
    description: 'Step 3 in the list of steps (short): what the check found',
  },
  findingsHeading: {
    id: 'ui.step.findings.heading',
    defaultMessage: "What's wrong",
    description: 'Title of step 3, which explains what the check found',
  },
  fixesNav: {
    id: 'ui.step.fixes.nav',
    defaultMessage: 'Fixes',
    description: 'Step 4 in the list of steps (short)',
  },
  fixesHeading: {
    id: 'ui.step.fixes.heading',
    defaultMessage: 'How to fix it',
    description: 'Title of step 4, which lists the fixes',
  },
  reportNav: {
    id: 'ui.step.report.nav',
    defaultMessage: 'Report',
    description: 'Step 5 in the list of steps (short): a report to share',
  },
  reportHeading: {
    id: 'ui.step.report.heading',
    defaultMessage: 'Share what was found',
    description: 'Title of step 5, where the user copies or saves a report for a help request',
  },
});

/** The short name in the step list, and the question or title the screen itself asks. */
export const WIZARD_STEP_WORDS: Record<WizardStep, { nav: Message; heading: Message }> = {
  start: { nav: msg(words.startNav), heading: msg(words.startHeading) },
  scan: { nav: msg(words.scanNav), heading: msg(words.scanHeading) },
  findings: { nav: msg(words.findingsNav), heading: msg(words.findingsHeading) },
  fixes: { nav: msg(words.fixesNav), heading: msg(words.fixesHeading) },
  report: { nav: msg(words.reportNav), heading: msg(words.reportHeading) },
};
