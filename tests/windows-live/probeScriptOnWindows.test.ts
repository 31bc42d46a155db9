import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../electron/engine/diagnose/diagnose';
import { DiagnosisSchema } from '../../electron/shared/model/diagnosis';
import { runProcess } from '../../electron/platform/runProcess';
import { encodeScript } from '../../electron/platform/windows/powershell';
import { SECTION_NAMES } from '../../electron/platform/windows/probeDocument';
import type { ProbeDocument } from '../../electron/platform/windows/probeDocument';
import {
  probeArguments,
  probeInput,
  readProbeOutput,
  runProbeScript,
} from '../../electron/platform/windows/probeScript';
import type { ProbeRequest } from '../../electron/platform/windows/probeScript';
import { probeScriptPath } from '../../electron/platform/windows/probeScriptPath';
import {
  createWindowsSystemProbe,
  defaultWindowsProbeDeps,
} from '../../electron/platform/windows/windowsSystemProbe';
import { REMEDY_CATALOG } from '../../electron/remedies/registry';
import { readWorkflow } from '../support/workflows';

/**
 * The real assets/windows/pip-doctor-probe.ps1 on a real Windows (the
 * GitHub windows-latest runner), launched as the app launches it (the
 * bootstrap as -EncodedCommand, the script and the request on stdin) and
 * read by the same reader and zod schema: a site-packages folder the user is
 * denied (icacls /deny), a .pyd loaded by a running python.exe, and the
 * whole Windows backend driving the real engine. On the runner only (a
 * throw-away machine), it also sets what a managed PC sets: an AllSigned
 * execution policy by Group Policy, and Constrained Language Mode
 * (__PSLockdownPolicy, Windows PowerShell's switch for it). Run only by
 * .github/workflows/windows.yml.
 */
const onWindows = process.platform === 'win32';
const python = process.env.pythonLocation
  ? join(process.env.pythonLocation, 'python.exe')
  : 'python.exe';
// Asked once, before collection, so that a missing pwsh.exe is a skip that says so, not a pass.
const hasPwsh =
  onWindows && spawnSync('pwsh.exe', ['-NoLogo', '-NoProfile', '-Command', 'exit 0']).status === 0;

// Skipped suites and cases say why in their names; nothing here passes without having checked.
const suiteTitle = onWindows
  ? 'the Windows probe on this Windows'
  : 'the Windows probe on this Windows (skipped: needs a real Windows; .github/workflows/windows.yml runs it)';
const pwshTitle =
  hasPwsh || !onWindows
    ? 'answers the same under PowerShell 7 (pwsh)'
    : 'answers the same under PowerShell 7 (pwsh) (skipped: pwsh.exe is not on this machine)';
// Machine-wide policy is only changed on a throw-away CI machine, never on a developer's PC.
const onRunner = onWindows && process.env.GITHUB_ACTIONS === 'true';
const runnerOnly = (title: string) =>
  onRunner || !onWindows
    ? title
    : `${title} (skipped: changes machine policy, so only on the GitHub Actions runner)`;

const POWERSHELL_POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\PowerShell';
const MACHINE_ENVIRONMENT =
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment';

async function reg(args: string[]): Promise<void> {
  const run = await runProcess('reg.exe', args, { timeoutMs: 30_000 });
  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
}

