import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../../electron/platform/runProcess';
import { isoFromPowerShellDate } from '../../../../electron/platform/windows/powershellJson';
import {
  failedDocument,
  ProbeDocumentSchema,
} from '../../../../electron/platform/windows/probeDocument';
import {
  powershellArguments,
  readProbeOutput,
  runProbeScript,
} from '../../../../electron/platform/windows/probeScript';
import type { ProbeRequest } from '../../../../electron/platform/windows/probeScript';
import { WINDOWS_FIXTURES } from './support/recordedMachine';

const recorded = (situation: string) =>
  JSON.parse(readFileSync(join(WINDOWS_FIXTURES, situation, 'probe.json'), 'utf8')) as Record<
    string,
    unknown
  >;

function run(fields: Partial<RunResult>): RunResult {
  return {
    exitCode: 0,
    signal: null,
    stdout: '',
    stderr: '',
    timedOut: false,
    cancelled: false,
    truncated: false,
    spawnError: null,
    durationMs: 5,
    ...fields,
  };
}

describe('the PowerShell document', () => {
  it('validates every recorded document (Windows PowerShell 5.1 shapes)', () => {
    for (const situation of [
      'all-users-not-elevated',
      'per-user-spyder',
      'store-python',
      'venv-jupyter-vscode',
      'pip-self-upgrade',
      'deny-entry',
      'german-windows',
      'chinese-windows',
      'long-path',
    ]) {
      const parsed = ProbeDocumentSchema.safeParse(recorded(situation));
      expect(parsed.success, `${situation}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('reads the 5.1 escapes of JavaScriptSerializer (\\u0027 for an apostrophe) like any JSON', () => {
    const text =
      '{"pipDoctorWindowsProbe":1,"acl":{"status":"ok","error":null,"items":[{"path":"C:\\\\Users\\\\Se\u00e1n O\\u0027Brien\\\\x","exists":true,"entries":[]}]}}';
    const document = ProbeDocumentSchema.parse(JSON.parse(text));
    expect(document.acl.items[0]!.path).toBe("C:\\Users\\Seán O'Brien\\x");
  });

  it('accepts a lone object where a list belongs, and null for an empty list', () => {
    const document = ProbeDocumentSchema.parse({
      pipDoctorWindowsProbe: 1,
      identity: {
        status: 'ok',
        error: null,
        userSid: 'S-1-5-21-1-2-3-1001',
        elevated: false,
        groups: { sid: 'S-1-5-32-545', denyOnly: false },
      },
      processes: { status: 'ok', items: { pid: 8, ppid: 4, name: 'python.exe', created: null } },
      acl: { status: 'ok', items: null },
      restartManager: {
        status: 'ok',
        queries: {
          kind: 'path',
          paths: 'C:\\x.pyd',
          fileCount: 1,
          truncated: false,
          error: 0,
          rebootReasons: 0,
          processes: null,
        },
      },
    });
    expect(document.identity.groups).toEqual([{ sid: 'S-1-5-32-545', denyOnly: false }]);
    expect(document.processes.items).toHaveLength(1);
    expect(document.acl.items).toEqual([]);
    expect(document.restartManager.queries[0]!.paths).toEqual(['C:\\x.pyd']);
    expect(document.restartManager.queries[0]!.processes).toEqual([]);
  });

  it('reads dates as 5.1 writes them (\\/Date(ms)\\/, ETS-wrapped) and as 7 writes them (local ISO)', () => {
    expect(isoFromPowerShellDate('/Date(1566855960142)/')).toBe('2019-08-26T21:46:00.142Z');
    expect(
      isoFromPowerShellDate({
        value: '/Date(1566855960142)/',
        DisplayHint: 2,
        DateTime: 'Monday, August 26, 2019',
      }),
    ).toBe('2019-08-26T21:46:00.142Z');
    expect(isoFromPowerShellDate('2021-08-05T16:13:05.6394416-07:00')).toBe(
      '2021-08-05T23:13:05.639Z',
    );
    expect(isoFromPowerShellDate('2026-03-04T09:58:19.0750957Z')).toBe('2026-03-04T09:58:19.075Z');
    expect(isoFromPowerShellDate(null)).toBeNull();
    expect(isoFromPowerShellDate('not a date')).toBeNull();
  });

  it('reads enums left as numbers: access type, inheritance, attributes, a signed generic mask', () => {
    const document = ProbeDocumentSchema.parse({
      pipDoctorWindowsProbe: 1,
      acl: {
        status: 'ok',
        items: [
          {
            path: 'C:\\x',
            exists: true,
            attributes: 17,
            entries: [
              {
                sid: 'S-1-5-32-545',
                mask: -1610612736,
                type: 1,
                inherited: 'True',
                inheritance: 3,
                propagation: 2,
              },
            ],
          },
        ],
      },
    });
    const [item] = document.acl.items;
    expect([...item!.attributes]).toEqual(['ReadOnly', 'Directory']);
    expect(item!.entries[0]).toMatchObject({ mask: 0xa0000000, type: 'deny', inherited: true });
    expect([...item!.entries[0]!.inheritance]).toEqual(['ContainerInherit', 'ObjectInherit']);
    expect([...item!.entries[0]!.propagation]).toEqual(['InheritOnly']);
  });

  it('counts a missing section as failed, with the fatal error when the script stopped early', () => {
    const document = ProbeDocumentSchema.parse({
      pipDoctorWindowsProbe: 1,
      fatal: "Could not find file 'C:\\Temp\\request.json'.",
      identity: null,
    });
    expect(document.identity.status).toBe('failed');
    expect(document.fatal).toContain('request.json');
    expect(failedDocument('no PowerShell').loadedModules).toMatchObject({
      status: 'failed',
      error: 'no PowerShell',
    });
  });
});

describe('reading the run of the script', () => {
  it('takes the document out of stray output around it (a BOM, a host line)', () => {
    const document = readProbeOutput(
      run({ stdout: `\uFEFFWARNING: something\r\n${JSON.stringify(recorded('deny-entry'))}\r\n` }),
      60_000,
    );
    expect(document.fatal).toBeNull();
    expect(document.acl.status).toBe('ok');
  });

  it.each<[string, Partial<RunResult>, RegExp]>([
    [
      'PowerShell missing',
      { spawnError: { code: 'ENOENT', message: 'spawn powershell.exe ENOENT' }, exitCode: null },
      /could not be started \(ENOENT\)/,
    ],
    ['a timeout', { timedOut: true, exitCode: null }, /did not answer within 60 s/],
    ['a cancelled scan', { cancelled: true, exitCode: null }, /cancelled/],
    [
      'no JSON at all',
      {
        exitCode: 1,
        stderr:
          'File C:\\x.ps1 cannot be loaded because running scripts is disabled on this system.\r\n',
      },
      /gave no answer \(exit status 1\): File .* cannot be loaded/,
    ],
    [
      'broken JSON',
      {
        stdout: '{"pipDoctorWindowsProbe":1,"processes":{"status":"ok","items":[{"pid":4}',
        truncated: true,
      },
      /not valid JSON \(the output was cut off/,
    ],
    [
      'another shape',
      { stdout: '{"pipDoctorWindowsProbe":2}' },
      /not in the expected shape: pipDoctorWindowsProbe/,
    ],
  ])(
    'turns %s into a document whose every section failed with the reason',
    (_label, fields, reason) => {
      const document = readProbeOutput(run(fields), 60_000);
      expect(document.fatal).toMatch(reason);
      for (const section of [
        document.identity,
        document.settings,
        document.processes,
        document.acl,
        document.restartManager,
        document.loadedModules,
      ]) {
        expect(section.status).toBe('failed');
        expect(section.error).toMatch(reason);
      }
    },
  );

  it('runs powershell.exe by absolute path with -File and the request as a file, never as script text', async () => {
    const request: ProbeRequest = {
      sections: ['acl'],
      folders: ["C:\\Users\\O'Brien\\$(Remove-Item C:\\) & calc\\site-packages"],
      priorityPaths: [],
      holderRoots: [],
      interpreters: [],
    };
    let seen: { program: string; args: readonly string[]; request: unknown } | null = null;
    const document = await runProbeScript(request, {
      env: { SystemRoot: 'C:\\Windows' },
      scriptPath: () => 'C:\\Program Files\\Pip Doctor\\pip-doctor-probe.ps1',
      run: async (program, args) => {
        seen = { program, args, request: JSON.parse(readFileSync(args.at(-1)!, 'utf8')) };
        return run({ stdout: JSON.stringify(recorded('deny-entry')) });
      },
    });
    expect(seen!.program).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(seen!.args.slice(0, -1)).toEqual(
      powershellArguments('C:\\Program Files\\Pip Doctor\\pip-doctor-probe.ps1', '').slice(0, -1),
    );
    expect(seen!.request).toEqual(request);
    expect(seen!.args.join(' ')).not.toContain('Remove-Item');
    expect(document.acl.status).toBe('ok');
  });

  it('answers a missing script with a failed document instead of throwing', async () => {
    const document = await runProbeScript(
      { sections: ['identity'], folders: [], priorityPaths: [], holderRoots: [], interpreters: [] },
      {
        env: {},
        scriptPath: () => {
          throw new Error('the probe script is missing');
        },
        run: async () => run({}),
      },
    );
    expect(document.identity).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('the probe script is missing'),
    });
  });
});
