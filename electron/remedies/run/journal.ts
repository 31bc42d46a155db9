import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PendingAction } from '../../shared/actionModel';
import { JournalEntrySchema, LegacyPlannedEntrySchema } from './journalEntry';
import type { JournalLine, NewJournalEntry } from './journalEntry';
import { currentBootTime } from '../../platform/bootTime';
import { pendingFromHistories } from './pendingActions';
import { replayEntries } from './replayJournal';
import type { RunHistory } from './replayJournal';

/**
 * The action journal (DESIGN.md rule 6): JSON Lines in the app's data
 * folder, appended to and never rewritten. Each entry is on disk (fsync)
 * before the call that wrote it returns, so an entry written before a step
 * and one written after it bracket whatever a crash, a cancel or a power cut
 * interrupted. Backups an action needs (saved ACLs, the output files of an
 * elevated step) live beside it, one folder per run.
 */

const JOURNAL_FILE = 'journal.jsonl';

export interface JournalContents {
  entries: JournalLine[];
  /** Lines that were not a valid entry: a line torn by a crash mid-write, or damage. */
  skippedLines: number;
}

export class ActionJournal {
  /** `<dataDir>/actions`: the journal and one folder per run. */
  readonly folder: string;
  readonly file: string;
  /** Appends run one after another: two interleaved writes would tear both lines. */
  private queue: Promise<void> = Promise.resolve();
  private ready = false;

  constructor(dataDir: string) {
    this.folder = join(dataDir, 'actions');
    this.file = join(this.folder, JOURNAL_FILE);
  }

  /** The folder a run keeps its backups and elevated output in (created on demand by the steps). */
  runFolder(runId: string): string {
    return join(this.folder, runId);
  }

  async append(entry: NewJournalEntry): Promise<void> {
    const stamped = { v: 1, at: new Date().toISOString(), ...entry };
    // Validated on the way in too: an entry replay would reject must never be written.
    const line = `${JSON.stringify(JournalEntrySchema.parse(stamped))}\n`;
    const write = this.queue.then(() => this.writeLine(line));
    // A failed append fails its caller, not every append after it.
    this.queue = write.catch(() => undefined);
    return write;
  }

  async read(): Promise<JournalContents> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if (isMissing(error)) return { entries: [], skippedLines: 0 };
      throw error;
    }
    const entries: JournalLine[] = [];
    let skippedLines = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const entry = parseLine(line);
      if (entry) entries.push(entry);
      else skippedLines++;
    }
    return { entries, skippedLines };
  }

  async histories(): Promise<Map<string, RunHistory>> {
    return replayEntries((await this.read()).entries);
  }

  async history(runId: string): Promise<RunHistory | null> {
    return (await this.histories()).get(runId) ?? null;
  }

  /** Actions that started and did not end cleanly, newest first, with what can be done about each. */
  async pendingActions(bootTime: Date = currentBootTime()): Promise<PendingAction[]> {
    return pendingFromHistories(await this.histories(), bootTime);
  }

  private async writeLine(line: string): Promise<void> {
    if (!this.ready) {
      await this.prepare();
      this.ready = true;
    }
    const handle = await open(this.file, 'a');
    try {
      await handle.write(line);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /**
   * Makes the folder, and ends a line torn by an earlier crash: the next
   * entry must start on a line of its own, or it would be lost with the torn one.
   */
  private async prepare(): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const handle = await open(this.file, 'a+');
    try {
      const { size } = await handle.stat();
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) {
          await handle.write('\n');
          await handle.sync();
        }
      }
    } finally {
      await handle.close();
    }
    await syncFolder(this.folder);
  }
}

function parseLine(line: string): JournalLine | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = JournalEntrySchema.safeParse(json);
  if (parsed.success) return parsed.data;
  // An older app's plan, commands and all: kept by its title only, so it can be offered for dismissal.
  const legacy = LegacyPlannedEntrySchema.safeParse(json);
  if (!legacy.success) return null;
  const { v, at, runId } = legacy.data;
  return { v, at, runId, type: 'legacy-planned', title: legacy.data.recipe.plan.title };
}

/** Makes a new file's name durable too. Windows cannot open a folder this way; NTFS journals names itself. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the entries themselves are synced.
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
