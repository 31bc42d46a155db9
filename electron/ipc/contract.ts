import { z } from 'zod';
import { DiagnosisSchema, ShellSchema } from '../engine/model/diagnosis';
import { LogFindingSchema } from '../engine/model/logFinding';

/**
 * The one map of everything the renderer may ask of main (DESIGN.md, rule 2).
 * No Node imports: the renderer imports its types. Every request is checked
 * against its schema in main; the renderer names scans by the id main gave
 * it, never by a path or a command.
 */

/** A pasted log is text; anything larger is a file the user should save and drop. */
export const MAX_LOG_TEXT = 20 * 1024 * 1024;
const ScanId = z.string().regex(/^scan-[0-9a-f]{16}$/);

export const ScanStepSchema = z.enum([
  'installs',
  'interpreters',
  'folders',
  'processes',
  'remedies',
]);
export const ScanProgressSchema = z.object({
  scanId: ScanId,
  step: ScanStepSchema,
  state: z.enum(['running', 'done']),
  detail: z.string().nullable(),
});
export type ScanProgressEvent = z.infer<typeof ScanProgressSchema>;

/** Failures reach the UI as words a user can act on, plus the technical cause for the details view. */
export const UserErrorSchema = z.object({ message: z.string(), cause: z.string().nullable() });
export type UserError = z.infer<typeof UserErrorSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['linux', 'darwin', 'win32']),
  /** The shell the user most likely has, for the commands the app shows. */
  shell: ShellSchema,
});

export const channels = {
  'app:info': { request: z.object({}).strict(), response: AppInfoSchema },
  'log:classify': {
    request: z.object({ text: z.string().max(MAX_LOG_TEXT) }).strict(),
    response: LogFindingSchema,
  },
  'scan:start': {
    request: z.object({ logText: z.string().max(MAX_LOG_TEXT).nullable() }).strict(),
    response: z.object({ scanId: ScanId }),
  },
  'scan:cancel': {
    request: z.object({ scanId: ScanId }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  /** Resolves when the scan ends: its Diagnosis, or an error (cancelled scans say so). */
  'scan:result': { request: z.object({ scanId: ScanId }).strict(), response: DiagnosisSchema },
  'report:markdown': {
    request: z.object({ scanId: ScanId, includePersonal: z.boolean() }).strict(),
    response: z.object({ markdown: z.string() }),
  },
  /** Main shows the save dialog; the renderer never names the file. */
  'report:save': {
    request: z.object({ scanId: ScanId, includePersonal: z.boolean() }).strict(),
    response: z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  },
  'clipboard:write': {
    request: z.object({ text: z.string().max(MAX_LOG_TEXT) }).strict(),
    response: z.object({}),
  },
  /** Only https links on the allowlist in main open; anything else is refused. */
  'external:open': {
    request: z.object({ url: z.string().url().max(2048) }).strict(),
    response: z.object({ opened: z.boolean() }),
  },
} as const;

export type Channel = keyof typeof channels;
export type RequestOf<C extends Channel> = z.infer<(typeof channels)[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<(typeof channels)[C]['response']>;

/** What every invoke resolves to: main never throws across the bridge. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: UserError };

/** Main → renderer events. */
export const events = {
  'scan:progress': ScanProgressSchema,
} as const;
export type EventName = keyof typeof events;

/** window.pipDoctor, exactly: one method per channel, one subscription per event. */
export interface PipDoctorBridge {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Reply<ResponseOf<C>>>;
  onScanProgress(listener: (event: ScanProgressEvent) => void): () => void;
}
