import { describe, expect, it } from 'vitest';
import { failedDocument } from '../../../../electron/platform/windows/probeDocument';
import type { ProbeDocument } from '../../../../electron/platform/windows/probeDocument';
import type { ProbeRequest } from '../../../../electron/platform/windows/probeScript';
import { ScanSession, ScanSessions } from '../../../../electron/platform/windows/scanSession';

/** A session whose runs are counted and answered at once. */
function countedSessions() {
  const requests: ProbeRequest[] = [];
  const sessions = new ScanSessions(
    () =>
      new ScanSession(async (request) => {
        requests.push(request);
        return failedDocument(`run ${requests.length}`);
      }),
  );
  return { sessions, requests };
}

const later = <T>(value: T, ms = 5) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('one PowerShell run per scan', () => {
  it('waits for the holder scan when the engine asks in its order, and starts once', async () => {
    const { sessions, requests } = countedSessions();
    const session = sessions.session();
    const elevated = session.picture('identity');
    const settings = sessions.session().picture('identity', 'settings');
    // Discovery, then a probe, then a folder check that refuses: all tracked while they run.
    await sessions.session().track(later('discovered'));
    const probe = sessions.session().track(later('facts', 10));
    await probe;
    const folderCheck = sessions.session().track(
      later('refused', 10).then((result) => {
        sessions.session().addFolder('C:\\Program Files\\Python312\\Lib\\site-packages');
        return result;
      }),
    );
    const processes = sessions.session().picture('processes');
    const holders = sessions
      .session()
      .pictureWithHolders(['C:\\root'], ['C:\\root\\x.pyd'], undefined);
    await Promise.all([elevated, settings, processes, holders, folderCheck]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      folders: ['C:\\Program Files\\Python312\\Lib\\site-packages'],
      priorityPaths: ['C:\\root\\x.pyd'],
      holderRoots: ['C:\\root'],
    });
    expect(new Set(requests[0]!.sections)).toEqual(
      new Set(['identity', 'settings', 'processes', 'restartManager', 'loadedModules']),
    );
    expect((await elevated).fatal).toBe('run 1');
  });

  it('answers a question asked alone, once nothing that could add to it is running', async () => {
    const { sessions, requests } = countedSessions();
    const pending = sessions.session().track(later(null, 15));
    const answer = sessions.session().picture('identity');
    await pending;
    await answer;
    expect(requests).toHaveLength(1);
    expect(requests[0]!.sections).toEqual(['identity']);
  });

  it('starts a new session for the next scan, and answers a late question with a second run', async () => {
    const { sessions, requests } = countedSessions();
    const first = sessions.session();
    await first.pictureWithHolders([], [], undefined);
    expect(first.hasStarted).toBe(true);
    const second = sessions.session();
    expect(second).not.toBe(first);
    second.addFolder('C:\\late');
    await second.picture('acl');
    expect(requests.map((request) => request.folders)).toEqual([[], ['C:\\late']]);
  });

  it('never leaves a question unanswered when the run itself throws', async () => {
    const session = new ScanSession(async (): Promise<ProbeDocument> => {
      throw new Error('spawn exploded');
    });
    const document = await session.picture('identity');
    expect(document.identity).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('spawn exploded'),
    });
  });
});
