import { fixtureMessage } from '../../support/fixtureMessage';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemedyFacts } from '../../../electron/engine/recommend/remedyFacts';
import { osTraits } from '../../../electron/platform/osTraits';
import type { OsTraits } from '../../../electron/platform/osTraits';
import { psLiteral } from '../../../electron/platform/windows/powershell';
import { venvInstructions } from '../../../electron/remedies/planning/instructions';
import { REMEDY_CATALOG } from '../../../electron/remedies/registry';
import { runAgainWithTempCommands } from '../../../electron/remedies/run-again/commands';
import type { AccessCheck, PythonInstall } from '../../../electron/shared/model/diagnosis';
import type { Cause, RemedyId } from '../../../electron/shared/model/vocabulary';
import { commandLine, powershellLiteral } from '../../../electron/shared/shellQuote';
import { commandText } from '../../../renderer/src/wording/commandText';
import { findPwsh, pwshTitle, runPwsh } from '../../support/pwsh';
import { HOSTILE_FOLDER_NAMES, HOSTILE_NAME, TYPOGRAPHIC_SINGLE_QUOTES } from './hostileText';
import { hex, runPastedLines, unhex, writeArgvPrinter } from './pastedLines';
import type { ArgumentPassing, LineResult } from './pastedLines';

/**
 * Issue 14 §1, "Run the quoting for real": the app writes PowerShell for
 * users to paste (quoteArg and commandLine in shared/shellQuote.ts, the
 * literals of psLiteral and powershellLiteral, the renderer's commandText).
 * Here pwsh runs those lines on Linux, with an argv printer (pastedLines.ts)
 * standing in for python.exe at a POSIX path that itself carries every
 * hostile character, and every argument must arrive byte-exact. The strings
 * come from fast-check; all cases of one mode share one pwsh process.
 *
 * What Linux cannot show: Windows PowerShell 5.1 passes native arguments by
 * the legacy rules, which the last test runs here too
 * ($PSNativeCommandArgumentPassing = 'Legacy'); on Windows the receiving
 * program then splits the line by the MSVC rules (a trailing backslash
 * before the closing quote), which Linux's emulation of Legacy does not do.
 */

const pwsh = findPwsh();
const SID = 'S-1-5-21-1004336348-1177238915-682003330-1001';

/** Replays a run with PIP_DOCTOR_FC_SEED=<seed>; a new seed each run otherwise. */
const SEED = Number(process.env.PIP_DOCTOR_FC_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** Every character that ends, opens or changes something in PowerShell, and some that do not. */
const HOSTILE_CHARACTERS = [
  "'",
  ...TYPOGRAPHIC_SINGLE_QUOTES,
  '\u201C',
  '\u201D',
  '\u201E',
  '"',
  '$',
  '`',
  ';',
  '&',
  '%',
  '\n',
  ' ',
  '\t',
  '@',
  ',',
  '#',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '|',
  '<',
  '>',
  '*',
  '?',
  '~',
  '=',
  '+',
  '-',
  '.',
  '/',
  '\\',
  ':',
  '\u00E9',
  '\u00DF',
  '\u03A9',
  '\u0436',
  '\u4E2D',
  '\u{1F600}',
  'a',
  'Z',
  '0',
  '_',
];

/** Any text without NUL (no argument can carry one). */
const hostileText = fc.string({ unit: fc.constantFrom(...HOSTILE_CHARACTERS), maxLength: 16 });
/** Words that quoteArg may leave bare: where PowerShell's argument mode bites (@, comma, -x.y). */
const bareLooking = fc.string({
  unit: fc.constantFrom(...'aZ09_@%+=:,./-'),
  minLength: 1,
  maxLength: 8,
});

/**
 * PowerShell 7 drops an argument whose value is exactly `--%` (the
 * stop-parsing token) however it is written: quoted, in a variable, in
 * parentheses. No quoting can pass it, and no app argument is one (they are
 * fixed words, absolute paths and PEP 508 names).
 */
const STOP_PARSING = '--%';

/** Inputs that broke a PowerShell quoter once, or could: tried on every run. */
const REGRESSIONS = [
  "O'Neil",
  'O\u2019Neil',
  '\u2018quoted\u2019',
  '\u201Alow\u201B',
  '\u2019\u2019',
  '@splat',
  'a,b',
  '-Dkey=a.b',
  '-a.b',
  '',
  ' ',
  'C:\\dir with space\\',
  'trailing\\',
  '"',
  'line\nbreak',
  '$(whoami)',
  '`$x',
  '%PATH%',
  '1kb',
  '--',
];

const argumentLists = [
  ...REGRESSIONS.map((argument) => [argument]),
  ...fc.sample(fc.array(hostileText, { minLength: 1, maxLength: 4 }), { numRuns: 60, seed: SEED }),
  ...fc.sample(fc.array(bareLooking, { minLength: 1, maxLength: 3 }), {
    numRuns: 30,
    seed: SEED + 1,
  }),
].map((list) => list.filter((argument) => argument !== STOP_PARSING));

const show = (text: string) => JSON.stringify(text);

/**
 * Argument lists passed together, ten to a program run: a Python start
 * costs tens of milliseconds, and what arrives is compared position by
 * position, so a wrong one is still named.
 */
function inGroups<T>(items: readonly T[], size = 10): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, index * size + size),
  );
}

