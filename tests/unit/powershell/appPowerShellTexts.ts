import { starterOf } from '../../../electron/engine/processes/startedBy';
import { fixtureMessage } from '../../support/fixtureMessage';
import { readFileSync } from 'node:fs';
import { join, win32 } from 'node:path';
import { msg } from '../../../electron/shared/i18n/message';
import { SUMMARY } from '../../../electron/engine/logClassifier/summaryMessages';
import { diagnose } from '../../../electron/engine/diagnose/diagnose';
import { recommend } from '../../../electron/engine/recommend/recommend';
import type { RecommendInput } from '../../../electron/engine/recommend/recommend';
import type { RemedyFacts } from '../../../electron/engine/recommend/remedyFacts';
import { administratorRun } from '../../../electron/platform/elevation';
import type { ElevationFacts } from '../../../electron/platform/elevation';
import { osTraits } from '../../../electron/platform/osTraits';
import { elevatedCommand } from '../../../electron/platform/windows/elevatedWindows';
import {
  restoreCommand,
  saveThenGrantCommand,
} from '../../../electron/platform/windows/aclBackupScripts';
import {
  deleteLongPaths,
  queryLongPaths,
  setLongPaths,
} from '../../../electron/platform/windows/longPaths';
import { powershellCommand, scriptOf } from '../../../electron/platform/windows/powershell';
import { PROBE_BOOTSTRAP } from '../../../electron/platform/windows/probeScript';
import { closeProcessesCommand } from '../../../electron/platform/windows/closeProcessesScript';
import {
  addToUserPathScript,
  removeFromUserPathScript,
} from '../../../electron/platform/windows/userPathScript';
import { buildRecipe } from '../../../electron/remedies/planning/buildRecipe';
import { venvInstructions } from '../../../electron/remedies/planning/instructions';
import type { Recipe } from '../../../electron/remedies/planning/recipe';
import { undoRecipe } from '../../../electron/remedies/planning/undoPlan';
import { REMEDIES, REMEDY_CATALOG } from '../../../electron/remedies/registry';
import { runAgainWithTempCommands } from '../../../electron/remedies/run-again/commands';
import type { Command } from '../../../electron/shared/actionModel';
import type {
  AccessCheck,
  Diagnosis,
  PythonInstall,
  RunningProcess,
} from '../../../electron/shared/model/diagnosis';
import type { LogFinding } from '../../../electron/shared/model/logFinding';
import { CAUSES, REMEDIES as REMEDY_IDS } from '../../../electron/shared/model/vocabulary';
import type { Cause, RemedyId } from '../../../electron/shared/model/vocabulary';
import { commandText, readableCommandText } from '../../../renderer/src/wording/commandText';
import { REPO } from '../../support/repoPaths';
import {
  loadRecordedMachine,
  RECORDED_WINDOWS_MACHINES,
} from '../platform/windows/support/recordedMachine';
import { WINDOWS_DIAGNOSIS, windowsPlanContext } from '../remedies/windowsScan';
import { historyAfter, windowsUndoContext } from '../remedies/windowsHistory';
import { HOSTILE_HOME, HOSTILE_NAME, HOSTILE_PROGRAM_FOLDER, LONG_PROJECT } from './hostileText';
import { english } from '../../support/english';

/**
 * Every PowerShell text Pip Doctor produces for Windows, built by the app's
 * own builders from real inputs: the probe script; every fix script (the
 * UAC wrapper and its elevated script around each program the fixes run, the
 * user Path edit); and every PowerShell command the UI or the CLI shows for
 * copying (the recommendations' commands from the real engine, the venv
 * activation, the plans' steps as the renderer writes them, their scripts
 * and instructions, undo plans included). The inputs carry hostile paths
 * (hostileText.ts) wherever the model allows a path.
 */

export interface AppPowerShellText {
  /** Where it comes from, for the failure message. */
  label: string;
  text: string;
}

