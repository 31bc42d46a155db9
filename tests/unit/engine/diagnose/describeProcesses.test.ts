import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeProcesses } from '../../../../electron/engine/diagnose/describeProcesses';
import {
  mergeProbeLines,
  probeDocumentFrom,
} from '../../../../electron/platform/windows/probeDocument';
import type { ProbeDocument } from '../../../../electron/platform/windows/probeDocument';
import {
  processDetails,
  processSummaries,
} from '../../../../electron/platform/windows/processTable';
import { FIXTURES } from '../../../support/repoPaths';

/**
 * "Your own program" decides whether Pip Doctor offers to close it. On
 * Windows that is the owner's SID: uids do not exist there, and account
 * names change with the display language.
 */

const ANA = 'S-1-5-21-3623811015-3361044348-30300820-1001';
const BEN = 'S-1-5-21-3623811015-3361044348-30300820-1002';

/** The recorded probe answer of a Windows machine where Spyder's kernel holds a .pyd. */
function spyderMachine(): ProbeDocument {
  const lines = readFileSync(join(FIXTURES, 'windows', 'per-user-spyder', 'probe.jsonl'), 'utf8');
  const { merged } = mergeProbeLines(lines);
  const read = probeDocumentFrom(merged!, 'not recorded');
  if (!('document' in read)) throw new Error(read.problem);
  return read.document;
}

function sameUserByPid(document: ProbeDocument, self: { uid: null; sid: string | null }) {
  const summaries = processSummaries(document);
  const shown = [7344, 8012];
  const described = describeProcesses(
    shown,
    summaries,
    processDetails(document, summaries, shown),
    [],
    [],
    self,
  );
  return Object.fromEntries(described.map((process) => [process.pid, process.sameUser]));
}

describe('whose program a Windows process is', () => {
  it('is the user’s own when its owner SID is the scanning user’s', () => {
    expect(sameUserByPid(spyderMachine(), { uid: null, sid: ANA })).toEqual({
      7344: true,
      8012: true,
    });
  });

  it('is another account’s when the SIDs differ, so it is not offered for closing', () => {
    const document = spyderMachine();
    if (document.processes.status !== 'ok') throw new Error('fixture lists processes');
    const kernel = document.processes.items.find((item) => item.pid === 8012)!;
    kernel.ownerSid = BEN;
    kernel.owner = 'DESKTOP-7K2QF\\ben';
    expect(sameUserByPid(document, { uid: null, sid: ANA })).toEqual({ 7344: true, 8012: false });
  });

  it('is taken for the user’s own when Windows would not say who owns it (the close step checks again)', () => {
    const document = spyderMachine();
    if (document.processes.status !== 'ok') throw new Error('fixture lists processes');
    document.processes.items.find((item) => item.pid === 8012)!.ownerSid = null;
    expect(sameUserByPid(document, { uid: null, sid: ANA })).toEqual({ 7344: true, 8012: true });
  });
});
