import fc from 'fast-check';
import type { SenderInfo } from '../../../../electron/ipc/handlers';
import { MAX_LOG_TEXT } from '../../../../electron/shared/contract';
import type { Channel } from '../../../../electron/shared/contract';
import { REMEDIES } from '../../../../electron/shared/model/vocabulary';

/**
 * Messages a compromised renderer could send over IPC, per channel: random
 * values, and the channel's own valid request mutated (extra fields, fields
 * of the wrong type, huge strings, ids from an older scan, pids that are not
 * in the scan). Every string the fuzz makes up carries CANARY, so a spawn,
 * a kill or a file write that took a renderer-chosen argument is found by
 * looking for it.
 */
export const CANARY = 'FuZzCaNaRy';

/**
 * Pids no process has here: above what the scan listed and below Linux's
 * largest pid_max (2^22), so a foreign pid cannot be an existing process.
 */
export const FOREIGN_PID = { min: 4_000_000, max: 4_194_303 } as const;

/** What the fuzz knows from real scans: ids main issued, now and before. */
export interface KnownIds {
  latestScanId: string;
  olderScanId: string;
  installIds: string[];
  /** A log main classified; a scan started from it would be real work, so fuzzed requests never name it. */
  logId: string;
  /** A plan main built from the older scan: stale now. */
  stalePlanId: string;
  /** A process the latest scan lists, as pid and start time. */
  holder: { pid: number; startTime: string };
  folderId: string;
}

export interface FuzzMessage {
  request: unknown;
  sender: SenderInfo;
  /** The sender is the app's own top frame. */
  trusted: boolean;
}

const hex16 = fc.stringMatching(/^[0-9a-f]{16}$/);
const canaryText = fc.string({ maxLength: 40 }).map((text) => `${text}${CANARY}`);
/** Just past the contract's limit, made once: 10,000 fresh 20 MB strings would be the test's whole time. */
const HUGE = `${CANARY}${'x'.repeat(MAX_LOG_TEXT)}`;
const foreignPid = fc.integer(FOREIGN_PID);

/** Values a wrong field may get: every JSON and structured-clone kind, and the attacker's favourites. */
function wrongValue(known: KnownIds): fc.Arbitrary<unknown> {
  return fc.oneof(
    canaryText,
    fc.constant(HUGE),
    fc.constantFrom(
      `../../${CANARY}`,
      `/etc/${CANARY}`,
      `C:\\Windows\\${CANARY}`,
      `\\\\attacker\\share\\${CANARY}`,
      `$(touch /tmp/${CANARY})`,
      `; rm -rf ~ #${CANARY}`,
      `--index-url=https://${CANARY}.example/`,
      `${known.olderScanId}${CANARY}`,
    ),
    fc.constantFrom(known.olderScanId, known.latestScanId, known.stalePlanId, known.folderId),
    foreignPid,
    fc.constantFrom(-1, 0, 1.5, Number.NaN, Infinity, -Infinity, 2 ** 53, known.holder.pid),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(canaryText, { maxLength: 3 }),
    fc.dictionary(canaryText, canaryText, { maxKeys: 3 }),
    fc.anything({ maxDepth: 2 }),
  );
}

/** A valid request of each channel, with ids that look right: main issued them, or they have the right form. */
function wellFormed(channel: Channel, known: KnownIds): fc.Arbitrary<Record<string, unknown>> {
  const scanId = fc.oneof(
    fc.constantFrom(known.latestScanId, known.olderScanId),
    hex16.map((hex) => `scan-${hex}`),
  );
  const runId = fc.oneof(
    fc.constant(known.stalePlanId),
    hex16.map((hex) => `act-${hex}`),
  );
  const installId = fc.oneof(fc.constantFrom(...known.installIds), canaryText);
  const processRef = fc.oneof(
    fc.record({ pid: foreignPid, startTime: canaryText }),
    fc.record({ pid: fc.constant(known.holder.pid), startTime: canaryText }),
    fc.constant(known.holder),
  );
  switch (channel) {
    case 'app:info':
    case 'language:get':
    case 'clipboard:read':
    case 'action:pending':
    case 'folder:choose':
      return fc.constant({});
    case 'language:set':
      return fc.record({
        locale: fc.oneof(
          fc.constantFrom('de', 'zh-Hans', 'en-XA'),
          fc.constantFrom('../../etc/passwd', 'de-DE', 'xx', `${CANARY}`),
        ),
      });
    case 'log:classify':
    case 'clipboard:write':
      return fc.record({ text: canaryText });
    case 'scan:start':
      // Never null or the known log: those start a real scan of the machine, which is the
      // app working as meant, not a message to refuse.
      return fc.record({ logId: hex16.map((hex) => `log-${hex}`) });
    case 'scan:cancel':
    case 'scan:result':
      return fc.record({ scanId });
    case 'report:markdown':
    case 'report:save':
      return fc.record({ scanId, includePersonal: fc.boolean() });
    case 'external:open':
      return fc.record({
        url: fc.oneof(
          // Built from parts: fc.webUrl() costs about a millisecond a URL.
          fc
            .tuple(
              fc.constantFrom('https', 'http', 'file', 'ftp', 'ms-settings', 'javascript'),
              fc.constantFrom(
                'pip.pypa.io',
                'docs.python.org',
                'learn.microsoft.com',
                'pip.pypa.io.evil.example',
                'user@pip.pypa.io',
                'pip.pypa.io:8443',
                'evil.example',
                '127.0.0.1',
              ),
              fc.string({ maxLength: 30 }),
            )
            .map(([scheme, host, path]) => `${scheme}://${host}/${encodeURI(path)}#${CANARY}`),
          fc.constantFrom(
            `file:///etc/${CANARY}`,
            `https://pip.pypa.io.${CANARY}.example/`,
            `https://${CANARY}@pip.pypa.io/`,
            `javascript:alert('${CANARY}')`,
            `ms-settings:${CANARY}`,
          ),
        ),
      });
    case 'action:holders':
      return fc.record({ scanId, installId });
    case 'action:plan':
      return fc.record(
        {
          scanId,
          remedy: fc.constantFrom(...REMEDIES),
          installId,
          packageName: fc.oneof(fc.constant(`requests${CANARY}`), canaryText),
          baseInstallId: installId,
          venvFolder: fc.oneof(
            fc.constant('project'),
            fc.record({ pickedFolderId: hex16.map((hex) => `folder-${hex}`) }),
          ),
          processes: fc.array(processRef, { maxLength: 4 }),
          folderRole: fc.constantFrom('purelib', 'platlib', 'scripts'),
          dryRunFirst: fc.boolean(),
        },
        { requiredKeys: ['scanId', 'remedy', 'installId'] },
      );
    case 'action:run':
      return fc.record({ planId: runId });
    case 'action:consent':
      return fc.record({ runId, stepId: canaryText, agreed: fc.boolean() });
    case 'action:cancel':
    case 'action:result':
    case 'action:undo':
    case 'action:resume':
    case 'action:resume-plan':
    case 'action:dismiss':
      return fc.record({ runId });
    // Only a fix whose checks passed in this session may be run again: none has here.
    case 'rerun:plan':
    case 'rerun:start':
      return fc.record({ runId });
    case 'rerun:result':
    case 'rerun:cancel':
      return fc.record({ rerunId: hex16.map((hex) => `rerun-${hex}`) });
  }
}

