import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../../electron/platform/runProcess';
import { decodeScript } from '../../../../electron/platform/windows/powershell';
import { isoFromPowerShellDate } from '../../../../electron/platform/windows/powershellJson';
import {
  failedDocument,
  ProbeDocumentSchema,
  SECTION_NAMES,
} from '../../../../electron/platform/windows/probeDocument';
import {
  firstMeaningfulLine,
  PROBE_BOOTSTRAP,
  probeArguments,
  readProbeOutput,
  runProbeScript,
} from '../../../../electron/platform/windows/probeScript';
import type {
  ProbeRequest,
  ScriptRequest,
} from '../../../../electron/platform/windows/probeScript';
import { probeScriptPath } from '../../../../electron/platform/windows/probeScriptPath';
import { RECORDED_WINDOWS_MACHINES, WINDOWS_FIXTURES } from './support/recordedMachine';

/** A recorded machine's probe output: the lines the script printed under Windows PowerShell 5.1. */
const recordedLines = (situation: string) =>
  readFileSync(join(WINDOWS_FIXTURES, situation, 'probe.jsonl'), 'utf8');

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
  it('the list of recorded machines is every folder of tests/fixtures/windows', () => {
    const folders = readdirSync(WINDOWS_FIXTURES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...RECORDED_WINDOWS_MACHINES].sort()).toEqual(folders.sort());
  });

  it('reads every recorded run (Windows PowerShell 5.1 lines), every section answered', () => {
    for (const situation of RECORDED_WINDOWS_MACHINES) {
      const document = readProbeOutput(run({ stdout: recordedLines(situation) }), 60_000);
      expect(document.fatal, situation).toBeNull();
      // Each answered: ok, or skipped where the scan did not ask (no folder refused).
      for (const name of SECTION_NAMES)
        expect(document[name].status, `${situation}: ${name}: ${document[name].error}`).not.toBe(
          'failed',
        );
    }
  });

  it('reads the 5.1 escapes of JavaScriptSerializer (\\u0027 for an apostrophe) like any JSON', () => {
    const text =
      '{"pipDoctorWindowsProbe":1,"acl":{"status":"ok","error":null,"items":[{"path":"C:\\\\Users\\\\Se\u00e1n O\\u0027Brien\\\\x","exists":true,"entries":[]}]}}';
    const document = ProbeDocumentSchema.parse(JSON.parse(text));
    expect(document.acl.items[0]!.path).toBe("C:\\Users\\Seán O'Brien\\x");
  });

  it('accepts an array 5.1 wrapped with its Count ({"value": [...], "Count": n})', () => {
    const document = ProbeDocumentSchema.parse({
      pipDoctorWindowsProbe: 1,
      settings: { status: 'ok', protectedFolders: { value: ['C:\\Data', 'D:\\x'], Count: 2 } },
    });
    expect(document.settings.protectedFolders).toEqual(['C:\\Data', 'D:\\x']);
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

/** 5.1's error view on stderr, as it ends every script error (a -File run refused by policy here). */
const POLICY_ERROR = [
  'File C:\\Program Files\\Pip Doctor\\resources\\app.asar.unpacked\\assets\\windows\\pip-doctor-probe.ps1 cannot be loaded because running scripts is disabled on this system. For more information, see about_Execution_Policies at https:/go.microsoft.com/fwlink/?LinkID=135170.',
  '    + CategoryInfo          : SecurityError: (:) [], ParentContainsErrorRecordException',
  '    + FullyQualifiedErrorId : UnauthorizedAccess',
  '',
].join('\r\n');

describe('reading the run of the script', () => {
  it('takes the lines out of stray output around them (a BOM, a host line, CRLF)', () => {
    const document = readProbeOutput(
      run({ stdout: `\uFEFFWARNING: something\r\n${recordedLines('deny-entry')}` }),
      60_000,
    );
    expect(document.fatal).toBeNull();
    expect(document.acl.status).toBe('ok');
  });

  it('keeps the sections that arrived before a timeout, a cancel or the size limit, and says why the rest did not', () => {
    const lines = recordedLines('per-user-spyder').split('\r\n');
    // Header, identity, settings, acl, then half of the processes line.
    const partial = [...lines.slice(0, 4), lines[4]!.slice(0, 200)].join('\r\n');
    const cases: Array<[Partial<RunResult>, string]> = [
      [
        { timedOut: true, exitCode: null },
        'Windows PowerShell did not answer this part within 60 s and was stopped.',
      ],
      [
        { cancelled: true, exitCode: null },
        'The scan was cancelled before Windows PowerShell answered this part.',
      ],
      [
        { truncated: true },
        "Windows PowerShell's answer was cut off at its size limit before this part.",
      ],
      [
        {
          exitCode: 1,
          stderr: 'Out of memory.\r\n    + CategoryInfo          : OperationStopped\r\n',
        },
        'Windows PowerShell stopped (exit status 1) before answering this part: Out of memory.',
      ],
    ];
    for (const [fields, why] of cases) {
      const document = readProbeOutput(run({ stdout: partial, ...fields }), 60_000);
      expect(document.fatal).toBeNull();
      for (const name of ['identity', 'settings', 'acl'] as const)
        expect(document[name].status).not.toBe('failed');
      for (const name of ['processes', 'loadedModules', 'restartManager'] as const)
        expect(document[name]).toMatchObject({ status: 'failed', error: why });
    }
  });

  it('fails only the section whose line is not in the expected shape, and puts late owners in the table', () => {
    const lines = recordedLines('venv-jupyter-vscode').trim().split('\r\n');
    const broken = lines.map((line) =>
      line.startsWith('{"identity"') ? '{"identity":{"status":"ok","groups":[{"sid":42}]}}' : line,
    );
    // Explorer held a file per the Restart Manager only; a known owner (Code.exe's) is kept.
    const owners =
      '{"owners":[{"pid":3956,"owner":"DESKTOP-7K2QF\\\\ana","ownerSid":"S-1-5-21-1-1001"},{"pid":2208,"owner":"X\\\\y","ownerSid":"S-1-5-21-9"}]}';
    const document = readProbeOutput(run({ stdout: [...broken, owners].join('\r\n') }), 60_000);
    expect(document.identity).toMatchObject({ status: 'failed' });
    expect(document.identity.error).toMatch(
      /^Windows PowerShell's answer for this part is not in the expected shape \(identity\.groups\.0\.sid: /,
    );
    for (const name of SECTION_NAMES.filter((name) => name !== 'identity'))
      expect(document[name].status).not.toBe('failed');
    expect(document.processes.items.find((item) => item.pid === 3956)).toMatchObject({
      owner: 'DESKTOP-7K2QF\\ana',
      ownerSid: 'S-1-5-21-1-1001',
    });
    expect(document.processes.items.find((item) => item.pid === 2208)).toMatchObject({
      owner: 'DESKTOP-7K2QF\\ana',
    });
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
      'no JSON at all, and 5.1 error lines',
      { exitCode: 1, stderr: POLICY_ERROR },
      /gave no answer \(exit status 1\): File .* cannot be loaded because running scripts is disabled on this system\./,
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
    [
      'a fatal line of the bootstrap',
      {
        stdout:
          '{"pipDoctorWindowsProbe":1,"fatal":"Cannot bind argument to parameter \'InputObject\' because it is null."}',
        exitCode: 1,
      },
      /^Cannot bind argument to parameter 'InputObject' because it is null\.$/,
    ],
  ])(
    'turns %s into a document whose every section failed with the reason',
    (_label, fields, reason) => {
      const document = readProbeOutput(run(fields), 60_000);
      expect(document.fatal ?? document.identity.error).toMatch(reason);
      for (const section of SECTION_NAMES) {
        expect(document[section].status).toBe('failed');
        expect(document[section].error).toMatch(reason);
      }
    },
  );

  it('shows the line of an error that says what went wrong, not its position or category', () => {
    expect(firstMeaningfulLine(POLICY_ERROR)).toMatch(
      /^File .* cannot be loaded because running scripts is disabled/,
    );
    // 5.1, an error inside a script: the position line and the drawn line come after the message.
    expect(
      firstMeaningfulLine(
        "Get-Item : Cannot find path 'C:\\nope' because it does not exist.\r\nAt line:1 char:1\r\n+ Get-Item C:\\nope\r\n+ ~~~~~~~~~~~~~~~~\r\n    + CategoryInfo          : ObjectNotFound: (C:\\nope:String) [Get-Item], ItemNotFoundException\r\n    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand\r\n",
      ),
    ).toBe("Get-Item : Cannot find path 'C:\\nope' because it does not exist.");
    // The same as CLIXML, as PowerShell writes it with -EncodedCommand and stderr redirected (PowerShell#5912).
    expect(
      firstMeaningfulLine(
        '#< CLIXML\r\n<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04"><S S="Error">boom_x000D__x000A_</S><S S="Error">At line:1 char:1_x000D__x000A_</S><S S="Error">+ throw \'boom\'_x000D__x000A_</S><S S="Error">+ ~~~~~~~~~~~~_x000D__x000A_</S><S S="Error">    + CategoryInfo          : OperationStopped: (boom:String) [], RuntimeException_x000D__x000A_</S></Objs>',
      ),
    ).toBe('boom');
    // PowerShell 7's concise view: the command, the drawn line, then the message.
    expect(
      firstMeaningfulLine(
        "Get-Item: \nLine |\n   1 |  Get-Item /nope\n     |  ~~~~~~~~~~~~~~\n     | Cannot find path '/nope' because it does not exist.\n",
      ),
    ).toBe("Cannot find path '/nope' because it does not exist.");
    expect(firstMeaningfulLine('\r\n   \r\n')).toBeNull();
  });

  it('runs powershell.exe by absolute path with the fixed bootstrap; the script and the request go in on stdin, as data', async () => {
    const request: ProbeRequest = {
      sections: ['acl'],
      folders: ["C:\\Users\\O'Brien\\$(Remove-Item C:\\) & calc\\\u5f20\u4f1f\\site-packages"],
      priorityPaths: [],
      holderRoots: [],
      interpreters: [],
    };
    let seen: { program: string; args: readonly string[]; stdin: string } | null = null;
    const document = await runProbeScript(request, {
      env: { SystemRoot: 'C:\\Windows' },
      scriptPath: () => probeScriptPath(),
      cacheDir: 'C:\\Users\\ana\\AppData\\Local\\Pip Doctor\\Cache',
      run: async (program, args, options) => {
        seen = { program, args, stdin: options.stdin ?? '' };
        return run({ stdout: recordedLines('deny-entry') });
      },
    });
    expect(seen!.program).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(seen!.args).toEqual(probeArguments());
    expect(seen!.args).not.toContain('-File');
    expect(seen!.args).not.toContain('-ExecutionPolicy');
    expect(decodeScript(seen!.args.at(-1)!)).toBe(PROBE_BOOTSTRAP);
    // ASCII only on stdin: the console's input code page cannot change a path.
    expect(seen!.stdin).toMatch(/^[\x20-\x7e]*\n$/);
    const input = JSON.parse(seen!.stdin) as { script: string; request: ScriptRequest };
    expect(input.script).toBe(readFileSync(probeScriptPath(), 'utf8'));
    expect(input.request).toEqual({
      ...request,
      cacheDir: 'C:\\Users\\ana\\AppData\\Local\\Pip Doctor\\Cache',
      budgetMs: 55_000,
    });
    expect(PROBE_BOOTSTRAP).not.toContain('Remove-Item');
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
