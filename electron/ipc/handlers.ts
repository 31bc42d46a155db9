import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename } from 'node:path';
import type { z } from 'zod';
import { ActionService } from '../remedies/run/actionService';
import { diagnose } from '../engine/diagnose/diagnose';
import { classifyLogText } from '../engine/logClassifier';
import { markdownReport } from '../engine/report/markdownReport';
import { translator } from '../engine/i18n/translator';
import type { SystemProbe } from '../platform/systemProbe';
import { allowedExternalUrl } from '../security/externalLinks';
import { createActionHandlers } from './actionHandlers';
import { createRerunHandlers } from './rerunHandlers';
import { ClassifiedLogs } from './classifiedLogs';
import { LanguageSetting } from './languageSetting';
import { folderDialogWords, saveDialogWords } from './dialogWords';
import type { FolderDialogWords, SaveDialogWords } from './dialogWords';
import { channels, MAX_LOG_TEXT } from '../shared/contract';
import type { Channel, EventName, Reply, RequestOf, ResponseOf, events } from '../shared/contract';
import { guardHandler } from './guardHandler';
import type { ChannelHandler, SenderInfo } from './guardHandler';
import { failure } from './replies';
import { ScanRegistry } from './scanRegistry';
import { REMEDY_CATALOG } from '../remedies/registry';
import { UserFacingError } from '../shared/userFacingError';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../shared/i18n/message';

const refusals = defineMessages({
  reportNotSaved: {
    id: 'error.report.notSaved',
    defaultMessage: 'The report could not be saved to {path}. Choose another folder.',
    description: '{path}: the file the user chose in the save dialog',
  },
  linkRefused: {
    id: 'error.link.refused',
    defaultMessage: 'Pip Doctor only opens links to the Python and pip documentation.',
  },
  browserFailed: {
    id: 'error.link.browserFailed',
    defaultMessage: 'Your web browser could not be opened. The link is {url}',
    description: '{url}: the web address, so the user can copy it',
  },
  unknownChannel: {
    id: 'error.ipc.unknownChannel',
    defaultMessage: 'Pip Doctor refused a request it does not know.',
  },
});

export type { ChannelHandler, SenderInfo } from './guardHandler';

export type AppInfo = ResponseOf<'app:info'>;

export interface HandlerDeps {
  probe: SystemProbe;
  /** The environment scans see: PATH decides which `pip` and `python` are found. */
  env: NodeJS.ProcessEnv;
  /** Where a project's .venv is looked for; default the user's home folder. */
  projectDir?: string;
  /** Hidden in reports even when its name differs from the user name; default os.homedir(). */
  homeDir?: string;
  /** The app's own page: requests from any other frame are refused. */
  appPageUrl: string;
  appInfo: AppInfo;
  writeClipboard(text: string): void | Promise<void>;
  /** The clipboard's plain text (Electron's clipboard.readText), read when the user clicks Paste. */
  readClipboard(): string | Promise<string>;
  /**
   * Asks the user where to save; null when they cancelled. Main shows the
   * dialog, never the renderer, with `words` in the app's language.
   */
  chooseSavePath(suggestedName: string, words: SaveDialogWords): Promise<string | null>;
  /** Called only with links that passed the allowlist. */
  openExternal(url: string): Promise<void>;
  /** The app's data folder (Electron's userData): the action journal and its backups live in it. */
  dataDir: string;
  /** Asks the user for a folder (for a virtual environment), in the app's language; null when they cancelled. */
  chooseFolder(words: FolderDialogWords): Promise<string | null>;
  /**
   * Where pip finds packages when an action installs one: main's setting,
   * never the renderer's. The app leaves it unset (PyPI, as the user's pip
   * is configured); tests point it at a local folder with --no-index.
   */
  pipSourceArgs?: string[];
  send<E extends EventName>(event: E, payload: z.infer<(typeof events)[E]>): void;
  /** The app window's native handle (decimal), for the UAC prompt's owner; null when there is none. */
  ownerWindow?(): string | null;
  /** The system's preferred languages, most preferred first (app.getPreferredSystemLanguages()). */
  systemLanguages: readonly string[];
  /** Offers the pseudo-locale in the language menu: test builds only. */
  offerPseudoLocale?: boolean;
  /** Aborting it cancels every running scan (the app is quitting). */
  signal?: AbortSignal;
}

export type IpcHandlers = { readonly [C in Channel]: ChannelHandler<C> };

/**
 * Main's side of the contract: every channel's handler, runnable without
 * Electron (the end-to-end tests bind these same handlers into Chromium).
 * Each one is guarded (guardHandler.ts): sender checked, request and answer
 * validated against the contract, failures returned as words, never thrown.
 */
