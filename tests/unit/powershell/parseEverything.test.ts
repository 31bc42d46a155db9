import { beforeAll, describe, expect, it } from 'vitest';
import { REMEDIES } from '../../../electron/remedies/registry';
import { REMEDIES as REMEDY_IDS } from '../../../electron/shared/model/vocabulary';
import type { RemedyId } from '../../../electron/shared/model/vocabulary';
import { findPwsh, pwshTitle } from '../../support/pwsh';
import { collectAppPowerShell } from './appPowerShellTexts';
import type { AppPowerShell } from './appPowerShellTexts';
import { scriptFactsOf } from './scriptFacts';
import type { ScriptFacts } from './scriptFacts';
import { windowsPowerShell51Violations } from './windowsPowerShell51';

/**
 * Issue 14 §1, "Parse everything": every PowerShell text the app produces
 * (the probe, every fix script, every command shown for copying; see
 * appPowerShellTexts.ts) is parsed by the real PowerShell 7 with
 * [Parser]::ParseInput and must have zero errors, then checked for what
 * Windows PowerShell 5.1, the PowerShell every Windows machine has, lacks.
 * One pwsh run parses them all.
 */

/** Each construct 5.1 lacks, and a word the refusal must contain: proof that the check bites. */
const REFUSED_BY_51: ReadonlyArray<readonly [text: string, because: string]> = [
  ['$x = $a ? 1 : 2', 'ternary'],
  ['Get-Item a && Get-Item b', '&&'],
  ['Get-Item a || Get-Item b', '||'],
  ['$x = $a ?? 1', '`??`'],
  ['$a ??= 1', '??='],
  ['${a}?.Name', '?.'],
  ['${a}?[0]', '?[]'],
  ['function f { process { } clean { } }', 'clean'],
  ['Get-Item a &', 'background'],
  ["'a' -replace 'a', { 'b' }", 'script block'],
  ['"`u{2019}"', 'u{'],
  ['"`e[1m"', '`e'],
  ['1..3 | ForEach-Object -Parallel { $_ }', 'Parallel'],
  ['1..3 | % -Parallel { $_ } -ThrottleLimit 2', 'Parallel'],
  ['Get-Content -LiteralPath a -AsByteStream', 'AsByteStream'],
  ['Set-Content -LiteralPath a -Value 1 -AsByteStream', 'AsByteStream'],
  ['Add-Content -LiteralPath a -Value 1 -AsByteStream', 'AsByteStream'],
  ['Out-File -FilePath a -Encoding utf8NoBOM', 'utf8NoBOM'],
  ['Set-Content -LiteralPath a -Value 1 -Encoding utf8BOM', 'utf8BOM'],
  ['Set-Content -LiteralPath a -Value 1 -Encoding ansi', 'ansi'],
  ['Get-Content -LiteralPath a -Encoding 1251', '1251'],
  ["'{}' | ConvertFrom-Json -AsHashtable", 'AsHashtable'],
  ["'{}' | ConvertFrom-Json -Depth 5", 'Depth'],
  ["'[]' | ConvertFrom-Json -NoEnumerate", 'NoEnumerate'],
  ['ConvertTo-Json -InputObject 1 -AsArray', 'AsArray'],
  ['ConvertTo-Json -InputObject 1 -EnumsAsStrings', 'EnumsAsStrings'],
  ['ConvertTo-Json -InputObject 1 -EscapeHandling EscapeNonAscii', 'EscapeHandling'],
  ['Join-Path a b -AdditionalChildPath c', 'AdditionalChildPath'],
  ['Join-Path a b c', 'positional'],
  ['Split-Path -Path a -Extension', 'Extension'],
  ['Split-Path -Path a -LeafBase', 'LeafBase'],
  ['Get-ChildItem -Path a -FollowSymlink', 'FollowSymlink'],
  ['Start-Process -FilePath a -Environment @{ A = 1 }', 'Environment'],
  ['Select-Object -InputObject 1 -SkipIndex 0', 'SkipIndex'],
  ['Invoke-WebRequest -Uri https://example.org -SkipCertificateCheck', 'SkipCertificateCheck'],
  ['Get-Item a | Where-Object -Property Name -Not', 'Not'],
  ['Get-Item a -ProgressAction SilentlyContinue', 'ProgressAction'],
  ["Test-Json -Json '{}'", 'Test-Json'],
  ['Get-Error', 'Get-Error'],
  ["[System.IO.Path]::GetRelativePath('a', 'b')", 'GetRelativePath'],
  ["[IO.Path]::Join('a', 'b')", '.NET Core 2.1'],
  ['$IsWindows', 'IsWindows'],
  ['$PSStyle.Reset', 'PSStyle'],
  ['Get-PipDoctorThing', 'not reviewed'],
  ['[System.Text.Json.JsonSerializer] | Out-Null', 'not reviewed'],
];

