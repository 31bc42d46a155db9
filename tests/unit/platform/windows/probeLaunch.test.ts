import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../../../../electron/platform/runProcess';
import type { RunOptions, RunResult } from '../../../../electron/platform/runProcess';
import { encodeScript } from '../../../../electron/platform/windows/powershell';
import { SECTION_NAMES } from '../../../../electron/platform/windows/probeDocument';
import {
  PROBE_BOOTSTRAP,
  probeArguments,
  runProbeScript,
} from '../../../../electron/platform/windows/probeScript';
import type {
  ProbeRequest,
  ScriptRequest,
} from '../../../../electron/platform/windows/probeScript';
import { probeScriptPath } from '../../../../electron/platform/windows/probeScriptPath';
import { pwshTitle } from '../../../support/pwsh';
import { tempTree } from '../../../support/tempTree';
import { PWSH } from './support/probeHarness';

/**
 * The probe as the app starts it: powershell.exe with the fixed bootstrap as
 * -EncodedCommand, the script's text and the request on stdin. Here the
 * real PowerShell 7 stands in for powershell.exe, through the app's own
 * runner and reader. On Linux every call into Windows fails for real, which
 * shows each failing in its own section while the run still answers.
 */

const HOSTILE = "C:\\Users\\O'Brien\\$(Remove-Item C:\\) & calc\\site-packages";

interface Launch {
  program: string;
  args: readonly string[];
  options: RunOptions;
}

/** runProbeScript with pwsh in place of powershell.exe; what it was started with is kept. */
async function launch(
  request: ProbeRequest,
  scriptPath: string,
  { timeoutMs = 120_000, cacheDir = null as string | null } = {},
) {
  const launches: Launch[] = [];
  const runs: RunResult[] = [];
  const document = await runProbeScript(request, {
    env: { ...process.env, SystemRoot: 'C:\\Windows', POWERSHELL_TELEMETRY_OPTOUT: '1' },
    scriptPath: () => scriptPath,
    cacheDir,
    timeoutMs,
    run: async (program, args, options) => {
      launches.push({ program, args, options });
      const run = await runProcess(PWSH!, args, options);
      runs.push(run);
      return run;
    },
  });
  return { document, launches, runs };
}

const asked = (fields: Partial<ProbeRequest> = {}): ProbeRequest => ({
  sections: [...SECTION_NAMES],
  folders: [],
  priorityPaths: [],
  holderRoots: [],
  interpreters: [],
  ...fields,
});

