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
 * What assets/windows/pip-doctor-probe.ps1 prints, one JSON line per
 * section, merged into one document as zod validates it. A section that
 * failed keeps only its status and error, so every other field has a
 * default; the consumers look at `status` first.
 */

const GroupSchema = z.object({ sid: z.string(), denyOnly: psBool.transform((v) => v ?? false) });

const IdentitySchema = z.object({
  ...sectionFields,
  /** 'token' (.NET's view of it), or 'whoami' where Constrained Language refuses that. */
  source: psText,
  userSid: psText,
  userName: psText,
  elevated: psBool,
  groups: listOf(GroupSchema),
  /** GetSystemDirectory (`C:\\WINDOWS\\system32`); missing from probes recorded before it was asked. */
  systemDirectory: psText,
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
  /** Why the walk stopped early: at its file count or out of time; null when it saw every file. */
  limit: z
    .enum(['files', 'time'])
    .nullish()
    .transform((v) => v ?? null),
  /** A Win32 error code from the Restart Manager; 0 when it answered. */
  error: psInt.transform((v) => v ?? 0),
  /** RM_REBOOT_REASON bits: 0x1 permission denied, 0x2 another session. */
  rebootReasons: psInt.transform((v) => v ?? 0),
  processes: listOf(LockingProcessSchema),
});
export type LockQuery = z.infer<typeof LockQuerySchema>;

const RestartManagerSchema = z.object({
  ...sectionFields,
  /** How its code was made ready: 'cached', 'compiled', 'compiled in memory' or 'loaded'. */
  assembly: psText,
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
      /** FullLanguage, or ConstrainedLanguage where an AppLocker or WDAC policy restricts PowerShell. */
      languageMode: psText,
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

/** A record of the script's output: one JSON object per line. */
type ProbeRecord = Record<string, unknown>;

/**
 * The script's lines merged into one document: each line adds its keys (the
 * header, one section, the holders' owners, the duration). Lines that are
 * not a JSON object are passed over: a byte order mark, a line a host wrote,
 * the last line of a run cut off mid-write. Null when no line was ours.
 */
export function mergeProbeLines(stdout: string): {
  merged: ProbeRecord | null;
  /** Why the first line that looked like ours could not be read, for when nothing else was. */
  unreadable: string | null;
} {
  const records: ProbeRecord[] = [];
  let unreadable: string | null = null;
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line.startsWith('{')) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        records.push(value as ProbeRecord);
    } catch (error) {
      unreadable ??= (error as Error).message;
    }
  }
  if (!records.some((record) => 'pipDoctorWindowsProbe' in record))
    return { merged: null, unreadable };
  return { merged: withHolderOwners(Object.assign({}, ...records) as ProbeRecord), unreadable };
}

const HolderOwnerSchema = z.object({ pid: z.number().int(), owner: psText, ownerSid: psText });

/**
 * The owners of processes only the Restart Manager named come on a line of
 * their own, after it: put into the process table they belong to.
 */
function withHolderOwners(merged: ProbeRecord): ProbeRecord {
  const { owners, ...document } = merged;
  const processes = document.processes as { items?: unknown } | undefined;
  const parsed = listOf(HolderOwnerSchema).safeParse(owners);
  if (!parsed.success || !Array.isArray(processes?.items)) return document;
  const byPid = new Map(parsed.data.map((owner) => [owner.pid, owner]));
  const items = processes.items.map((item: unknown) => {
    const known = item as { pid?: unknown; owner?: unknown } | null;
    const found = byPid.get(known?.pid as number);
    if (!found || typeof known !== 'object' || (known?.owner ?? null) !== null) return item;
    return { ...known, owner: found.owner, ownerSid: found.ownerSid };
  });
  return { ...document, processes: { ...processes, items } };
}

/**
 * The merged lines as a document. A section that never came failed with
 * `missing` (why the run ended before it); a section whose line is not in
 * the expected shape failed with that, and the others are kept. A header
 * that is not ours is the whole answer's problem.
 */
export function probeDocumentFrom(
  merged: ProbeRecord,
  missing: string,
): { document: ProbeDocument } | { problem: string } {
  const document: ProbeRecord = { ...merged };
  for (const name of SECTION_NAMES) document[name] ??= { status: 'failed', error: missing };
  // Each round fails one more section, and a failed section always parses: at most one round each.
  for (let round = 0; ; round++) {
    const parsed = ProbeDocumentSchema.safeParse(document);
    if (parsed.success) return { document: parsed.data };
    const issue = parsed.error.issues[0];
    const where = `${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}`;
    const section = SECTION_NAMES.find((name) => name === issue?.path[0]);
    if (section === undefined || round >= SECTION_NAMES.length) return { problem: where };
    document[section] = {
      status: 'failed',
      error: `Windows PowerShell's answer for this part is not in the expected shape (${where}).`,
    };
  }
}