/** The first way a run differs from what the line should have passed; null when it arrived byte-exact. */
function mismatch(
  result: LineResult,
  expected: { program?: string; argv: readonly string[]; env?: Record<string, string> },
): string | null {
  if (result.parseError) return `parse error: ${result.parseError}`;
  if (result.errors.length > 0) return `errors: ${result.errors.join(' | ')}`;
  if (result.runs.length !== 1) return `the program ran ${result.runs.length} times`;
  const [run] = result.runs;
  if (expected.program !== undefined && run!.program !== expected.program) {
    return `program ${show(run!.program)} instead of ${show(expected.program)}`;
  }
  const wrong = expected.argv.findIndex((argument, index) => run!.argvHex[index] !== hex(argument));
  if (wrong >= 0 || run!.argvHex.length !== expected.argv.length) {
    const at = wrong >= 0 ? wrong : expected.argv.length;
    return `argument ${at + 1} of ${expected.argv.length} arrived as ${show(run!.argv[at] ?? '(none)')} instead of ${show(expected.argv[at] ?? '(none)')}; ${run!.argv.length} arrived`;
  }
  for (const [name, value] of Object.entries(expected.env ?? {})) {
    if (run!.envHex[name] !== hex(value)) {
      return `$env:${name} ${show(unhex(run!.envHex[name] ?? ''))} instead of ${show(value)}`;
    }
  }
  return null;
}

interface Case {
  what: string;
  line: string;
  expected: { program?: string; argv: readonly string[]; env?: Record<string, string> };
}

function failures(cases: readonly Case[], results: readonly LineResult[]): string[] {
  return cases.flatMap((testCase, index) => {
    const wrong = mismatch(results[index]!, testCase.expected);
    return wrong === null ? [] : [`${testCase.what}: ${wrong}\n    line: ${testCase.line}`];
  });
}