describe.runIf(PWSH)(pwshTitle('the probe launched as the app launches it'), () => {
  const root = tempTree('probe-launch');

  it('runs the script text from stdin, not a file: each Windows call fails in its own section and the run still answers', async () => {
    const { document, launches, runs } = await launch(
      asked({ folders: [HOSTILE], priorityPaths: ['C:\\x\\_held.pyd'] }),
      probeScriptPath(),
      { cacheDir: join(root, 'cache') },
    );
    const [{ program, args, options }] = launches as [Launch];
    expect(program).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    // No file is run, so no execution policy (AllSigned from Group Policy) applies, and none is named.
    expect(args).toEqual(probeArguments());
    expect(args).not.toContain('-File');
    expect(args).not.toContain('-ExecutionPolicy');
    expect(args.join(' ')).not.toContain("O'Brien");
    const input = JSON.parse(options.stdin!) as { script: string; request: ScriptRequest };
    expect(input.request).toMatchObject({
      folders: [HOSTILE],
      cacheDir: join(root, 'cache'),
      budgetMs: 115_000,
    });
    expect(options.stdin!).toMatch(/^[\x20-\x7e]*\n$/);

    const [run] = runs as [RunResult];
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(document.powershell.edition).toBe('Core');
    expect(document.fatal).toBeNull();
    // Linux has no Windows token, CIM, Windows registry or rstrtmgr.dll: each part says so alone.
    expect(document.identity).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/not supported on this platform/i),
    });
    expect(document.processes).toMatchObject({
      status: 'failed',
      error: expect.stringContaining("'Get-CimInstance'"),
    });
    expect(document.loadedModules).toMatchObject({
      status: 'skipped',
      error: 'no install folder to look at',
    });
    // The C# compiles (PowerShell 7's Add-Type, in memory: elevation unknown), calling Windows does not.
    expect(document.restartManager).toMatchObject({
      status: 'failed',
      assembly: 'compiled in memory',
    });
    expect(document.restartManager.error).not.toBeNull();
    expect(document.settings).toMatchObject({
      status: 'ok',
      longPathsEnabled: null,
      controlledFolderAccess: null,
    });
    expect(document.settings.notes).toHaveLength(4);
    // The hostile path came through as data: looked at, never run.
    expect(document.acl).toMatchObject({ status: 'ok', items: [{ path: HOSTILE, exists: false }] });
  });

  it('turns an error of the script into a plain message on stderr, a fatal line and exit status 1, never CLIXML', async () => {
    const script = join(root, 'throws.ps1');
    writeFileSync(
      script,
      "function Invoke-PipDoctorProbe($Request) { throw ('The probe broke on ' + $Request.folders[0]) }\n",
    );
    const { document, runs } = await launch(asked({ folders: ['C:\\Users\\J\u00fcrgen'] }), script);
    const [run] = runs;
    expect(run!.exitCode).toBe(1);
    expect(run!.stderr).toBe('The probe broke on C:\\Users\\J\u00fcrgen\n');
    expect(document.fatal).toBe('The probe broke on C:\\Users\\J\u00fcrgen');
    for (const name of SECTION_NAMES)
      expect(document[name]).toMatchObject({ status: 'failed', error: document.fatal });

    // What the catch prevents: an error left to PowerShell, with -EncodedCommand and stderr
    // redirected, is printed as CLIXML (PowerShell/PowerShell#5912).
    const bare = await runProcess(
      PWSH!,
      ['-NoProfile', '-NonInteractive', '-EncodedCommand', encodeScript("throw 'boom'")],
      {
        timeoutMs: 60_000,
        stdin: '',
      },
    );
    expect(bare.stderr).toMatch(/^#< CLIXML/);
  });

  it('says what broke when the script text does not even parse', async () => {
    const script = join(root, 'broken.ps1');
    writeFileSync(script, 'function Invoke-PipDoctorProbe($Request) {\n');
    const { document, runs } = await launch(asked(), script);
    expect(runs[0]!.exitCode).toBe(1);
    expect(runs[0]!.stderr).not.toContain('CLIXML');
    expect(document.fatal).toMatch(/Missing closing '}'/);
  });

  it('keeps the sections that arrived when the time runs out, and says which did not', async () => {
    const script = join(root, 'slow.ps1');
    writeFileSync(
      script,
      [
        'function Invoke-PipDoctorProbe($Request) {',
        '  [Console]::Out.WriteLine(\'{"pipDoctorWindowsProbe":1,"languageMode":"FullLanguage"}\')',
        '  [Console]::Out.WriteLine(\'{"identity":{"status":"ok","error":null,"userSid":"S-1-5-21-1-2-3-1001","elevated":true,"groups":[]}}\')',
        '  [Console]::Out.Flush()',
        '  Start-Sleep -Seconds 120',
        '}',
      ].join('\n'),
    );
    const { document, runs } = await launch(asked(), script, { timeoutMs: 8_000 });
    expect(runs[0]!.timedOut).toBe(true);
    expect(document.fatal).toBeNull();
    expect(document.identity).toMatchObject({ status: 'ok', elevated: true });
    for (const name of SECTION_NAMES.filter((name) => name !== 'identity'))
      expect(document[name]).toMatchObject({
        status: 'failed',
        error: 'Windows PowerShell did not answer this part within 8 s and was stopped.',
      });
  });

  it('runs the bootstrap in Constrained Language too', async () => {
    // The bootstrap itself with the language constrained first, as a locked-down PC runs it.
    const constrained = `$ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage'\n${PROBE_BOOTSTRAP}`;
    const script = join(root, 'mode.ps1');
    writeFileSync(
      script,
      "function Invoke-PipDoctorProbe($Request) { ConvertTo-Json -Compress -Depth 5 -InputObject ([ordered]@{ pipDoctorWindowsProbe = 1; languageMode = [string]$ExecutionContext.SessionState.LanguageMode; acl = [ordered]@{ status = 'ok'; error = $null; items = @(foreach ($f in $Request.folders) { [ordered]@{ path = $f; exists = $false; entries = @() } }) } }) }\n",
    );
    const { document, runs, launches } = await launch(asked({ folders: [HOSTILE] }), script);
    expect(runs[0]!.exitCode, runs[0]!.stderr).toBe(0);
    expect(document.languageMode).toBe('FullLanguage');
    const run = await runProcess(
      PWSH!,
      ['-NoProfile', '-NonInteractive', '-EncodedCommand', encodeScript(constrained)],
      { timeoutMs: 60_000, stdin: launches[0]!.options.stdin },
    );
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({
      languageMode: 'ConstrainedLanguage',
      acl: { items: [{ path: HOSTILE }] },
    });
  });
});
