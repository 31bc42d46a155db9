import { randomBytes } from 'node:crypto';
import type { LogFinding } from '../shared/model/logFinding';
import { UserFacingError } from '../shared/userFacingError';
import { defineMessages } from '@formatjs/intl';
import { msg } from '../shared/i18n/message';

const refusals = defineMessages({
  unknownLog: {
    id: 'error.log.unknown',
    defaultMessage:
      'Pip Doctor no longer has the error you pasted (the app may have restarted). Paste it again, then check again.',
  },
});

/** The renderer reclassifies as the user edits: the last few readings are enough to scan with. */
const KEEP = 8;

/**
 * Logs main has classified, by the id it gave the renderer: the pasted text
 * (up to 20 MB) crosses IPC once and is classified once; a scan names the
 * finding by its id (DESIGN.md rule 2) instead of sending the text again.
 */
export class ClassifiedLogs {
  private readonly findings = new Map<string, LogFinding>();

  remember(finding: LogFinding): string {
    const logId = `log-${randomBytes(8).toString('hex')}`;
    this.findings.set(logId, finding);
    while (this.findings.size > KEEP) this.findings.delete(this.findings.keys().next().value!);
    return logId;
  }

  finding(logId: string): LogFinding {
    const finding = this.findings.get(logId);
    if (!finding) {
      throw new UserFacingError(msg(refusals.unknownLog), `unknown logId ${logId}`);
    }
    return finding;
  }
}