export interface AppPowerShell {
  texts: AppPowerShellText[];
  /** Remedies whose advice gave at least one PowerShell command: every one that has commands. */
  advisedRemedies: Set<RemedyId>;
  /** Remedies whose Windows plan was built (remedies with a plan only). */
  plannedRemedies: Set<RemedyId>;
  /** Recorded Windows machines whose diagnosis gave commands. */
  recordedMachines: string[];
}

const PROBE_SCRIPT = join(REPO, 'assets', 'windows', 'pip-doctor-probe.ps1');

const SYSTEM_ROOT = 'C:\\Windows';
const WIN = osTraits('win32');
const PYTHON = win32.join(HOSTILE_PROGRAM_FOLDER, 'python.exe');
const SITE = win32.join(HOSTILE_PROGRAM_FOLDER, 'Lib', 'site-packages');
const USER_BASE = win32.join(HOSTILE_HOME, 'AppData', 'Roaming', 'Python', 'Python312');
const DATA_DIR = win32.join(HOSTILE_HOME, 'AppData', 'Roaming', 'Pip Doctor');
const VENV = win32.join(LONG_PROJECT, '.venv');
const SID = 'S-1-5-21-1004336348-1177238915-682003330-1001';

function folder(role: AccessCheck['role'], path: string, writable: boolean): AccessCheck {
  return {
    role,
    path,
    exists: true,
    writable,
    reason: writable ? null : fixtureMessage('Only administrators may change it.'),
    owner: null,
    mode: null,
    acl: null,
    readOnlyFileSystem: false,
    reclaim: null,
  };
}

function install(overrides: Partial<PythonInstall> & Pick<PythonInstall, 'id'>): PythonInstall {
  return {
    executable: PYTHON,
    names: ['python on PATH'],
    version: '3.12.7',
    implementation: 'CPython',
    kind: 'all-users',
    prefix: HOSTILE_PROGRAM_FOLDER,
    basePrefix: HOSTILE_PROGRAM_FOLDER,
    status: 'ok',
    statusDetail: null,
    pipVersion: '20.2.3',
    externallyManaged: false,
    userSiteEnabled: true,
    folders: [
      folder('purelib', SITE, false),
      folder('scripts', win32.join(HOSTILE_PROGRAM_FOLDER, 'Scripts'), false),
      folder('user-site', win32.join(USER_BASE, 'site-packages'), true),
      folder('user-scripts', win32.join(USER_BASE, 'Scripts'), true),
    ],
    leftovers: [],
    heldBy: [],
    ...overrides,
  };
}

/** The all-users Python pip failed in: site-packages for administrators only, a holder, old pip. */
const LOCKED = install({ id: 'py-locked', heldBy: [8132] });

/** The same Python with site-packages writable and the leftovers of a stopped pip run. */
const HALF_DONE = install({
  id: 'py-half-done',
  folders: [folder('purelib', SITE, true), ...LOCKED.folders.slice(1)],
  leftovers: [
    { kind: 'stash-folder', path: win32.join(SITE, `~umpy ${HOSTILE_NAME}`), package: 'numpy' },
    { kind: 'stash-folder', path: win32.join(SITE, '~ip'), package: 'pip' },
    {
      kind: 'deleteme-file',
      path: win32.join(HOSTILE_PROGRAM_FOLDER, 'Scripts', 'pip.exe.deleteme'),
      package: null,
    },
    { kind: 'pip-missing', path: win32.join(SITE, 'pip'), package: 'pip' },
  ],
});

/** A venv in the long project folder whose base Python is gone. */
const BROKEN_VENV = install({
  id: 'py-broken-venv',
  executable: win32.join(VENV, 'Scripts', 'python.exe'),
  kind: 'venv',
  prefix: VENV,
  status: 'broken',
  statusDetail: fixtureMessage('its base interpreter is gone'),
  folders: [folder('purelib', win32.join(VENV, 'Lib', 'site-packages'), true)],
});

/** A working venv, activated in name only (VIRTUAL_ENV set, its Scripts not on PATH). */
const NAME_ONLY_VENV = install({
  id: 'py-name-only-venv',
  executable: win32.join(VENV, 'Scripts', 'python.exe'),
  kind: 'venv',
  prefix: VENV,
  folders: [folder('purelib', win32.join(VENV, 'Lib', 'site-packages'), true)],
});

