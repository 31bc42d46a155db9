import type { ActionSlice } from './actionSlice';
import type { LanguageSlice } from './languageSlice';
import type { LogSlice } from './logSlice';
import type { PendingSlice } from './pendingSlice';
import type { ReportSlice } from './reportSlice';
import type { RerunSlice } from './rerunSlice';
import type { ScanSlice } from './scanSlice';
import type { WizardSlice } from './wizardSlice';

/** The one store's shape: each slice owns its fields and the actions that call the bridge. */
export type AppState = WizardSlice &
  LogSlice &
  ScanSlice &
  ReportSlice &
  ActionSlice &
  PendingSlice &
  RerunSlice &
  LanguageSlice;
