import { z } from 'zod';
import { ElevatedRunSchema } from '../../platform/elevation';
import { OwnedEntrySchema, ScanRootSchema } from '../../platform/posix/foreignOwners';

/**
 * ACL systems: in one elevated run, the folders' permissions saved for Undo
 * (the hashes come back in the step's data), then a Modify entry for the user.
 */
export const GrantAclSpecSchema = z.object({
  kind: z.literal('grant-acl'),
  run: ElevatedRunSchema,
  folders: z.array(z.string()).min(1),
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