/** A per-user Python that `python` on PATH runs while `pip` belongs to LOCKED. */
const PER_USER = install({
  id: 'py-per-user',
  executable: win32.join(HOSTILE_HOME, 'AppData', 'Local', 'Programs', 'Python', 'python.exe'),
  kind: 'per-user',
  prefix: win32.join(HOSTILE_HOME, 'AppData', 'Local', 'Programs', 'Python'),
  folders: [folder('purelib', win32.join(HOSTILE_HOME, 'AppData', 'Local', 'site'), true)],
});

const HOLDER: RunningProcess = {
  pid: 8132,
  startTime: '2026-11-24T08:12:03.123Z',
  executable: PYTHON,
  commandLine: `"${PYTHON}" -m ipykernel_launcher`,
  user: `DESKTOP\\${HOSTILE_NAME}`,
  sameUser: true,
  installId: LOCKED.id,
  parents: [],
  startedBy: starterOf({ role: 'jupyter-kernel', app: 'VS Code', appKind: 'app' }),
  holds: [win32.join(SITE, 'numpy', '_core', '_multiarray_umath.cp312-win_amd64.pyd')],
};

function logFinding(cause: Cause): LogFinding {
  return {
    category: cause,
    code: 'WinError 5',
    path: win32.join(SITE, 'numpy', '__init__.py'),
    secondPath: null,
    package: 'numpy',
    requested: 'numpy',
    command: 'pip install numpy',
    interpreter: null,
    confidence: 'high',
    alternatives: [],
    evidence: [],
    summary: msg(SUMMARY.deniedNoPath),
  };
}

/** Synthetic Windows facts for recommend(): one per cause, for each target that makes remedies speak. */
function recommendInputs(): Array<{ label: string; input: RecommendInput }> {
  const installs = [LOCKED, HALF_DONE, BROKEN_VENV, NAME_ONLY_VENV, PER_USER];
  const pipOnPath = [
    {
      command: 'pip',
      path: win32.join(HOSTILE_PROGRAM_FOLDER, 'Scripts', 'pip.exe'),
      installId: LOCKED.id,
    },
    { command: 'python', path: PER_USER.executable, installId: PER_USER.id },
  ];
  const inputs: Array<{ label: string; input: RecommendInput }> = [];
  for (const target of [LOCKED, HALF_DONE, BROKEN_VENV]) {
    for (const cause of [...CAUSES, 'none' as const]) {
      for (const withLog of [true, false]) {
        inputs.push({
          label: `recommend(${target.id}, ${cause}${withLog ? ', log' : ''})`,
          input: {
            platform: 'win32',
            cause,
            target,
            installs,
            processes: [HOLDER],
            log: withLog && cause !== 'none' ? logFinding(cause) : null,
            projectDir: LONG_PROJECT,
            pipOnPath,
            settings: { longPathsEnabled: false, controlledFolderAccess: false, canElevate: true },
            venvFolder: VENV,
            gaps: [],
            observations: [
              {
                kind: 'venv-not-on-path',
                message: fixtureMessage('VIRTUAL_ENV is set, its Scripts folder is not on PATH.'),
                path: VENV,
              },
            ],
            tempDir: {
              path: win32.join(HOSTILE_HOME, 'AppData', 'Local', 'Temp'),
              variable: 'TEMP',
              problem: 'not-writable',
              reason: null,
              alternative: win32.join(HOSTILE_HOME, 'AppData', 'Local', `pip temp ${HOSTILE_NAME}`),
              usedInstead: null,
            },
            userName: HOSTILE_NAME,
          },
        });
      }
    }
  }
  return inputs;
}

