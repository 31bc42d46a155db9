import { create } from 'zustand';
import { createActionSlice } from './actionSlice';
import type { AppState } from './appState';
import { createLanguageSlice } from './languageSlice';
import { createLogSlice } from './logSlice';
import { createPendingSlice } from './pendingSlice';
import { createReportSlice } from './reportSlice';
import { createRerunSlice } from './rerunSlice';
import { createScanSlice } from './scanSlice';
import { createWizardSlice } from './wizardSlice';

export const useAppStore = create<AppState>()((...args) => ({
  ...createWizardSlice(...args),
  ...createLogSlice(...args),
  ...createScanSlice(...args),
  ...createReportSlice(...args),
  ...createActionSlice(...args),
  ...createPendingSlice(...args),
  ...createRerunSlice(...args),
  ...createLanguageSlice(...args),
}));