describe.runIf(onWindows)(suiteTitle, () => {
  const root = onWindows ? mkdtempSync(join(tmpdir(), 'pip-doctor-live-')) : '';
  const denied = join(root, 'denied', 'Lib', 'site-packages');
  const held = join(root, 'held', 'Lib', 'site-packages');
  const pyd = join(held, 'heldpkg', '_held.pyd');
  let holder: ChildProcess | null = null;
  let userSid = '';

  beforeAll(async () => {
    mkdirSync(denied, { recursive: true });
    mkdirSync(join(held, 'heldpkg'), { recursive: true });
    // A real extension module of this Python, under a new name: loaded with ctypes it is mapped as an image.
    const base = (
      await runProcess(python, ['-c', 'import sys; print(sys.base_prefix)'], { timeoutMs: 30_000 })
    ).stdout.trim();
    // unicodedata needs no DLL but python3XY.dll, which sits next to python.exe.
    copyFileSync(join(base, 'DLLs', 'unicodedata.pyd'), pyd);
    const who = await runProcess('whoami.exe', ['/user', '/fo', 'csv', '/nh'], {
      timeoutMs: 30_000,
    });
    userSid = /"(S-1-[\d-]+)"\s*$/.exec(who.stdout.trim())![1]!;
    const deny = await runProcess('icacls.exe', [denied, '/deny', `*${userSid}:(OI)(CI)(W,D,DC)`], {
      timeoutMs: 30_000,
    });
    expect(deny.exitCode, deny.stdout + deny.stderr).toBe(0);
    holder = spawn(
      python,
      [
        '-c',
        `import ctypes, sys, time; ctypes.CDLL(sys.argv[1]); print('loaded', flush=True); time.sleep(600)`,
        pyd,
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      holder!.stdout!.once('data', () => resolve());
      holder!.once('exit', (code) => reject(new Error(`the holder exited early (${code})`)));
    });
  });

  afterAll(async () => {
    holder?.kill();
    if (userSid)
      await runProcess('icacls.exe', [denied, '/remove:d', `*${userSid}`], { timeoutMs: 30_000 });
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const request = (): ProbeRequest => ({
    sections: ['identity', 'settings', 'processes', 'acl', 'restartManager', 'loadedModules'],
    folders: [denied],
    priorityPaths: [pyd],
    holderRoots: [held],
    interpreters: [python],
  });

  function expectAnswers(document: ProbeDocument) {
    expect(document.fatal).toBeNull();
    expect(document.languageMode).toBe('FullLanguage');
    for (const section of SECTION_NAMES) {
      expect(document[section].status, `${section}: ${document[section].error}`).toBe('ok');
    }
    expect(document.identity.userSid).toBe(userSid);
    // The workflow's second run is as a standard user made for it: there the
    // probe must see what most users are, not elevated (and no admin group
    // enabled), or every "needs an administrator" answer above is untested.
    if (process.env.PIP_DOCTOR_EXPECT_STANDARD_USER === '1') {
      expect(document.identity.elevated).toBe(false);
    }
    expect(typeof document.settings.longPathsEnabled).toBe('boolean');
    expect(
      document.processes.items.find((item) => item.pid === holder!.pid)?.executable?.toLowerCase(),
    ).toBe(python.toLowerCase());
    const [acl] = document.acl.items;
    expect(acl).toMatchObject({ path: denied, exists: true, error: null });
    expect(
      acl!.entries.some(
        (entry) => entry.type === 'deny' && entry.sid === userSid && !entry.inherited,
      ),
    ).toBe(true);
    const lock = document.restartManager.queries.find((query) => query.kind === 'path')!;
    expect(lock.error).toBe(0);
    // The walk found the held .pyd in the install folder and registered it with the rest.
    const root = document.restartManager.queries.find((query) => query.kind === 'root')!;
    expect(root).toMatchObject({ paths: [held], error: 0, truncated: false });
    expect(root.fileCount).toBeGreaterThan(0);
    // Compiled and kept in the cache unless elevated (a runner usually is): then compiled in memory.
    expect(document.restartManager.assembly).toEqual(
      document.identity.elevated
        ? 'compiled in memory'
        : expect.stringMatching(/^(compiled|cached)$/),
    );
    const modules = document.loadedModules.processes.find((process) => process.pid === holder!.pid);
    expect(modules?.files.map((file) => file.toLowerCase())).toContain(pyd.toLowerCase());
    // windows-probes.md §10.6: whether the Restart Manager names a process that only maps a .pyd.
    const named = lock.processes.some((process) => process.pid === holder!.pid);
    console.log(
      `Restart Manager ${named ? 'named' : 'did not name'} the python.exe that has the .pyd mapped (${document.powershell.edition} ${document.powershell.version}).`,
    );
  }

  it('answers every section under Windows PowerShell 5.1, in the shape the schema reads', async () => {
    const document = await runProbeScript(request(), {
      run: runProcess,
      env: process.env,
      scriptPath: () => probeScriptPath(),
    });
    expect(document.powershell.edition).toBe('Desktop');
    expectAnswers(document);
  });

  it.skipIf(!hasPwsh)(pwshTitle, async () => {
    // The same launch with pwsh.exe in place of powershell.exe.
    const run = await runProcess('pwsh.exe', probeArguments(), {
      timeoutMs: 120_000,
      stdin: probeInput(readFileSync(probeScriptPath(), 'utf8'), {
        ...request(),
        cacheDir: null,
        budgetMs: 110_000,
      }),
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const document = readProbeOutput(run, 120_000);
    expect(document.powershell.edition).toBe('Core');
    expectAnswers(document);
  });

  it.runIf(onRunner)(
    runnerOnly(
      'answers under an AllSigned execution policy set by Group Policy, which stops -File',
    ),
    async () => {
      const copy = join(root, 'probe-copy.ps1');
      copyFileSync(probeScriptPath(), copy);
      await reg([
        'add',
        POWERSHELL_POLICY,
        '/v',
        'EnableScripts',
        '/t',
        'REG_DWORD',
        '/d',
        '1',
        '/f',
      ]);
      await reg([
        'add',
        POWERSHELL_POLICY,
        '/v',
        'ExecutionPolicy',
        '/t',
        'REG_SZ',
        '/d',
        'AllSigned',
        '/f',
      ]);
      try {
        // What the app did before: Group Policy outranks -ExecutionPolicy Bypass, the file is refused.
        const old = await runProcess(
          'powershell.exe',
          ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', copy],
          { timeoutMs: 60_000 },
        );
        expect(old.exitCode).not.toBe(0);
        expect(old.stderr).toMatch(/not digitally signed|cannot be loaded/i);
        // What it does now: no file is run, so no execution policy applies.
        const document = await runProbeScript(request(), {
          run: runProcess,
          env: process.env,
          scriptPath: () => probeScriptPath(),
        });
        expectAnswers(document);
      } finally {
        await reg(['delete', POWERSHELL_POLICY, '/f']);
      }
    },
  );

  it.runIf(onRunner)(
    runnerOnly(
      'answers in Constrained Language Mode: the Restart Manager says why it cannot, whoami and SDDL give the same token and access lists',
    ),
    async () => {
      const full = await runProbeScript(request(), {
        run: runProcess,
        env: process.env,
        scriptPath: () => probeScriptPath(),
      });
      await reg([
        'add',
        MACHINE_ENVIRONMENT,
        '/v',
        '__PSLockdownPolicy',
        '/t',
        'REG_SZ',
        '/d',
        '4',
        '/f',
      ]);
      try {
        const document = await runProbeScript(request(), {
          run: runProcess,
          env: process.env,
          scriptPath: () => probeScriptPath(),
        });
        expect(document.languageMode).toBe('ConstrainedLanguage');
        expect(document.fatal).toBeNull();
        expect(document.restartManager.status).toBe('failed');
        expect(document.restartManager.error).toMatch(/Constrained/);
        for (const section of [
          'identity',
          'settings',
          'processes',
          'acl',
          'loadedModules',
        ] as const)
          expect(document[section].status, `${section}: ${document[section].error}`).toBe('ok');
        // The same token from whoami.exe as from .NET, and the same access list from its SDDL.
        expect(document.identity).toMatchObject({
          source: 'whoami',
          userSid,
          elevated: full.identity.elevated,
        });
        const groups = (doc: ProbeDocument) =>
          new Set(doc.identity.groups.map((group) => `${group.sid}:${group.denyOnly}`));
        expect(groups(document)).toEqual(groups(full));
        const entries = (doc: ProbeDocument) =>
          doc.acl.items.map((item) => item.entries.map((entry) => ({ ...entry, name: null })));
        expect(entries(document)).toEqual(entries(full));
        // The holder is still found from the modules it loaded.
        const modules = document.loadedModules.processes.find(
          (process) => process.pid === holder!.pid,
        );
        expect(modules?.files.map((file) => file.toLowerCase())).toContain(pyd.toLowerCase());
      } finally {
        await reg(['delete', MACHINE_ENVIRONMENT, '/v', '__PSLockdownPolicy', '/f']);
      }
    },
  );

  it('reads the same access lists from SDDL as from .NET, for folders Windows set up', async () => {
    // The script's two readings side by side: GetAccessRules (full language) and the SDDL text
    // (what Constrained Language allows), on folders whose lists Windows and the runner made.
    const folders = [
      denied,
      held,
      process.env.SystemRoot ?? 'C:\\Windows',
      process.env.ProgramFiles ?? 'C:\\Program Files',
      tmpdir(),
    ];
    const compare = [
      '$setup = ConvertFrom-Json -InputObject (@($input) -join "`n")',
      'Invoke-Expression -Command ([string]$setup.script)',
      // SDDL writes some accounts relative to the user's domain (LA, DU...): the script maps them so.
      '$user = [Security.Principal.WindowsIdentity]::GetCurrent().User.Value',
      "$prefix = $user.Substring(0, $user.LastIndexOf('-'))",
      '$out = foreach ($folder in $setup.request.folders) {',
      '  $rules = Get-WindowsAccessRules $folder',
      '  $sddl = ConvertFrom-ProbeSddl (Get-WindowsSddl $folder) $prefix',
      '  [ordered]@{ folder = $folder; net = $rules; sddl = $sddl }',
      '}',
      'ConvertTo-Json -InputObject @($out) -Depth 6 -Compress',
    ].join('\n');
    const run = await runProcess(
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-EncodedCommand', encodeScript(compare)],
      {
        timeoutMs: 60_000,
        stdin: probeInput(readFileSync(probeScriptPath(), 'utf8'), {
          sections: [],
          folders,
          priorityPaths: [],
          holderRoots: [],
          interpreters: [],
          cacheDir: null,
          budgetMs: 0,
        }),
      },
    );
    expect(run.exitCode, run.stderr).toBe(0);
    const readings = JSON.parse(run.stdout) as Array<{
      folder: string;
      net: unknown;
      sddl: unknown;
    }>;
    expect(readings).toHaveLength(folders.length);
    for (const reading of readings) expect(reading.sddl, reading.folder).toEqual(reading.net);
  });

  it('explains the denied folder and finds the holder through the backend, in one PowerShell run', async () => {
    let powershellRuns = 0;
    const deps = defaultWindowsProbeDeps(process.env);
    const probe = createWindowsSystemProbe(process.env, {
      ...deps,
      run: (program, args, options) => {
        if (/powershell\.exe$/i.test(program)) powershellRuns++;
        return deps.run(program, args, options);
      },
    });
    const check = probe.checkFolder('purelib', denied);
    const holders = probe.findHolders([held], [pyd]);
    const [folder, scan] = await Promise.all([check, holders]);
    expect(folder.writable).toBe(false);
    expect(folder.reason).toMatch(/^A deny entry on .* forbids you \(/);
    expect(folder.acl?.some((entry) => entry.type === 'deny' && entry.appliesToUser)).toBe(true);
    expect(
      scan.holders
        .find((found) => found.pid === holder!.pid)
        ?.holds.map((file) => file.toLowerCase()),
    ).toContain(pyd.toLowerCase());
    expect(powershellRuns).toBe(1);
  });

  it("diagnoses this machine with the real engine: the runner's Python is found and probed", async () => {
    const project = join(root, 'project');
    mkdirSync(project, { recursive: true });
    const venv = await runProcess(python, ['-m', 'venv', join(project, '.venv')], {
      timeoutMs: 120_000,
    });
    expect(venv.exitCode, venv.stderr).toBe(0);
    const diagnosis = DiagnosisSchema.parse(
      await diagnose(createWindowsSystemProbe(process.env), {
        projectDir: project,
        extraPythons: [python],
        env: process.env,
        log: null,
        remedies: REMEDY_CATALOG,
      }),
    );
    const venvInstall = diagnosis.installs.find((install) => install.kind === 'venv');
    expect(venvInstall?.status).toBe('ok');
    expect(existsSync(venvInstall!.executable)).toBe(true);
    expect(venvInstall!.folders.find((folder) => folder.role === 'purelib')?.writable).toBe(true);
    expect(
      diagnosis.installs.some(
        (install) => install.executable.toLowerCase() === python.toLowerCase(),
      ),
    ).toBe(true);
    expect(diagnosis.processes.find((process) => process.pid === holder!.pid)).toBeDefined();
  });
});

describe('where this suite runs', () => {
  // Everywhere but Windows the suite above is skipped, so the claim that a real Windows runs it
  // is checked here, on every machine: drop the job or the step and this fails.
  it('.github/workflows/windows.yml runs it on windows-latest, with the Python it holds the .pyd with', () => {
    const jobs = Object.values(readWorkflow('windows.yml').jobs).filter(
      (job) => job['runs-on'] === 'windows-latest',
    );
    const live = jobs.find((job) =>
      job.steps.some(
        (step) =>
          step.run?.trim() === 'npx vitest run --config tests/windows-live/vitest.config.mts',
      ),
    );
    expect(live, 'a windows-latest job that runs tests/windows-live').toBeDefined();
    // actions/setup-python sets pythonLocation, which `python` above reads.
    expect(live!.steps.some((step) => step.uses?.startsWith('actions/setup-python@'))).toBe(true);
  });
});