/** RemedyFacts as recommend() builds them, for asking one remedy directly. */
function directFacts(
  target: PythonInstall,
  cause: Cause,
  userSid: string | null = WINDOWS_DIAGNOSIS.user.sid,
): RemedyFacts {
  return {
    os: WIN,
    cause,
    target,
    installs: [target, PER_USER],
    log: logFinding(cause),
    projectDir: LONG_PROJECT,
    pipOnPath: [],
    settings: undefined,
    holders: [HOLDER],
    allProcessesInspected: true,
    blocked: target.folders.find((check) => check.writable === false) ?? null,
    loggedPackage: 'numpy',
    packageName: 'numpy',
    where: target.executable,
    venvFolder: VENV,
    observations: [],
    tempDir: null,
    pythonOnPath: PER_USER,
    userName: HOSTILE_NAME,
    userSid,
    basePython: target.status === 'ok' ? target : PER_USER,
  };
}

/** WINDOWS_DIAGNOSIS (tests/unit/remedies/windowsScan.ts) with every path made hostile. */
function hostileDiagnosis(installs: PythonInstall[], longPathsEnabled = false): Diagnosis {
  return {
    ...WINDOWS_DIAGNOSIS,
    user: { name: HOSTILE_NAME, uid: null, sid: WINDOWS_DIAGNOSIS.user.sid },
    settings: { ...WINDOWS_DIAGNOSIS.settings, longPathsEnabled },
    installs,
    pipOnPath: [],
    targetInstallId: installs[0]!.id,
    newVenvFolder: VENV,
    processes: [HOLDER, { ...HOLDER, pid: 9001, startTime: '2026-11-24T08:13:00.000Z' }],
  };
}

const NOT_ELEVATED: ElevationFacts = {
  platform: 'win32',
  elevated: false,
  systemRoot: SYSTEM_ROOT,
  pkexecPath: null,
  // The app window owns the UAC prompt, as in the desktop app.
  ownerWindow: '3344172',
};

/** What the grant printed for each folder it saved (its undo restores these, hash-checked). */
function grantRecorded(recipe: Recipe): Parameters<typeof historyAfter>[1] {
  const grant = recipe.specs.find(({ spec }) => spec.kind === 'grant-acl')?.spec;
  const folders = grant?.kind === 'grant-acl' ? grant.folders : [];
  return {
    grant: {
      data: {
        backups: folders.map((folder, index) => ({
          folder,
          file: index === 0 ? 'acl-backup.txt' : `acl-backup-${index + 1}.txt`,
          sha256: 'C0FFEE'.padEnd(64, String(index)),
        })),
      },
    },
  };
}

/** What a step of each remedy recorded, so its undo plan can be built (as windowsActions.test.ts does). */
const RECORDED_STEPS: Partial<Record<RemedyId, Parameters<typeof historyAfter>[1]>> = {
  'enable-long-paths': { 'read-setting': { data: { previous: 0 } }, enable: {} },
  'user-install': {
    install: { before: { pip: '24.0' }, data: { added: ['numpy'], changed: [] } },
    'user-path': {
      data: { changed: true, entry: win32.join(USER_BASE, 'Scripts'), kind: 'ExpandString' },
    },
  },
};

