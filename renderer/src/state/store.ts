import { create } from 'zustand';
import type { AppState } from './appState';
import { createLogSlice } from './logSlice';
import { createReportSlice } from './reportSlice';
import { createScanSlice } from './scanSlice';
import { createWizardSlice } from './wizardSlice';

export const useAppStore = create<AppState>()((...args) => ({
  ...createWizardSlice(...args),
  ...createLogSlice(...args),
  ...createScanSlice(...args),
  ...createReportSlice(...args),
}));