describe.skipIf(pwsh === null)(pwshTitle('PowerShell quoting, run for real by pwsh', pwsh), () => {
  let root: string;
  /** A folder nested under every hostile name (HOSTILE_FOLDER_NAMES), one level each. */
  let hostile: string;
  let printer: string;
  const ran = new Map<ArgumentPassing, { cases: Case[]; results: LineResult[] }>();

  /** Every case of this file, run in one pwsh per argument-passing mode. */
  const cases: Record<string, Case[]> = {};

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'pip-doctor-pwsh-'));
    hostile = join(root, ...HOSTILE_FOLDER_NAMES);
    mkdirSync(hostile, { recursive: true });
    printer = writeArgvPrinter(join(hostile, `argv \u2018printer\u2019 $1 [x].py`));

    cases.commandLine = inGroups(argumentLists).map((lists) => {
      const argv = lists.flat();
      return {
        what: `commandLine('powershell', printer, ${JSON.stringify(argv)})`,
        line: commandLine('powershell', printer, argv),
        expected: { program: printer, argv },
      };
    });
    cases.literals = inGroups(argumentLists).flatMap((lists) =>
      [psLiteral, powershellLiteral].map((literal) => {
        const argv = lists.flat();
        return {
          what: `${literal.name} of ${JSON.stringify(argv)}, passed from variables`,
          line: [
            `$program = ${literal(printer)}`,
            ...argv.map((argument, index) => `$a${index} = ${literal(argument)}`),
            // "$a0", not $a0: pwsh on Linux expands * ? [ ] in a bare variable passed to a
            // program (native globbing, which Windows does not do).
            `& $program ${argv.map((_, index) => `"$a${index}"`).join(' ')}`,
          ].join('\n'),
          expected: { program: printer, argv },
        };
      }),
    );
    // One run per argument list here: Legacy breaks a whole line, and each list is judged alone.
    cases.legacy = argumentLists.slice(0, REGRESSIONS.length + 30).map((argv) => ({
      what: `commandLine('powershell', printer, ${JSON.stringify(argv)})`,
      line: commandLine('powershell', printer, argv),
      expected: { program: printer, argv },
    }));
    cases.commandText = fc
      .sample(fc.tuple(fc.array(hostileText, { maxLength: 3 }), hostileText, hostileText), {
        numRuns: 12,
        seed: SEED + 2,
      })
      .map(([argv, first, second]) => {
        // commandText writes PowerShell for Windows programs (a drive path): this one is swapped
        // for the printer, so the variables and arguments are exactly as the renderer shows them.
        const windowsProgram = 'C:\\Program Files\\Python312\\python.exe';
        const args = argv.filter((argument) => argument !== STOP_PARSING);
        const shown = commandText({
          program: windowsProgram,
          args,
          env: { PD_FIRST: first, PD_SECOND: second },
        });
        const program = commandLine('powershell', windowsProgram, []);
        expect(shown).toContain(program);
        return {
          what: `commandText with ${JSON.stringify({ args, first, second })}`,
          line: shown.replace(program, commandLine('powershell', printer, [])),
          expected: { program: printer, argv: args, env: { PD_FIRST: first, PD_SECOND: second } },
        };
      });
    cases.remedies = remedyCases(hostile, printer);

    const standard = [
      ...cases.commandLine,
      ...cases.literals,
      ...cases.commandText,
      ...cases.remedies,
    ];
    ran.set('Standard', {
      cases: standard,
      results: await runPastedLines(
        pwsh!,
        'Standard',
        standard.map((c) => c.line),
        root,
      ),
    });
    ran.set('Legacy', {
      cases: cases.legacy,
      results: await runPastedLines(
        pwsh!,
        'Legacy',
        cases.legacy.map((c) => c.line),
        root,
      ),
    });
  }, 120_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** The results of one group of cases in the Standard run. */
  const resultsOf = (group: string): { cases: Case[]; results: LineResult[] } => {
    const all = ran.get('Standard')!;
    const first = all.cases.indexOf(cases[group]![0]!);
    return {
      cases: cases[group]!,
      results: all.results.slice(first, first + cases[group]!.length),
    };
  };

  it(`quoteArg and commandLine: every argument arrives byte-exact (fast-check seed ${SEED})`, () => {
    const { cases: group, results } = resultsOf('commandLine');
    expect(group.flatMap((c) => c.expected.argv).length).toBeGreaterThan(150);
    expect(failures(group, results)).toEqual([]);
  });

  it(`psLiteral and powershellLiteral: a literal assigned to a variable and passed arrives byte-exact (seed ${SEED})`, () => {
    const { cases: group, results } = resultsOf('literals');
    expect(failures(group, results)).toEqual([]);
    // Two copies of one rule until platform/windows/powershell.ts re-exports the shared one.
    for (const argv of argumentLists) {
      for (const argument of argv) expect(psLiteral(argument)).toBe(powershellLiteral(argument));
    }
  });

  it(`commandText: the variables and arguments the renderer shows arrive byte-exact (seed ${SEED})`, () => {
    const { cases: group, results } = resultsOf('commandText');
    expect(failures(group, results)).toEqual([]);
  });

  it('the commands the remedies show do what they say when pasted (POSIX stand-ins for the programs)', () => {
    const { cases: group, results } = resultsOf('remedies');
    expect(group.map((c) => c.what)).toEqual(expect.arrayContaining(REMEDIES_RUN));
    expect(failures(group, results)).toEqual([]);
    // Remove-Item took exactly the leftovers, [ ] in their names included, and nothing beside them.
    expect(existsSync(join(hostile, 'site', '~umpy [1]'))).toBe(false);
    expect(existsSync(join(hostile, 'site', 'pip.exe.deleteme'))).toBe(false);
    expect(existsSync(join(hostile, 'site', '~umpy 1'))).toBe(true);
    // New-Item made the temp folder; the activation script ran.
    expect(existsSync(join(hostile, `temp ${HOSTILE_NAME}`))).toBe(true);
    expect(readFileSync(join(hostile, '.venv', 'activated.txt'), 'utf8').trim()).toBe('yes');
  });

  it('a whole line through `pwsh -NoProfile -NonInteractive -Command <line>`, as a user pastes it', async () => {
    const argv = [HOSTILE_NAME, ...HOSTILE_FOLDER_NAMES];
    const log = join(root, 'command.jsonl');
    const run = await runPwsh(pwsh!, ['-Command', commandLine('powershell', printer, argv)], '', {
      ...process.env,
      PIP_DOCTOR_ARGV_LOG: log,
      PIP_DOCTOR_CASE: 'command',
    });
    expect(run.stderr).toBe('');
    const record = JSON.parse(readFileSync(log, 'utf8')) as { program: string; argv: string[] };
    expect(unhex(record.program)).toBe(printer);
    expect(record.argv).toEqual(argv.map(hex));
  });

  it("legacy native argument passing (Windows PowerShell 5.1's rules) loses only empty arguments and arguments with a double quote", () => {
    const { cases: group, results } = ran.get('Legacy')!;
    const broken = new Set<string>();
    group.forEach((testCase, index) => {
      const run = results[index]!.runs[0];
      const arrived = run?.argv ?? [];
      if (JSON.stringify(arrived) !== JSON.stringify(testCase.expected.argv)) {
        for (const argument of testCase.expected.argv) broken.add(argument);
      }
      expect(results[index]!.parseError).toBeNull();
    });
    // A line breaks only through an argument Legacy cannot carry; the others in it go with it.
    const carriesOnlySafe = group.filter(
      (testCase) =>
        !testCase.expected.argv.some((argument) => argument === '' || argument.includes('"')),
    );
    const brokenSafe = carriesOnlySafe.filter((testCase) => {
      const index = group.indexOf(testCase);
      return (
        JSON.stringify(results[index]!.runs[0]?.argv) !== JSON.stringify(testCase.expected.argv)
      );
    });
    expect(brokenSafe.map((testCase) => testCase.what)).toEqual([]);
    for (const known of ['', '"']) expect(broken.has(known), show(known)).toBe(true);
  });
});