export async function collectAppPowerShell(): Promise<AppPowerShell> {
  const texts: AppPowerShellText[] = [];
  const advisedRemedies = new Set<RemedyId>();
  const plannedRemedies = new Set<RemedyId>();
  const add = (label: string, text: string) => texts.push({ label, text });
  /** A command as the renderer shows it for copying, and the script it carries. */
  const addCommand = (label: string, command: Command) => {
    add(`${label}: command as shown`, commandText(command));
    const script = scriptOf(command);
    if (script !== null) add(`${label}: its -EncodedCommand script`, script);
  };

  // (a) The probe script, and the bootstrap powershell.exe runs it with: the bootstrap defines the
  // probe's functions from the script's text, so it is checked after it, as it runs.
  const probe = readFileSync(PROBE_SCRIPT, 'utf8');
  add('assets/windows/pip-doctor-probe.ps1', probe);
  add(
    'the probe bootstrap (probeScript.ts), after the probe script',
    `${probe}\n${PROBE_BOOTSTRAP}`,
  );

  // (b) The fix scripts, built by the real builders around the programs the fixes run.
  const outputDir = win32.join(DATA_DIR, 'actions', 'act-00000000000000a1', 'step');
  const programs: Array<{ label: string; command: Command; encoding: 'utf8' | 'oem' }> = [
    {
      label: 'pip install',
      command: {
        program: PYTHON,
        args: ['-m', 'pip', 'install', '--user', 'numpy'],
        env: { PIP_NO_INPUT: '1', PYTHONIOENCODING: 'utf-8', HOSTILE: HOSTILE_NAME },
      },
      encoding: 'utf8',
    },
    {
      label: 'icacls /save then /grant',
      command: saveThenGrantCommand(SYSTEM_ROOT, [SITE], SID, 'a'.repeat(32)),
      encoding: 'oem',
    },
    {
      label: 'icacls /restore after the hash check',
      command: restoreCommand(
        SYSTEM_ROOT,
        [{ parent: win32.dirname(SITE), file: 'acl-backup.txt', sha256: 'C0FFEE'.padEnd(64, '0') }],
        'a'.repeat(32),
      ),
      encoding: 'oem',
    },
    { label: 'reg query LongPathsEnabled', command: queryLongPaths(SYSTEM_ROOT), encoding: 'oem' },
    { label: 'reg add LongPathsEnabled', command: setLongPaths(SYSTEM_ROOT, 1), encoding: 'oem' },
    {
      label: 'reg delete LongPathsEnabled',
      command: deleteLongPaths(SYSTEM_ROOT),
      encoding: 'oem',
    },
  ];
  for (const { label, command, encoding } of programs) {
    addCommand(label, command);
    const uac = elevatedCommand(command, outputDir, SYSTEM_ROOT, encoding);
    add(`${label} through UAC: the outer script`, uac.script);
    add(`${label} through UAC: the elevated script`, uac.elevatedScript);
    const planned = administratorRun(command, NOT_ELEVATED, outputDir, encoding, 60_000);
    if (planned === null) throw new Error('administratorRun refused a Windows command');
    addCommand(`${label} through administratorRun`, planned.run.command);
    if (planned.script !== null)
      add(`${label} through administratorRun: the script shown`, planned.script);
  }
  const closeTargets = [
    { pid: 8132, startTime: '2024-09-14T08:12:03.512Z' },
    { pid: 9001, startTime: 'unknown' },
  ];
  addCommand('close processes gracefully', closeProcessesCommand(SYSTEM_ROOT, closeTargets, false));
  addCommand('close processes by force', closeProcessesCommand(SYSTEM_ROOT, closeTargets, true));
  for (const entry of [
    win32.join(USER_BASE, 'Scripts'),
    `%USERPROFILE%\\${HOSTILE_NAME}\\Scripts`,
  ]) {
    for (const [mode, script] of [
      ['add', addToUserPathScript(entry)],
      ['remove', removeFromUserPathScript(entry)],
    ] as const) {
      add(`user Path ${mode} script for ${entry}`, script);
      addCommand(`user Path ${mode}`, powershellCommand(SYSTEM_ROOT, script));
    }
  }

  // (c) The commands shown for copying. First the recorded Windows machines through the real engine.
  const recordedMachines: string[] = [];
  for (const situation of RECORDED_WINDOWS_MACHINES) {
    const machine = loadRecordedMachine(situation);
    const diagnosis = await diagnose(machine.probe, {
      projectDir: machine.setup.projectDir,
      extraPythons: [],
      env: machine.env,
      log: machine.log,
      remedies: REMEDY_CATALOG,
    });
    for (const recommendation of diagnosis.recommendations) {
      if (recommendation.shell !== 'powershell') continue;
      recommendation.commands.forEach((command, index) =>
        add(`recorded machine ${situation}: ${recommendation.id} command ${index + 1}`, command),
      );
    }
    recordedMachines.push(situation);
  }

  // Synthetic hostile facts through recommend(), every cause, and each remedy asked directly.
  for (const { label, input } of recommendInputs()) {
    for (const recommendation of recommend(input, REMEDY_CATALOG)) {
      if (recommendation.shell !== 'powershell') continue;
      recommendation.commands.forEach((command, index) => {
        add(`${label}: ${recommendation.id} command ${index + 1}`, command);
        advisedRemedies.add(recommendation.id);
      });
    }
  }
  for (const target of [LOCKED, HALF_DONE, BROKEN_VENV]) {
    for (const cause of CAUSES) {
      for (const id of REMEDY_IDS) {
        const advice = REMEDY_CATALOG[id].advise(directFacts(target, cause));
        advice?.commands.forEach((command, index) => {
          add(`${id}.advise(${target.id}, ${cause}) command ${index + 1}`, command);
          advisedRemedies.add(id);
        });
      }
    }
  }
  // Without the scan's SID, grant-access asks Windows for it inside the command.
  REMEDY_CATALOG['grant-access']
    .advise(directFacts(LOCKED, 'permission', null))
    ?.commands.forEach((command, index) =>
      add(`grant-access without the SID, command ${index + 1}`, command),
    );
  runAgainWithTempCommands(directFacts(LOCKED, 'temp-dir'), LONG_PROJECT).forEach((command) =>
    add('run again with TEMP in a hostile folder', command),
  );
  for (const instruction of venvInstructions(
    WIN,
    VENV,
    win32.join(VENV, 'Scripts', 'python.exe'),
  )) {
    if (instruction.where === 'powershell')
      add(`venv instruction: ${english(instruction.title)}`, instruction.text);
  }

  // The plans for Windows, as the renderer shows their steps, scripts and instructions; undo plans too.
  const addRecipe = (label: string, recipe: Recipe) => {
    for (const step of recipe.plan.steps) {
      if (step.command !== null) {
        add(`${label} step ${step.id}: command as run`, commandText(step.command));
        // What the plan shows, with a Copy button: without the app's own $env: prefixes.
        add(`${label} step ${step.id}: command as shown`, readableCommandText(step.command));
      }
      if (step.readable !== null)
        add(
          `${label} step ${step.id}: what runs as administrator`,
          readableCommandText(step.readable),
        );
      if (step.script !== null) add(`${label} step ${step.id}: script shown`, step.script);
    }
    for (const instruction of recipe.plan.instructions) {
      if (instruction.where === 'powershell')
        add(`${label} instruction: ${english(instruction.title)}`, instruction.text);
    }
  };
  const planned = (Object.keys(REMEDIES) as RemedyId[]).filter((id) => REMEDIES[id].plan !== null);
  for (const remedy of planned) {
    for (const [diagnosis, installId] of [
      [hostileDiagnosis([LOCKED]), LOCKED.id],
      [hostileDiagnosis([HALF_DONE]), HALF_DONE.id],
    ] as const) {
      for (const dryRunFirst of [false, true]) {
        const context = {
          ...windowsPlanContext(
            { remedy, installId, packageName: 'numpy', dryRunFirst },
            diagnosis,
          ),
          runFolder: win32.join(DATA_DIR, 'actions', 'act-00000000000000a1'),
          projectDir: LONG_PROJECT,
          homeDir: HOSTILE_HOME,
        };
        let recipe: Recipe;
        try {
          recipe = await buildRecipe(context);
        } catch {
          // Refused for this install (repair-install needs leftovers; grant-access a locked folder).
          continue;
        }
        plannedRemedies.add(remedy);
        const label = `plan ${remedy} for ${installId}${dryRunFirst ? ' with a dry run' : ''}`;
        addRecipe(label, recipe);
        const steps = remedy === 'grant-access' ? grantRecorded(recipe) : RECORDED_STEPS[remedy];
        if (steps && !dryRunFirst) {
          const run = historyAfter(recipe, steps);
          const undo = await undoRecipe(
            run,
            windowsUndoContext(run, diagnosis, {
              dataDir: DATA_DIR,
              projectDir: LONG_PROJECT,
              homeDir: HOSTILE_HOME,
            }),
          );
          addRecipe(`undo of ${label}`, undo);
        }
      }
    }
  }
  return { texts, advisedRemedies, plannedRemedies, recordedMachines };
}
