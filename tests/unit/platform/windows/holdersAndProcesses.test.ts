import { englishDeep, englishOf } from '../../../support/english';
import { english } from '../../../support/english';
import { describe, expect, it } from 'vitest';
import { holderScanOf } from '../../../../electron/platform/windows/holderScan';
import { ProbeDocumentSchema } from '../../../../electron/platform/windows/probeDocument';
import {
  processDetails,
  processSummaries,
} from '../../../../electron/platform/windows/processTable';

const SITE = 'C:\\Users\\ana\\proj\\.venv\\Lib\\site-packages';

function document(fields: Record<string, unknown>) {
  const notAsked = { status: 'skipped', error: 'not requested' };
  return ProbeDocumentSchema.parse({
    pipDoctorWindowsProbe: 1,
    identity: notAsked,
    settings: notAsked,
    acl: notAsked,
    restartManager: notAsked,
    loadedModules: notAsked,
    processes: {
      status: 'ok',
      items: [
        { pid: 4, ppid: 0, name: 'System', created: '2026-03-01T08:00:00.5000000Z' },
        {
          pid: 700,
          ppid: 4,
          name: 'python.exe',
          executable: 'C:\\py\\python.exe',
          commandLine: 'python -m ipykernel_launcher',
          created: '2026-03-01T09:00:00.1000010Z',
          owner: 'PC\\ana',
        },
        // Its parent pid 650 was reused by a process started later: not its parent.
        {
          pid: 710,
          ppid: 650,
          name: 'python.exe',
          executable: null,
          commandLine: null,
          created: '2026-03-01T09:30:00.0000000Z',
        },
        { pid: 650, ppid: 4, name: 'notepad.exe', created: '2026-03-01T10:00:00.0000000Z' },
      ],
    },
    ...fields,
  });
}

const rm = (
  kind: 'path' | 'root',
  path: string,
  processes: Array<[number, string]>,
  extra = {},
) => ({
  kind,
  paths: [path],
  fileCount: 1,
  truncated: false,
  error: 0,
  rebootReasons: 0,
  processes: processes.map(([pid, started]) => ({
    pid,
    started,
    appName: 'python.exe',
    serviceName: '',
    appType: 5,
  })),
  ...extra,
});

describe('who holds the files', () => {
  it('merges the Restart Manager and loaded modules, keyed by pid and start time', () => {
    const scan = holderScanOf(
      document({
        restartManager: {
          status: 'ok',
          queries: [
            rm('path', `${SITE}\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd`, [
              [700, '2026-03-01T09:00:00.1000017Z'],
            ]),
            // Same pid, another process: started an hour later than the table's pid 700.
            rm('root', SITE, [
              [700, '2026-03-01T10:00:00.0000000Z'],
              [650, '2026-03-01T10:00:00.0000003Z'],
            ]),
          ],
        },
        loadedModules: {
          status: 'ok',
          inspected: 2,
          processes: [
            {
              pid: 700,
              started: '2026-03-01T09:00:00.1000017Z',
              files: [`${SITE}\\zmq\\_zmq.pyd`],
            },
          ],
          uninspected: [],
        },
      }),
    );
    expect(scan.holders).toEqual([
      {
        pid: 700,
        holds: [
          `${SITE}\\zmq\\_zmq.pyd`,
          `${SITE}\\numpy\\core\\_multiarray_umath.cp312-win_amd64.pyd`,
        ],
      },
      // Only the Restart Manager saw it, for the folder as a whole: the folder is what it holds.
      { pid: 650, holds: [SITE] },
    ]);
    expect(scan.gaps).toEqual([]);
  });

  it('says what could not be seen: denied processes, other sessions, cut lists, failed parts', () => {
    const scan = holderScanOf(
      document({
        identity: { status: 'failed', error: 'Access is denied.' },
        restartManager: {
          status: 'ok',
          queries: [
            rm('root', SITE, [], { rebootReasons: 3, truncated: true, fileCount: 1000, error: 0 }),
          ],
        },
        loadedModules: {
          status: 'ok',
          inspected: 1,
          processes: [],
          uninspected: [
            { pid: 900, name: 'python.exe', denied: true, error: 'Access is denied' },
            {
              pid: 901,
              name: 'python.exe',
              denied: false,
              error: 'Only part of a ReadProcessMemory or WriteProcessMemory request was completed',
            },
          ],
        },
      }),
    );
    const messages = scan.gaps.map((gap) => gap.message);
    expect(englishDeep(messages)).toEqual([
      'Whether Pip Doctor runs as administrator could not be found out: Access is denied.',
      'Some programs using these files run as another user or as administrator, and Windows does not name them to Pip Doctor.',
      "Some programs using these files run in another user's session (another signed-in user, or a remote desktop).",
      `Only the first 1,000 program files in ${SITE} were checked for programs using them.`,
      expect.stringMatching(
        /^1 Python process \(python\.exe, pid 900\) could not be inspected: it runs as another user or as administrator/,
      ),
      'The loaded files of python.exe (pid 901) could not be read: Only part of a ReadProcessMemory or WriteProcessMemory request was completed.',
    ]);
    expect(englishOf(scan.gaps[1]!.howToReveal)).toMatch(/Run Pip Doctor as administrator/);
  });

  it('turns a run that never answered into gaps, not an error', () => {
    const scan = holderScanOf(
      ProbeDocumentSchema.parse({
        pipDoctorWindowsProbe: 1,
        fatal: 'Windows PowerShell did not answer within 60 s and was stopped.',
      }),
    );
    expect(scan.holders).toEqual([]);
    expect(
      scan.gaps.every((gap) =>
        english(gap.message).endsWith(
          'Windows PowerShell did not answer within 60 s and was stopped.',
        ),
      ),
    ).toBe(true);
    expect(scan.gaps.map((gap) => gap.area)).toEqual([
      'elevation',
      'elevation',
      'processes',
      'processes',
      'processes',
    ]);
  });
});

describe('the process table', () => {
  it("keeps a parent link only when the parent started first, and Idle is nobody's parent", () => {
    const table = processSummaries(document({}));
    expect(table.get(700)).toEqual({
      pid: 700,
      ppid: 4,
      startTime: '2026-03-01T09:00:00.100Z',
      name: 'python.exe',
      executable: 'C:\\py\\python.exe',
    });
    expect(table.get(710)!.ppid).toBe(0);
    expect(table.get(4)!.ppid).toBe(0);
  });

  it('gives command line and owner, empty when Windows withholds the command line', () => {
    const doc = document({});
    const details = processDetails(doc, processSummaries(doc), [700, 710, 999]);
    expect(details.get(700)).toMatchObject({
      commandLine: 'python -m ipykernel_launcher',
      user: 'PC\\ana',
      uid: null,
    });
    expect(details.get(710)).toMatchObject({ commandLine: '', user: null, executable: null });
    expect(details.has(999)).toBe(false);
  });
});