export function createHandlers(deps: HandlerDeps): IpcHandlers {
  const projectDir = deps.projectDir ?? safeHomedir() ?? process.cwd();
  const homeDir = deps.homeDir ?? safeHomedir() ?? null;
  // Built here, from the same settings the scans use: a plan's default .venv is the one the scan recommended.
  const actionService = new ActionService({
    probe: deps.probe,
    dataDir: deps.dataDir,
    env: deps.env,
    projectDir,
    homeDir: homeDir ?? projectDir,
    pipSourceArgs: deps.pipSourceArgs,
    ownerWindow: () => deps.ownerWindow?.() ?? null,
    onProgress: (progress) => deps.send('action:progress', progress),
  });
  const scans = new ScanRegistry({
    onProgress: (event) => deps.send('scan:progress', event),
    // Every finished scan becomes the one fixes are planned from (DESIGN.md rule 2).
    onDiagnosis: (scanId, diagnosis) => actionService.useDiagnosis(scanId, diagnosis),
    signal: deps.signal,
  });

  const logs = new ClassifiedLogs();
  const language = new LanguageSetting({
    dataDir: deps.dataDir,
    systemLanguages: deps.systemLanguages,
    offerPseudoLocale: deps.offerPseudoLocale ?? false,
  });
  // Main's own words (the report, the native dialogs) follow the language the user last chose.
  const appTranslator = () => translator(language.current());
  const languageInfo = () => ({ locale: language.current(), available: [...language.available] });

  const reportOf = async (request: RequestOf<'report:markdown'>) => {
    const diagnosis = await scans.result(request.scanId);
    const changes = await actionService.changesThisSession();
    const markdown = markdownReport(diagnosis, {
      includePersonal: request.includePersonal,
      app: deps.appInfo,
      homeDir,
      changes,
      translator: appTranslator(),
    });
    return { markdown, changes };
  };

  const handle = <C extends Channel>(
    channel: C,
    work: (request: RequestOf<C>) => Promise<ResponseOf<C>>,
  ): ChannelHandler<C> => guardHandler(channel, deps.appPageUrl, work);

  return {
    'app:info': handle('app:info', async () => deps.appInfo),
    'language:get': handle('language:get', async () => languageInfo()),
    'language:set': handle('language:set', async ({ locale }) => {
      language.choose(locale);
      return languageInfo();
    }),
    'log:classify': handle('log:classify', async ({ text }) => {
      const finding = classifyLogText(text);
      return { logId: logs.remember(finding), finding };
    }),
    'scan:start': handle('scan:start', async ({ logId }) => {
      const log = logId === null ? null : logs.finding(logId);
      const scanId = scans.start((signal, onProgress) =>
        diagnose(deps.probe, {
          remedies: REMEDY_CATALOG,
          projectDir,
          extraPythons: [],
          env: deps.env,
          log,
          signal,
          onProgress,
        }),
      );
      return { scanId };
    }),
    'scan:cancel': handle('scan:cancel', async ({ scanId }) => ({
      cancelled: scans.cancel(scanId),
    })),
    'scan:result': handle('scan:result', ({ scanId }) => scans.result(scanId)),
    'report:markdown': handle('report:markdown', reportOf),
    'report:save': handle('report:save', async (request) => {
      const { markdown } = await reportOf(request);
      const path = await deps.chooseSavePath(
        reportFileName(new Date()),
        saveDialogWords(appTranslator()),
      );
      if (path === null) return { saved: false, fileName: null };
      try {
        await writeFile(path, markdown, 'utf8');
      } catch (error) {
        throw new UserFacingError(
          msg(refusals.reportNotSaved, { path }),
          error instanceof Error ? error.message : String(error),
        );
      }
      return { saved: true, fileName: basename(path) };
    }),
    'clipboard:write': handle('clipboard:write', async ({ text }) => {
      await deps.writeClipboard(text);
      return {};
    }),
    'clipboard:read': handle('clipboard:read', async () => {
      const text = await deps.readClipboard();
      // pip prints its error last: a clipboard larger than a log may be keeps its end.
      return text.length <= MAX_LOG_TEXT
        ? { text, truncated: false }
        : { text: text.slice(text.length - MAX_LOG_TEXT), truncated: true };
    }),
    'external:open': handle('external:open', async ({ url }) => {
      const allowed = allowedExternalUrl(url);
      if (allowed === null) {
        throw new UserFacingError(msg(refusals.linkRefused), `not on the allowlist: ${url}`);
      }
      try {
        await deps.openExternal(allowed);
      } catch (error) {
        throw new UserFacingError(
          msg(refusals.browserFailed, { url: allowed }),
          error instanceof Error ? error.message : String(error),
        );
      }
      return { opened: true };
    }),
    ...createActionHandlers({
      service: actionService,
      scans,
      appPageUrl: deps.appPageUrl,
      chooseFolder: () => deps.chooseFolder(folderDialogWords(appTranslator())),
      signal: deps.signal,
    }),
    ...createRerunHandlers({
      service: actionService,
      appPageUrl: deps.appPageUrl,
      env: deps.env,
      sendOutput: (payload) => deps.send('rerun:output', payload),
      signal: deps.signal,
    }),
  };
}

/**
 * One entry point for a channel named by the renderer: a name that is not in
 * the contract (or is an Object.prototype key) is refused before anything runs.
 */
export function dispatchRequest(
  handlers: IpcHandlers,
  channel: unknown,
  request: unknown,
  sender: SenderInfo,
): Promise<Reply<unknown>> {
  if (typeof channel !== 'string' || !Object.hasOwn(channels, channel)) {
    return Promise.resolve(
      failure(
        msg(refusals.unknownChannel),
        `unknown channel ${JSON.stringify(String(channel)).slice(0, 100)}`,
      ),
    );
  }
  return handlers[channel as Channel](request, sender);
}

/** pip-doctor-report-2026-11-24.md: dated, so several reports do not overwrite each other. */
function reportFileName(now: Date): string {
  return `pip-doctor-report-${now.toISOString().slice(0, 10)}.md`;
}

/** os.homedir() throws when neither HOME nor the password database knows the user. */
function safeHomedir(): string | undefined {
  try {
    return homedir();
  } catch {
    return undefined;
  }
}
