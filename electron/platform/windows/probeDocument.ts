import { z } from 'zod';
import {
  listOf,
  psAccessMask,
  psBool,
  psDate,
  psFlags,
  psInt,
  psText,
  sectionFields,
} from './powershellJson';

/**
 * The one JSON document assets/windows/pip-doctor-probe.ps1 prints, as zod
 * validates it. A section that failed keeps only its status and error, so
 * every other field has a default; the consumers look at `status` first.
 */

const GroupSchema = z.object({ sid: z.string(), denyOnly: psBool.transform((v) => v ?? false) });

const IdentitySchema = z.object({
  ...sectionFields,
  userSid: psText,
  userName: psText,
  elevated: psBool,
  groups: listOf(GroupSchema),
});

const SettingsSchema = z.object({
  ...sectionFields,
  longPathsEnabled: psBool,
  /** The raw mode: 0 off, 1 on, 2 audit, 3 and 4 disk-sector modes; null when unknown. */
  controlledFolderAccess: psInt,
  controlledFolderAccessSource: psText,
  protectedFolders: listOf(z.string()),
  notes: listOf(z.string()),
});

const ProcessSchema = z.object({
  pid: z.number().int(),
  ppid: z.number().int(),
  name: z.string(),
  executable: psText,
  commandLine: psText,
  // Our script writes ISO text; a raw CIM DateTime arrives as \/Date()\/ (5.1) or local ISO (7).
  created: psDate,
  owner: psText,
  ownerSid: psText,
});

const ProcessesSchema = z.object({
  ...sectionFields,
  items: listOf(ProcessSchema),
});

/** InheritanceFlags: 1 ContainerInherit, 2 ObjectInherit. */
const INHERITANCE = { 1: 'ContainerInherit', 2: 'ObjectInherit' };
/** PropagationFlags: 1 NoPropagateInherit, 2 InheritOnly. */
const PROPAGATION = { 1: 'NoPropagateInherit', 2: 'InheritOnly' };

const AceSchema = z.object({
  sid: z.string(),
  name: psText,
  mask: psAccessMask,
  // AccessControlType: "Allow"/"Deny", or 0/1 when an enum was left to ConvertTo-Json.
  type: z
    .union([z.enum(['Allow', 'Deny']), z.literal(0), z.literal(1)])
    .transform((v) => (v === 'Deny' || v === 1 ? ('deny' as const) : ('allow' as const))),
  inherited: psBool.transform((v) => v ?? false),
  inheritance: psFlags(INHERITANCE),
  propagation: psFlags(PROPAGATION),
});
export type Ace = z.infer<typeof AceSchema>;

/** FileAttributes as names; 5.1 writes the number if the enum was not turned into text. */
const ATTRIBUTE_NAMES: Record<number, string> = {
  0x1: 'ReadOnly',
  0x2: 'Hidden',
  0x4: 'System',
  0x10: 'Directory',
  0x20: 'Archive',
  0x400: 'ReparsePoint',
  0x800: 'Compressed',
  0x4000: 'Encrypted',
};

const AclItemSchema = z.object({
  path: z.string(),
  exists: psBool.transform((v) => v ?? false),
  isFolder: psBool,
  attributes: psFlags(ATTRIBUTE_NAMES),
  owner: psText,
  ownerName: psText,
  protected: psBool,
  entries: listOf(AceSchema),
  error: psText,
});
export type AclItem = z.infer<typeof AclItemSchema>;

const AclSchema = z.object({
  ...sectionFields,
  items: listOf(AclItemSchema),
});

const LockingProcessSchema = z.object({
  pid: z.number().int(),
  started: psDate,
  appName: psText,
  serviceName: psText,
  appType: psInt,
});

const LockQuerySchema = z.object({
  kind: z.enum(['path', 'root']),
  paths: listOf(z.string()),
  fileCount: psInt.transform((v) => v ?? 0),
  truncated: psBool.transform((v) => v ?? false),
  /** A Win32 error code from the Restart Manager; 0 when it answered. */
  error: psInt.transform((v) => v ?? 0),
  /** RM_REBOOT_REASON bits: 0x1 permission denied, 0x2 another session. */
  rebootReasons: psInt.transform((v) => v ?? 0),
  processes: listOf(LockingProcessSchema),
});
export type LockQuery = z.infer<typeof LockQuerySchema>;

const RestartManagerSchema = z.object({
  ...sectionFields,
  queries: listOf(LockQuerySchema),
});

const ModuleHolderSchema = z.object({
  pid: z.number().int(),
  started: psDate,
  files: listOf(z.string()),
});

const UninspectedSchema = z.object({
  pid: z.number().int(),
  name: psText.transform((v) => v ?? ''),
  denied: psBool.transform((v) => v ?? false),
  error: psText,
});

const LoadedModulesSchema = z.object({
  ...sectionFields,
  inspected: psInt,
  processes: listOf(ModuleHolderSchema),
  uninspected: listOf(UninspectedSchema),
});

export const SECTION_NAMES = [
  'identity',
  'settings',
  'processes',
  'acl',
  'restartManager',
  'loadedModules',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** A section the document does not carry at all (an older script, a fatal error) counts as failed. */
function withEverySection(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const document: Record<string, unknown> = { ...value };
  for (const name of SECTION_NAMES) document[name] ??= { status: 'failed', error: null };
  return document;
}

export const ProbeDocumentSchema = z.preprocess(
  withEverySection,
  z
    .object({
      pipDoctorWindowsProbe: z.literal(1),
      powershell: z
        .object({ edition: psText, version: psText })
        .nullish()
        .transform((v) => v ?? { edition: null, version: null }),
      startedAt: psDate,
      durationMs: psInt,
      fatal: psText,
      identity: IdentitySchema,
      settings: SettingsSchema,
      processes: ProcessesSchema,
      acl: AclSchema,
      restartManager: RestartManagerSchema,
      loadedModules: LoadedModulesSchema,
    })
    .transform((document) => {
      // A failed section without its own error failed with the run: say why once, everywhere.
      const why = document.fatal ?? 'the probe did not answer this part';
      for (const name of SECTION_NAMES) {
        const part = document[name];
        if (part.status === 'failed' && part.error === null) part.error = why;
      }
      return document;
    }),
);
export type ProbeDocument = z.infer<typeof ProbeDocumentSchema>;
export type ProcessItem = ProbeDocument['processes']['items'][number];
export type IdentitySection = ProbeDocument['identity'];

/**
 * The answer when the script could not be run or its output not read: every
 * section failed with the same reason, so each consumer degrades the same way
 * it does when only its own section fails.
 */
export function failedDocument(reason: string): ProbeDocument {
  const failed = { status: 'failed', error: reason };
  return ProbeDocumentSchema.parse({
    pipDoctorWindowsProbe: 1,
    startedAt: null,
    durationMs: null,
    fatal: reason,
    ...Object.fromEntries(SECTION_NAMES.map((name) => [name, failed])),
  });
}