/** The remedies whose shown commands the test pastes. */
const REMEDIES_RUN = [
  'venv command 1',
  'venv command 2',
  'user-install command 1',
  'upgrade-pip command 1',
  'use-python-m-pip command 1',
  'elevated-install command 1',
  'grant-access command 1',
  'pipx-or-venv command 1',
  'repair-install command 1',
  'repair-install command 2',
  'repair-install command 3',
  'repair-install command 4',
  'repair-install command 5',
  'repair-install (broken venv) command 1',
  'repair-install (broken venv) command 2',
  'run-again command 1',
  'run again with TEMP command 1',
  'run again with TEMP command 2',
  'venv activation in PowerShell',
];

/**
 * The remedies' commands for Windows (the PowerShell shell), built from
 * facts whose paths are POSIX paths under the hostile folder so pwsh can run
 * them: python.exe is the argv printer, icacls and pipx are functions that
 * hand their arguments to it. Stop-Process, the registry and UAC stay out:
 * they have no stand-in here (their text is only parsed, in parseEverything).
 */
function remedyCases(hostile: string, printer: string): Case[] {
  const windowsWithPosixPaths: OsTraits = { ...osTraits('win32'), paths: posix };
  const at = (...parts: string[]) => posix.join(hostile, ...parts);
  const venv = at('.venv');
  mkdirSync(at('.venv', 'Scripts'), { recursive: true });
  copyFileSync(printer, at('.venv', 'Scripts', 'python.exe'));
  writeFileSync(
    at('.venv', 'Scripts', 'Activate.ps1'),
    "Set-Content -LiteralPath (Join-Path $PSScriptRoot '../activated.txt') -Value 'yes'\n",
  );
  for (const leftover of ['~umpy [1]', '~umpy 1']) {
    mkdirSync(at('site', leftover), { recursive: true });
    writeFileSync(at('site', leftover, '__init__.py'), '');
  }
  writeFileSync(at('site', 'pip.exe.deleteme'), '');

  const check = (role: AccessCheck['role'], path: string, writable: boolean): AccessCheck => ({
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
  });
  const install: PythonInstall = {
    id: 'py-hostile',
    executable: printer,
    names: [],
    version: '3.12.7',
    implementation: 'CPython',
    kind: 'all-users',
    prefix: hostile,
    basePrefix: hostile,
    status: 'ok',
    statusDetail: null,
    pipVersion: '20.2.3',
    externallyManaged: false,
    userSiteEnabled: true,
    folders: [check('purelib', at('site'), false), check('user-site', at('user site'), true)],
    leftovers: [
      { kind: 'stash-folder', path: at('site', '~umpy [1]'), package: 'numpy' },
      { kind: 'deleteme-file', path: at('site', 'pip.exe.deleteme'), package: null },
      { kind: 'pip-missing', path: at('site', 'pip'), package: 'pip' },
    ],
    heldBy: [],
  };
  const facts = (cause: Cause, target: PythonInstall = install): RemedyFacts => ({
    os: windowsWithPosixPaths,
    cause,
    target,
    installs: [target, install],
    log: null,
    projectDir: hostile,
    pipOnPath: [],
    settings: undefined,
    holders: [],
    allProcessesInspected: true,
    blocked: target.folders.find((folder) => folder.writable === false) ?? null,
    loggedPackage: 'numpy',
    packageName: 'numpy',
    where: target.executable,
    venvFolder: venv,
    observations: [],
    tempDir: null,
    pythonOnPath: null,
    userName: HOSTILE_NAME,
    userSid: SID,
    basePython: target.status === 'ok' ? target : install,
  });
  const commandsOf = (id: RemedyId, cause: Cause, target?: PythonInstall) =>
    REMEDY_CATALOG[id].advise(facts(cause, target))?.commands ?? [];

  const [elevated] = commandsOf('elevated-install', 'permission');
  const stubs = [
    `function icacls { & ${powershellLiteral(printer)} @args }`,
    `function pipx { & ${powershellLiteral(printer)} @args }`,
  ].join('; ');
  const pip = (...args: string[]) => ['-m', 'pip', 'install', ...args];
  const [venvCreate, venvInstall] = commandsOf('venv', 'permission');
  const repair = commandsOf('repair-install', 'permission');
  const brokenVenv: PythonInstall = {
    ...install,
    id: 'py-broken',
    status: 'broken',
    prefix: venv,
    leftovers: [],
  };
  const [recreate, reinstall] = commandsOf('repair-install', 'permission', brokenVenv);
  const tempFolder = at(`temp ${HOSTILE_NAME}`);
  const [makeTemp, withTemp] = runAgainWithTempCommands(facts('temp-dir'), tempFolder);
  const [activate] = venvInstructions(
    windowsWithPosixPaths,
    venv,
    at('.venv', 'Scripts', 'python.exe'),
  );

  const cases: Case[] = [
    {
      what: 'venv command 1',
      line: venvCreate!,
      expected: { program: printer, argv: ['-m', 'venv', venv] },
    },
    {
      what: 'venv command 2',
      line: venvInstall!,
      expected: { program: at('.venv', 'Scripts', 'python.exe'), argv: pip('numpy') },
    },
    {
      what: 'user-install command 1',
      line: commandsOf('user-install', 'permission')[0]!,
      expected: { program: printer, argv: pip('--user', 'numpy') },
    },
    {
      what: 'upgrade-pip command 1',
      line: commandsOf('upgrade-pip', 'permission')[0]!,
      expected: { program: printer, argv: pip('--upgrade', 'pip', 'setuptools', 'wheel') },
    },
    {
      what: 'use-python-m-pip command 1',
      line: commandsOf('use-python-m-pip', 'self-upgrade-lock')[0]!,
      expected: { program: printer, argv: pip('--upgrade', 'pip') },
    },
    {
      what: 'elevated-install command 1',
      // UAC and the window left open have no Linux equivalent: pwsh for powershell.exe, waited for.
      line: elevated!
        .replace('-Verb RunAs ', '-Wait ')
        .replace('-FilePath powershell.exe ', `-FilePath ${powershellLiteral(pwsh!)} `)
        .replace("'-NoExit ", "'-NoProfile -NonInteractive "),
      expected: { program: printer, argv: pip('numpy') },
    },
    {
      what: 'grant-access command 1',
      line: `${stubs}; ${commandsOf('grant-access', 'permission')[0]!}`,
      expected: { program: printer, argv: [at('site'), '/grant', `*${SID}:(OI)(CI)M`, '/T', '/C'] },
    },
    {
      what: 'pipx-or-venv command 1',
      line: `${stubs}; ${commandsOf('pipx-or-venv', 'pep668')[0]!}`,
      expected: { program: printer, argv: ['install', 'numpy'] },
    },
    ...repair.flatMap((line, index) => {
      // Remove-Item starts no program: it is run with the silent lines below.
      if (line.startsWith('Remove-Item')) return [];
      const argv = line.includes('ensurepip')
        ? ['-m', 'ensurepip', '--upgrade']
        : line.includes('--force-reinstall')
          ? pip('--force-reinstall', 'numpy')
          : pip('--upgrade', 'pip');
      return [
        { what: `repair-install command ${index + 1}`, line, expected: { program: printer, argv } },
      ];
    }),
    {
      what: 'repair-install (broken venv) command 1',
      line: recreate!,
      expected: { program: printer, argv: ['-m', 'venv', '--clear', venv] },
    },
    {
      what: 'repair-install (broken venv) command 2',
      line: reinstall!,
      expected: { program: at('.venv', 'Scripts', 'python.exe'), argv: pip('numpy') },
    },
    {
      what: 'run-again command 1',
      line: commandsOf('run-again', 'lock')[0]!,
      expected: { program: printer, argv: pip('numpy') },
    },
    {
      what: 'run again with TEMP command 2',
      line: withTemp!,
      expected: {
        program: printer,
        argv: pip('numpy'),
        env: { TMP: tempFolder, TEMP: tempFolder },
      },
    },
  ];
  // Lines that start no program: the printer runs after them, so each proves it ran to its end
  // without an error; what they did is checked on disk.
  const silent = [
    ...repair.flatMap((line, index) =>
      line.startsWith('Remove-Item') ? [{ what: `repair-install command ${index + 1}`, line }] : [],
    ),
    { what: 'run again with TEMP command 1', line: makeTemp! },
    { what: 'venv activation in PowerShell', line: activate!.text },
  ].map(({ what, line }) => ({
    what,
    line: `${line}; & ${powershellLiteral(printer)}`,
    expected: { program: printer, argv: [] },
  }));
  return [...silent.slice(0, -1), ...cases, silent.at(-1)!];
}
