import { z } from 'zod';

/**
 * The one vocabulary shared by the CLI, the IPC contract, the UI and the tests
 * (DESIGN.md, "One vocabulary"). Order matters for causes: it is the order in
 * which the label rules of shared/samples/README.md are applied.
 */
export const CAUSES = [
  'pep668',
  'store-python',
  'long-path',
  'antivirus',
  'self-upgrade-lock',
  'lock',
  'temp-dir',
  'permission',
  'not-permission',
] as const;
export const CauseSchema = z.enum(CAUSES);
export type Cause = z.infer<typeof CauseSchema>;

export const REMEDIES = [
  'venv',
  'user-install',
  'close-processes',
  'elevated-install',
  'grant-access',
  'upgrade-pip',
  'enable-long-paths',
  'use-python-m-pip',
  'pipx-or-venv',
  'repair-install',
  'restart',
  /** Run the user's own pip command again (adapted: another TMPDIR, `python -m pip`): nothing else is wrong now. */
  'run-again',
] as const;
export const RemedySchema = z.enum(REMEDIES);
export type RemedyId = z.infer<typeof RemedySchema>;

export const ConfidenceSchema = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof ConfidenceSchema>;
