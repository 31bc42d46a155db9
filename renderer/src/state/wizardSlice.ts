import type { StateCreator } from 'zustand';
import type { AppState } from './appState';

export const WIZARD_STEPS = ['start', 'scan', 'findings', 'fixes', 'report'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export interface WizardSlice {
  step: WizardStep;
  /**
   * False until the user first moves: the first screen is read from the top,
   * every later one gets focus on its heading so a screen reader announces it.
   */
  hasNavigated: boolean;
  goTo(step: WizardStep): void;
}

export const createWizardSlice: StateCreator<AppState, [], [], WizardSlice> = (set) => ({
  step: 'start',
  hasNavigated: false,
  goTo: (step) => set({ step, hasNavigated: true }),
});

/** A step can be opened once it has something to show. */
export function canVisit(state: AppState, step: WizardStep): boolean {
  switch (step) {
    case 'start':
      return true;
    case 'scan':
      return state.scan.status !== 'idle';
    case 'findings':
    case 'fixes':
    case 'report':
      return state.scan.diagnosis !== null;
  }
}
