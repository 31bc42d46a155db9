import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo, HandlerDeps } from '../../electron/ipc/handlers';
import { createSystemProbe } from '../../electron/platform/createSystemProbe';

const REPO = join(__dirname, '..', '..');

/** What a test's stand-ins for Electron received. */
export interface DepsRecord {
  /** What was copied, oldest first; its last entry is what Paste reads (a test may push one). */
  clipboard: string[];
  opened: string[];
  /** Files the save "dialog" chose (under saveDir). */
  saved: string[];
  /** How many times the folder "dialog" was shown. */
  folderDialogs: number;
}

export interface RealDepsOptions {
  /** The page the handlers trust: the test server's URL, or the built file's. */
  appPageUrl: string;
  /** Where the save "dialog" puts reports: a temporary folder of the test. */
  saveDir: string;
  env?: NodeJS.ProcessEnv;
  projectDir?: string;
  homeDir?: string;
  /** Simulates the user pressing Cancel in the save dialog. */
  cancelSave?: boolean;
  /** The action journal's folder; default a `data` folder in saveDir. */
  dataDir?: string;
  /** What the folder "dialog" answers: a folder, or null for Cancel (the default). */
  pickedFolder?: string | null;
  /** Where actions' pip finds packages: a local wheel folder, with --no-index (no network in tests). */
  wheelDir?: string;
  /** The "system's" preferred languages; default English, as a machine set to English has. */
  systemLanguages?: readonly string[];
}

/**
 * The handlers' dependencies as the tests use them: the real system probe
 * and engine against this machine, with Electron's dialog, clipboard and
 * shell replaced by recorders (no Electron binary exists on the test
 * machines). Shared by the unit tests and the end-to-end tests.
 */
export function realHandlerDeps(options: RealDepsOptions): {
  deps: Omit<HandlerDeps, 'send'>;
  record: DepsRecord;
} {
  const record: DepsRecord = { clipboard: [], opened: [], saved: [], folderDialogs: 0 };
  const env = options.env ?? process.env;
  return {
    record,
    deps: {
      probe: createSystemProbe(env),
      env,
      projectDir: options.projectDir,
      homeDir: options.homeDir,
      appPageUrl: options.appPageUrl,
      appInfo: testAppInfo(),
      writeClipboard: (text) => {
        record.clipboard.push(text);
      },
      readClipboard: () => record.clipboard.at(-1) ?? '',
      chooseSavePath: async (suggestedName) => {
        if (options.cancelSave) return null;
        const path = join(options.saveDir, suggestedName);
        record.saved.push(path);
        return path;
      },
      openExternal: async (url) => {
        record.opened.push(url);
      },
      dataDir: options.dataDir ?? join(options.saveDir, 'data'),
      chooseFolder: async () => {
        record.folderDialogs++;
        return options.pickedFolder ?? null;
      },
      pipSourceArgs: options.wheelDir ? ['--no-index', '--find-links', options.wheelDir] : [],
      systemLanguages: options.systemLanguages ?? ['en-US'],
      // Test builds offer the pseudo-locale (issue #17): long accented words find clipped text.
      offerPseudoLocale: true,
    },
  };
}

/** The app's name and version as main reports them, read from package.json. */
export function testAppInfo(): AppInfo {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
  const platform =
    process.platform === 'win32' || process.platform === 'darwin' ? process.platform : 'linux';
  return {
    name: 'Pip Doctor',
    version: pkg.version,
    platform,
    shell: platform === 'win32' ? 'powershell' : 'bash',
  };
}
