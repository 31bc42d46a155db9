import { failedDocument } from './probeDocument';
import type { ProbeDocument, SectionName } from './probeDocument';
import type { ProbeRequest } from './probeScript';

/**
 * One PowerShell run per scan (DESIGN.md rule 4), although the engine asks
 * its questions one at a time and some only become askable late.
 *
 * What diagnose() asks, in order: isElevated() and systemSettings() first,
 * then discoverInterpreters(), one probeInterpreter() per interpreter,
 * checkFolder() for each folder as each interpreter answers, listProcesses(),
 * and last findHolders(prefixes, failingPaths), the first call that knows
 * the install folders and the failing path. Starting PowerShell (0.3–1.5 s,
 * plus compiling the Restart Manager's C#) for each of those would cost
 * seconds; so every call joins the current session instead:
 *
 * - each call adds what it needs to the session's request (sections,
 *   folders whose ACL explains a refusal, executables, install folders,
 *   failing paths) and waits for the session's one document;
 * - the run starts when findHolders() is called, after the folder checks
 *   still in flight have added their folders (write probes take
 *   milliseconds), so the one run also explains every folder that refused;
 * - a caller that never scans for holders (a single checkFolder() to verify
 *   a fix, or isElevated() alone) still gets an answer: the run also starts
 *   once a caller waits and nothing that could add to the request
 *   (discovery, an interpreter probe, a write probe) is in flight, checked
 *   on the next turn of the event loop;
 * - once a session's run has started, the next call begins a new session:
 *   one app, many scans. describeProcesses() is the exception: it is given
 *   the process table of a finished run and answers from that run's
 *   document.
 *
 * Correctness never depends on this timing: a question that arrives too
 * late is answered by a second run, only slower. The tests drive the real
 * diagnose() and count the runs.
 */
export class ScanSession {
  private readonly request = {
    sections: new Set<SectionName>(),
    folders: new Set<string>(),
    priorityPaths: new Set<string>(),
    holderRoots: new Set<string>(),
    interpreters: new Set<string>(),
  };
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly answer: Promise<ProbeDocument>;
  private deliver!: (document: ProbeDocument) => void;
  private started = false;
  private waiting = false;
  private signal: AbortSignal | undefined;

  constructor(
    private readonly execute: (
      request: ProbeRequest,
      signal: AbortSignal | undefined,
    ) => Promise<ProbeDocument>,
    private readonly nextTurn: (callback: () => void) => void = setImmediate,
  ) {
    this.answer = new Promise((resolve) => (this.deliver = resolve));
  }

  /** Whether this session's run has begun: later questions belong to a new session. */
  get hasStarted(): boolean {
    return this.started;
  }

  /** Work that may still add to the request; the idle start waits for it. */
  track<T>(work: Promise<T>): Promise<T> {
    const tracked = work.finally(() => {
      this.inFlight.delete(tracked);
      if (this.inFlight.size === 0 && this.waiting) this.nextTurn(() => this.startIfIdle());
    });
    this.inFlight.add(tracked);
    return tracked;
  }

  addFolder(path: string): void {
    this.request.folders.add(path);
  }

  addInterpreter(path: string): void {
    this.request.interpreters.add(path);
  }

  /** The document, with these sections in it; starts the run once nothing can add to it any more. */
  picture(...sections: SectionName[]): Promise<ProbeDocument> {
    for (const section of sections) this.request.sections.add(section);
    if (!this.started && !this.waiting) {
      this.waiting = true;
      this.nextTurn(() => this.startIfIdle());
    }
    return this.answer;
  }

  /** findHolders: the last question of a scan, so the run starts as soon as the folder checks have added theirs. */
  async pictureWithHolders(
    holderRoots: readonly string[],
    priorityPaths: readonly string[],
    signal: AbortSignal | undefined,
  ): Promise<ProbeDocument> {
    for (const root of holderRoots) this.request.holderRoots.add(root);
    for (const path of priorityPaths) this.request.priorityPaths.add(path);
    for (const section of ['restartManager', 'loadedModules', 'processes'] as const)
      this.request.sections.add(section);
    this.signal = signal;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    this.start();
    return this.answer;
  }

  private startIfIdle(): void {
    if (!this.started && this.inFlight.size === 0) this.start();
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    const request: ProbeRequest = {
      sections: [...this.request.sections],
      folders: [...this.request.folders],
      priorityPaths: [...this.request.priorityPaths],
      holderRoots: [...this.request.holderRoots],
      interpreters: [...this.request.interpreters],
    };
    void this.execute(request, this.signal).then(this.deliver, (error: unknown) =>
      this.deliver(failedDocument(`The Windows probe failed: ${String(error)}`)),
    );
  }
}

/** The session questions join: the current one until its run starts, then a fresh one. */
export class ScanSessions {
  private current: ScanSession;

  constructor(private readonly create: () => ScanSession) {
    this.current = create();
  }

  session(): ScanSession {
    if (this.current.hasStarted) this.current = this.create();
    return this.current;
  }
}
