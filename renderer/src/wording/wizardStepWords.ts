import type { WizardStep } from '../state/wizardSlice';

/** The short name in the step list, and the question or title the screen itself asks. */
export const WIZARD_STEP_WORDS: Record<WizardStep, { nav: string; heading: string }> = {
  start: { nav: 'What happened', heading: 'What happened?' },
  scan: { nav: 'Check', heading: 'Checking your computer' },
  findings: { nav: "What's wrong", heading: "What's wrong" },
  fixes: { nav: 'Fixes', heading: 'How to fix it' },
  report: { nav: 'Report', heading: 'Share what was found' },
};