/** Close to the refused ones, but 5.1 runs them: the check must not refuse these. */
const ACCEPTED_BY_51 = [
  'Get-Content -LiteralPath a -Encoding UTF8 -Raw',
  'Out-File -FilePath a -Encoding oem',
  "Join-Path $a 'b'",
  'Join-Path -Path a -ChildPath b',
  '1..3 | ForEach-Object { $_ } { $_ }',
  '1..3 | % { $_ }',
  '"``e and ``u{2019} stay text"',
  "$s = 'a' -replace 'a', 'b'",
  "& 'C:\\Program Files\\Python312\\python.exe' -m pip install requests",
  "Start-Process -Verb RunAs -Wait -FilePath 'C:\\p.exe' -ArgumentList '-m','pip'",
  'Get-Item a -ErrorAction SilentlyContinue -ea Stop',
  "Remove-Item -LiteralPath 'a' -Recurse -Force",
  'function Get-Thing { 1 }; Get-Thing',
];

const pwsh = findPwsh();

describe.skipIf(pwsh === null)(pwshTitle('Every PowerShell text the app produces', pwsh), () => {
  let app: AppPowerShell;
  /** Each distinct text, the labels it was produced under, and what PowerShell said about it. */
  const facts = new Map<string, ScriptFacts>();
  const labels = new Map<string, string[]>();

  beforeAll(async () => {
    app = await collectAppPowerShell();
    for (const { label, text } of app.texts) labels.set(text, [...(labels.get(text) ?? []), label]);
    const texts = [
      ...new Set([...labels.keys(), ...REFUSED_BY_51.map(([text]) => text), ...ACCEPTED_BY_51]),
    ];
    const answers = await scriptFactsOf(pwsh!, texts);
    texts.forEach((text, index) => facts.set(text, answers[index]!));
  }, 120_000);

  const factsOf = (text: string): ScriptFacts => {
    const found = facts.get(text);
    if (!found) throw new Error(`not parsed: ${text}`);
    return found;
  };

  it('holds the probe, every fix script and the commands of every remedy and plan', () => {
    const all = app.texts.map((text) => text.label);
    for (const expected of [
      'assets/windows/pip-doctor-probe.ps1',
      'the probe bootstrap',
      'through UAC: the outer script',
      'through UAC: the elevated script',
      'icacls /save then /grant through UAC',
      'icacls /restore after the hash check through UAC',
      'reg add LongPathsEnabled through UAC',
      'reg delete LongPathsEnabled through UAC',
      'close processes by force',
      'user Path add script',
      'user Path remove script',
      'run again with TEMP',
      'venv instruction: Activate it in PowerShell',
      'undo of plan grant-access',
      'undo of plan user-install',
      'undo of plan enable-long-paths',
    ]) {
      expect(
        all.some((label) => label.includes(expected)),
        `a text labelled "${expected}"`,
      ).toBe(true);
    }
    // Every remedy that has commands gave some; restart's advice is words only.
    expect([...app.advisedRemedies].sort()).toEqual(
      REMEDY_IDS.filter((id) => id !== 'restart').sort(),
    );
    const withPlan = (Object.keys(REMEDIES) as RemedyId[]).filter((id) => REMEDIES[id].plan);
    expect([...app.plannedRemedies].sort()).toEqual(withPlan.sort());
    expect(app.recordedMachines).toHaveLength(9);
  });

  it('parses every text with zero errors', () => {
    const failures = [...labels].flatMap(([text, producedBy]) =>
      factsOf(text).errors.map(
        (error) =>
          `${producedBy[0]} (and ${producedBy.length - 1} more): line ${error.line}:${error.column} ${error.message}\n    ${text.split('\n')[error.line - 1]?.slice(0, 300)}`,
      ),
    );
    expect(failures).toEqual([]);
  });

  it('uses no syntax, cmdlet parameter, .NET member or variable that Windows PowerShell 5.1 lacks', () => {
    const failures = [...labels].flatMap(([text, producedBy]) =>
      windowsPowerShell51Violations(factsOf(text)).map(
        (violation) => `${producedBy[0]}: ${violation}`,
      ),
    );
    expect(failures).toEqual([]);
  });

  it.each(REFUSED_BY_51)('the 5.1 check refuses %s', (text, because) => {
    const found = factsOf(text);
    expect(found.errors, 'PowerShell 7 parses it').toEqual([]);
    const violations = windowsPowerShell51Violations(found);
    expect(violations.join('\n')).toContain(because);
  });

  it('the 5.1 check lets through what 5.1 runs', () => {
    const refused = ACCEPTED_BY_51.flatMap((text) =>
      windowsPowerShell51Violations(factsOf(text)).map((violation) => `${text}: ${violation}`),
    );
    expect(refused).toEqual([]);
  });
});