/** One change to a valid request: a field added, replaced or removed. */
function mutated(
  base: fc.Arbitrary<Record<string, unknown>>,
  known: KnownIds,
): fc.Arbitrary<unknown> {
  const extraKey = fc.oneof(
    fc.constantFrom('command', 'program', 'args', 'path', 'cwd', 'elevation', 'pid', '__proto__'),
    canaryText,
  );
  return fc.oneof(
    fc
      .tuple(base, extraKey, wrongValue(known))
      .map(([request, key, value]) => Object.assign({ ...request }, { [key]: value })),
    fc.tuple(base, fc.nat(), wrongValue(known)).map(([request, index, value]) => {
      const keys = Object.keys(request);
      if (keys.length === 0) return value;
      return { ...request, [keys[index % keys.length]!]: value };
    }),
    fc.tuple(base, fc.nat()).map(([request, index]) => {
      const keys = Object.keys(request);
      const dropped = keys[index % Math.max(keys.length, 1)];
      return Object.fromEntries(Object.entries(request).filter(([key]) => key !== dropped));
    }),
  );
}

function sender(appPageUrl: string): fc.Arbitrary<{ sender: SenderInfo; trusted: boolean }> {
  const trusted = { sender: { frameUrl: appPageUrl, isMainFrame: true }, trusted: true };
  const page = new URL(appPageUrl);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(trusted) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<SenderInfo>(
          { frameUrl: appPageUrl, isMainFrame: false },
          { frameUrl: null, isMainFrame: true },
          { frameUrl: `https://${CANARY}.example/`, isMainFrame: true },
          { frameUrl: `file:///tmp/${CANARY}/index.html`, isMainFrame: true },
          { frameUrl: `app://${CANARY}${page.pathname}`, isMainFrame: true },
          { frameUrl: `${page.protocol}//${page.host}/${CANARY}.html`, isMainFrame: true },
          { frameUrl: 'about:blank', isMainFrame: true },
        )
        .map((info) => ({ sender: info, trusted: false })),
    },
  );
}

/**
 * A scan:start the app's window may send: a null or known logId starts a
 * real scan of the machine, which is the app working as meant (and would
 * make the fuzz's latest scan older), so the fuzz sends none of those.
 */
function startsRealScan(channel: Channel, message: FuzzMessage, known: KnownIds): boolean {
  if (channel !== 'scan:start' || !message.trusted) return false;
  const request = message.request;
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return false;
  const keys = Object.keys(request);
  const logId = (request as { logId?: unknown }).logId;
  return keys.length === 1 && keys[0] === 'logId' && (logId === null || logId === known.logId);
}

/** Random and mutated messages for one channel, from any sender. */
export function fuzzMessages(
  channel: Channel,
  known: KnownIds,
  appPageUrl: string,
): fc.Arbitrary<FuzzMessage> {
  const base = wellFormed(channel, known);
  const request = fc.oneof(
    { weight: 2, arbitrary: base },
    { weight: 5, arbitrary: mutated(base, known) },
    { weight: 2, arbitrary: wrongValue(known) },
  );
  return fc
    .tuple(request, sender(appPageUrl))
    .map(([value, from]) => ({ request: value, sender: from.sender, trusted: from.trusted }))
    .filter((message) => !startsRealScan(channel, message, known));
}
