import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { channels, MAX_LOG_TEXT } from '../../../electron/shared/contract';
import type { Reply } from '../../../electron/shared/contract';
import { createHandlers, dispatchRequest } from '../../../electron/ipc/handlers';
import type { HandlerDeps, SenderInfo } from '../../../electron/ipc/handlers';
import { realHandlerDeps } from '../../support/handlerDeps';
import { tempTree } from '../../support/tempTree';
import { english } from '../../support/english';

const APP_PAGE = 'file:///opt/Pip%20Doctor/resources/app.asar/out/renderer/index.html';
const APP_FRAME: SenderInfo = { frameUrl: `${APP_PAGE}#/scan`, isMainFrame: true };

function expectRefused(reply: Reply<unknown>, message: RegExp): void {
  expect(reply.ok).toBe(false);
  if (!reply.ok) {
    expect(english(reply.error.message)).toMatch(message);
    expect(reply.error.cause).not.toBeNull();
  }
}

describe('IPC handlers: what they refuse', () => {
  const saveDir = tempTree('handlers');
  const { deps, record } = realHandlerDeps({ appPageUrl: APP_PAGE, saveDir });
  const handlers = createHandlers({ ...deps, send: () => undefined });

  test('there is exactly one handler per contract channel', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(channels).sort());
  });

  test('a request of the wrong shape is refused with a clear message, and names the field', async () => {
    const cases: Array<[keyof typeof handlers, unknown, string]> = [
      ['log:classify', { text: 42 }, 'text'],
      ['log:classify', { text: 'ok', extra: true }, 'extra'],
      ['scan:start', {}, 'logId'],
      ['scan:start', { logText: 'ERROR: x' }, 'logText'],
      ['scan:start', { logId: '/etc/passwd' }, 'logId'],
      ['scan:start', null, ''],
      ['report:markdown', { scanId: 'scan-0123456789abcdef' }, 'includePersonal'],
      ['external:open', { url: 'not a url' }, 'url'],
      ['app:info', { please: 'everything' }, 'please'],
    ];
    for (const [channel, request, field] of cases) {
      const reply = await handlers[channel](request, APP_FRAME);
      expectRefused(reply, /could not understand a request/);
      if (!reply.ok) expect(reply.error.cause).toContain(field);
    }
  });

  test('a channel that is not in the contract is refused, prototype keys included', async () => {
    for (const channel of [
      'fs:read',
      'shell:run',
      '__proto__',
      'constructor',
      'toString',
      42,
      null,
    ]) {
      const reply = await dispatchRequest(handlers, channel, {}, APP_FRAME);
      expectRefused(reply, /does not know/);
    }
    expect((await dispatchRequest(handlers, 'app:info', {}, APP_FRAME)).ok).toBe(true);
  });

  test('a malformed scanId is refused by the schema, an unknown one by the registry', async () => {
    for (const scanId of [
      'scan-1',
      'scan-0123456789ABCDEF',
      '../../etc/passwd',
      'scan-0123456789abcdef0',
    ]) {
      for (const channel of ['scan:result', 'scan:cancel'] as const) {
        expectRefused(await handlers[channel]({ scanId }, APP_FRAME), /could not understand/);
      }
    }
    const unknown = { scanId: 'scan-0123456789abcdef' };
    expectRefused(await handlers['scan:result'](unknown, APP_FRAME), /not known/);
    expectRefused(await handlers['scan:cancel'](unknown, APP_FRAME), /not known/);
    expectRefused(
      await handlers['report:markdown']({ ...unknown, includePersonal: false }, APP_FRAME),
      /not known/,
    );
  });

  test("a frame that is not the app's own page is refused before anything runs", async () => {
    const foreign: SenderInfo[] = [
      { frameUrl: 'https://evil.example/', isMainFrame: true },
      { frameUrl: 'file:///tmp/evil.html', isMainFrame: true },
      {
        frameUrl: 'file:///opt/Pip%20Doctor/resources/app.asar/out/renderer/other.html',
        isMainFrame: true,
      },
      { frameUrl: APP_PAGE, isMainFrame: false },
      { frameUrl: null, isMainFrame: true },
    ];
    for (const sender of foreign) {
      expectRefused(await handlers['clipboard:write']({ text: 'x' }, sender), /own window/);
      expectRefused(await dispatchRequest(handlers, 'app:info', {}, sender), /own window/);
      // Another frame never reads what the user copied.
      expectRefused(await handlers['clipboard:read']({}, sender), /own window/);
    }
    expect(record.clipboard).toEqual([]);
  });

  test('links outside the documentation allowlist are refused; allowed ones open normalised', async () => {
    for (const url of [
      'http://pip.pypa.io/en/stable/',
      'https://pip.pypa.io.evil.example/',
      'https://evil.example/?https://pip.pypa.io/',
      'file:///C:/Windows/System32/calc.exe',
      'https://learn.microsoft.com/en-us/windows/whatever',
    ]) {
      expectRefused(await handlers['external:open']({ url }, APP_FRAME), /only opens links/);
    }
    expect(record.opened).toEqual([]);
    const reply = await handlers['external:open'](
      { url: 'https://PIP.pypa.io/en/stable/user_guide/#user-installs' },
      APP_FRAME,
    );
    expect(reply).toEqual({ ok: true, value: { opened: true } });
    expect(record.opened).toEqual(['https://pip.pypa.io/en/stable/user_guide/#user-installs']);
  });
});

