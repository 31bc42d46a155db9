import { describe, expect, test } from 'vitest';
import { recommend } from '../../../../electron/engine/recommend/recommend';
import type { RecommendInput } from '../../../../electron/engine/recommend/recommend';
import { newVenvFolder } from '../../../../electron/engine/diagnose/newVenvFolder';
import { osTraits } from '../../../../electron/platform/osTraits';
import { REMEDY_CATALOG } from '../../../../electron/remedies/registry';
import { classifyLogText } from '../../../../electron/engine/logClassifier';
import type { Recommendation } from '../../../../electron/shared/model/diagnosis';
import { CAUSES } from '../../../../electron/shared/model/vocabulary';
import type { Cause } from '../../../../electron/shared/model/vocabulary';
import { english } from '../../../support/english';
import { RECORDED_WINDOWS_MACHINES, diagnoseRecorded } from './recordedRecommendations';
import { folder, holder, install } from './installFacts';

/**
 * Issue #16 item 8: "Creates a .venv folder" beside commands that create
 * `.venv-new`. Every folder the words of a fix name (a `.name folder`
 * anywhere in them; a full path in what it changes and on its button) must
 * be one its commands use, for every fix the engine produces on the recorded
 * Windows machines and in the POSIX scenarios below.
 */

/** `.venv folder`, `.venv-new folder`: a folder named by its dot-name. */
const DOT_FOLDER = /(?<![\w.])(\.[A-Za-z][\w.-]*) folder\b/g;
/** A full path: `C:\…` or `/…`, up to a space, a quote or the sentence's end. */
const FULL_PATH = /(?:[A-Za-z]:\\|(?<![\w.])\/)[^\s'",;:]*[^\s'",;:.]/g;

/** What the fix card shows, as an English-speaking user reads it. */
function wordsOf(fix: Recommendation) {
  const label = fix.action ? english(fix.action.label) : '';
  return {
    title: english(fix.title),
    reason: english(fix.reason),
    changes: english(fix.changes),
    label,
  };
}

function folderWordsOf(fix: Recommendation): string[] {
  const { title, reason, changes, label } = wordsOf(fix);
  const all = [title, reason, changes, label].join('\n');
  const named = [...all.matchAll(DOT_FOLDER)].map((match) => match[1]!);
  const what = [changes, label].join('\n');
  return [...named, ...[...what.matchAll(FULL_PATH)].map((match) => match[0])];
}

/** The folders the commands create: what follows `-m venv`, unquoted as each shell quotes it. */
function createdFolders(commands: string[]): string[] {
  const created = /-m venv (?:'((?:[^']|'')*)'|"([^"]*)"|(\S+))/g;
  return commands.flatMap((command) =>
    [...command.matchAll(created)].map((m) => m[1]?.replace(/''/g, "'") ?? m[2] ?? m[3]!),
  );
}

const baseName = (path: string) => path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;

/** A full path anywhere in a command; a bare name only as a whole path segment (not `.venv` inside `.venv-new`). */
function inCommands(name: string, commands: string[]): boolean {
  if (/[\\/]/.test(name)) return commands.some((command) => command.includes(name));
  return commands.some((command) => command.split(/[\\/'" ]/).includes(name));
}

function expectWordsMatchCommands(fixes: Recommendation[]) {
  for (const fix of fixes.filter((f) => f.commands.length > 0)) {
    const created = createdFolders(fix.commands);
    const { changes } = wordsOf(fix);
    const context = `${fix.id}: ${changes}\n${fix.commands.join('\n')}`;
    for (const name of folderWordsOf(fix)) {
      // A dot-name the words give a folder is the folder the commands make, where they make one.
      if (name.startsWith('.') && created.length > 0)
        expect(created.map(baseName), context).toContain(name);
      else expect(inCommands(name, fix.commands), `"${name}" is not in ${context}`).toBe(true);
    }
    // And what the commands make is what the words say they make.
    for (const folder of created)
      expect(
        changes.includes(folder) || changes.includes(`${baseName(folder)} folder`),
        `${folder} is not named in ${context}`,
      ).toBe(true);
  }
}

describe.each(RECORDED_WINDOWS_MACHINES)('the recorded Windows machine "%s"', (situation) => {
  test('every fix names only folders its commands use', async () => {
    expectWordsMatchCommands((await diagnoseRecorded(situation)).recommendations);
    expectWordsMatchCommands(
      (await diagnoseRecorded(situation, { holdersGone: true })).recommendations,
    );
  });
});

const PROJECT = '/home/alice/my project';
const SITE = '/usr/local/lib/python3.11/dist-packages';

/** The targets pip fails in on POSIX: a root-owned system site, a PEP 668 Python, the project's own venv. */
const POSIX_TARGETS = {
  'system site': install({
    folders: [
      folder('purelib', SITE, false, 'Only root can change this folder.'),
      folder('user-site', '/home/alice/.local/lib/python3.11/site-packages', true),
    ],
  }),
  'PEP 668 python': install({ externallyManaged: true }),
  "the project's .venv": install({
    id: 'venv',
    kind: 'venv',
    executable: `${PROJECT}/.venv/bin/python`,
    prefix: `${PROJECT}/.venv`,
    folders: [folder('purelib', `${PROJECT}/.venv/lib/python3.11/site-packages`, true)],
    heldBy: [4242],
  }),
};

const causes: Array<Cause | 'none'> = [...CAUSES, 'none'];

describe.each(Object.entries(POSIX_TARGETS))('POSIX, pip failing in %s', (_, target) => {
  test.each(causes)('cause %s: every fix names only folders its commands use', (cause) => {
    const log = classifyLogText(
      `$ pip install requests\nERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '${SITE}/requests'\n`,
    );
    const os = osTraits('linux');
    for (const processes of [[], [holder(4242, [`${PROJECT}/.venv/lib/x.so`], 'venv', null)]]) {
      const input: RecommendInput = {
        platform: 'linux',
        cause,
        target,
        installs: [target],
        processes,
        log,
        projectDir: PROJECT,
        pipOnPath: [],
        venvFolder: newVenvFolder(os, PROJECT, target, cause) ?? '',
      };
      expectWordsMatchCommands(recommend(input, REMEDY_CATALOG));
    }
  });
});
