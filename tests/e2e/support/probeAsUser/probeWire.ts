import type { SystemProbe } from '../../../../electron/platform/systemProbe';

/**
 * The line protocol between the test process and a probe server running as
 * another user: one JSON document per line each way. Maps travel as entry
 * arrays; AbortSignals as a separate cancel message.
 */

/** The probe methods that cross the wire (currentUser and installKind are answered locally). */
export type RemoteMethod = Exclude<keyof SystemProbe, 'platform' | 'currentUser' | 'installKind'>;

export type ProbeRequest =
  { id: number; method: RemoteMethod; args: unknown[] } | { cancel: number };

export type ProbeMessage =
  | { hello: { name: string; uid: number | null } }
  | { id: number; found: [identity: string, executable: string] }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string };