describe('IPC handlers: what they do', () => {
  const saveDir = tempTree('handlers-do');

  test('app:info, log:classify and clipboard:write answer in the contract shape', async () => {
    const { deps, record } = realHandlerDeps({ appPageUrl: APP_PAGE, saveDir });
    const handlers = createHandlers({ ...deps, send: () => undefined });
    const info = await handlers['app:info']({}, APP_FRAME);
    expect(info.ok && channels['app:info'].response.parse(info.value)).toMatchObject({
      name: 'Pip Doctor',
    });

    const log = await handlers['log:classify'](
      {
        text: "ERROR: Could not install packages due to an OSError: [WinError 5] Access is denied: 'C:\\\\Program Files\\\\Python312\\\\Lib\\\\site-packages\\\\numpy'",
      },
      APP_FRAME,
    );
    expect(log.ok && log.value.finding.category).toBe('permission');
    expect(log.ok && log.value.logId).toMatch(/^log-[0-9a-f]{16}$/);

    expect(
      await handlers['clipboard:write']({ text: 'pip install --user numpy' }, APP_FRAME),
    ).toEqual({
      ok: true,
      value: {},
    });
    expect(record.clipboard).toEqual(['pip install --user numpy']);
  });

  test('clipboard:read answers with the text only, keeping the end of a text longer than a log may be', async () => {
    const { deps, record } = realHandlerDeps({ appPageUrl: APP_PAGE, saveDir });
    const handlers = createHandlers({ ...deps, send: () => undefined });
    expect(await handlers['clipboard:read']({}, APP_FRAME)).toEqual({
      ok: true,
      value: { text: '', truncated: false },
    });
    record.clipboard.push('Collecting requests\nERROR: …');
    expect(await handlers['clipboard:read']({}, APP_FRAME)).toEqual({
      ok: true,
      value: { text: 'Collecting requests\nERROR: …', truncated: false },
    });
    // Anything else in the request is refused by the contract: the renderer asks, main decides.
    expectRefused(
      await dispatchRequest(handlers, 'clipboard:read', { format: 'html' }, APP_FRAME),
      /could not understand/,
    );
    record.clipboard.push(`${'x'.repeat(MAX_LOG_TEXT)}ERROR: the end`);
    const long = await handlers['clipboard:read']({}, APP_FRAME);
    expect(long.ok && long.value.truncated).toBe(true);
    expect(long.ok && long.value.text.length).toBe(MAX_LOG_TEXT);
    expect(long.ok && long.value.text.endsWith('ERROR: the end')).toBe(true);
  });

  test('a failing dependency becomes an error reply, never a throw', async () => {
    const { deps } = realHandlerDeps({ appPageUrl: APP_PAGE, saveDir });
    const broken: HandlerDeps = {
      ...deps,
      send: () => undefined,
      writeClipboard: () => {
        throw new Error('clipboard is locked by another program');
      },
    };
    const reply = await createHandlers(broken)['clipboard:write']({ text: 'x' }, APP_FRAME);
    expectRefused(reply, /background process/);
    if (!reply.ok) expect(reply.error.cause).toContain('clipboard is locked');
  });

  test('report:save writes where the dialog said, and a cancelled dialog saves nothing', async () => {
    let userCancels = false;
    // A quick scan: nothing on PATH, an empty project; the fixed locations are still looked at.
    const { deps, record } = realHandlerDeps({
      appPageUrl: APP_PAGE,
      saveDir,
      env: { PATH: saveDir, HOME: saveDir },
      projectDir: saveDir,
    });
    const handlers = createHandlers({
      ...deps,
      chooseSavePath: (name, words) =>
        userCancels ? Promise.resolve(null) : deps.chooseSavePath(name, words),
      send: () => undefined,
    });
    const started = await handlers['scan:start']({ logId: null }, APP_FRAME);
    if (!started.ok) throw new Error(english(started.error.message));
    const request = { scanId: started.value.scanId, includePersonal: false };

    const saved = await handlers['report:save'](request, APP_FRAME);
    expect(saved.ok && saved.value.saved).toBe(true);
    expect(saved.ok && saved.value.fileName).toMatch(/^pip-doctor-report-\d{4}-\d{2}-\d{2}\.md$/);
    expect(record.saved).toHaveLength(1);
    expect(readFileSync(record.saved[0]!, 'utf8')).toMatch(/^# Pip Doctor report\n/);

    userCancels = true;
    expect(await handlers['report:save'](request, APP_FRAME)).toEqual({
      ok: true,
      value: { saved: false, fileName: null },
    });
    expect(record.saved).toHaveLength(1);
  });

  test('a scan names the log by the id log:classify gave; an id main never gave is refused', async () => {
    const { deps } = realHandlerDeps({
      appPageUrl: APP_PAGE,
      saveDir,
      env: { PATH: saveDir, HOME: saveDir },
      projectDir: saveDir,
    });
    const handlers = createHandlers({ ...deps, send: () => undefined });
    const forged = await handlers['scan:start']({ logId: 'log-0123456789abcdef' }, APP_FRAME);
    expect(forged.ok).toBe(false);
    if (!forged.ok) expect(english(forged.error.message)).toMatch(/Paste it again/);

    const classified = await handlers['log:classify'](
      { text: 'error: externally-managed-environment' },
      APP_FRAME,
    );
    if (!classified.ok) throw new Error(english(classified.error.message));
    const started = await handlers['scan:start']({ logId: classified.value.logId }, APP_FRAME);
    if (!started.ok) throw new Error(english(started.error.message));
    const result = await handlers['scan:result']({ scanId: started.value.scanId }, APP_FRAME);
    expect(result.ok && result.value.log).toEqual(classified.value.finding);
  });
});
