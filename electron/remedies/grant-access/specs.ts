import { z } from 'zod';
import { ElevatedRunSchema } from '../../platform/elevation';
import { OwnedEntrySchema, ScanRootSchema } from '../../platform/posix/foreignOwners';

/** ACL systems: the folder's permissions saved for Undo, then a Modify entry for the user. */
export const SaveAclSpecSchema = z.object({
  kind: z.literal('save-acl'),
  run: ElevatedRunSchema,
  backupFile: z.string(),
});
export const GrantAclSpecSchema = z.object({
  kind: z.literal('grant-acl'),
  run: ElevatedRunSchema,
  /** The undo as the plan showed it; after a restart Undo builds it again from the two lists below. */
  restore: ElevatedRunSchema,
  /** The folders granted, and for each the backup its save-acl step wrote (same order). */
  folders: z.array(z.string()),
  backupFiles: z.array(z.string()),
});
/** Right before a restore: the backup is byte for byte the one the save step wrote (its SHA-256). */
export const CheckBackupSpecSchema = z.object({
  kind: z.literal('check-backup'),
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
/** What save-acl records: how many entries, and the backup's SHA-256 for the check before a restore. */
export const SavedAclSchema = z.object({
  entries: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Owner systems: each file's owner written down for Undo, then the files handed back. */
export const RecordOwnersSpecSchema = z.object({
  kind: z.literal('record-owners'),
  root: z.string(),
  targetUid: z.number().int(),
  /** The files the plan showed: the run refuses when what it finds differs. */
  planned: z.array(OwnedEntrySchema),
});
/** The privileged hand-back helper (posix/handBack.ts), told the files on stdin; Undo runs it too. */
export const ChownSpecSchema = z.object({
  kind: z.literal('chown'),
  run: ElevatedRunSchema,
  /** The files it changes, absolute. */
  paths: z.array(z.string()),
  recordStepId: z.string(),
});

/** The folder can be written now. */
export const WritableCheckSchema = z.object({ kind: z.literal('writable'), folder: z.string() });
/** Every recorded file belongs to the user now. */
export const OwnedByCheckSchema = z.object({
  kind: z.literal('owned-by'),
  recordStepId: z.string(),
  uid: z.number().int(),
});

export const RecordedOwnersSchema = z.object({
  root: ScanRootSchema,
  entries: z.array(OwnedEntrySchema),
});
