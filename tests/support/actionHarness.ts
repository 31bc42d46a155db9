import { randomBytes } from 'node:crypto';
import { mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { ActionService } from '../../electron/remedies/run/actionService';
import type { ActionServiceOptions } from '../../electron/remedies/run/actionService';
import type { ActionProgress } from '../../electron/shared/actionModel';
import type { PlanRequest } from '../../electron/shared/planRequest';
import { diagnose } from '../../electron/engine/diagnose/diagnose';
import type { Diagnosis } from '../../electron/shared/model/diagnosis';
import { createPosixSystemProbe } from '../../electron/platform/posix/posixSystemProbe';
import { REMEDY_CATALOG } from '../../electron/remedies/registry';

/** Debian's Python: present in CI, and runnable by uid 65534 (pyenv's live under root's 0700 home). */
export { SYSTEM_PYTHON } from './pythonHolder';

export interface Harness {
  service: ActionService;
  events: ActionProgress[];
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** A real scan of this machine (plus the given interpreters), made the service's latest. */
  scan(extraPythons: string[], edit?: (diagnosis: Diagnosis) => Diagnosis): Promise<Scan>;
}

export interface Scan {
  scanId: string;
  diagnosis: Diagnosis;
  /** A request for this scan, with the given fields. */
  request(fields: Omit<PlanRequest, 'scanId'>): PlanRequest;
  installOf(executable: string): Diagnosis['installs'][number];
}

/**
 * The action service as main builds it, on the real POSIX backend, with a
 * data folder of its own and every progress event collected. pip finds
 * packages only in `wheelDir` (no index: the network is not reachable).
 */
export function createHarness(
  root: string,
  options: {
    wheelDir?: string;
    env?: NodeJS.ProcessEnv;
    homeDir?: string;
    projectDir?: string;
    onProgress?: (event: ActionProgress, service: ActionService) => void;
    extra?: Partial<ActionServiceOptions>;
  } = {},
): Harness {
  const dataDir = join(root, `data-${randomBytes(4).toString('hex')}`);
  mkdirSync(dataDir, { recursive: true });
  const env = { ...process.env, ...options.env };
  const events: ActionProgress[] = [];
  const probe = createPosixSystemProbe(env);
  const service: ActionService = new ActionService({
    probe,
    dataDir,
    env,
    projectDir: options.projectDir ?? root,
    homeDir: options.homeDir ?? root,
    pipSourceArgs: options.wheelDir ? ['--no-index', '--find-links', options.wheelDir] : [],
    onProgress: (event) => {
      events.push(event);
      options.onProgress?.(event, service);
    },
    ...options.extra,
  });
  let scans = 0;
  return {
    service,
    events,
    dataDir,
    env,
    async scan(extraPythons, edit = (diagnosis) => diagnosis) {
      const diagnosis = edit(
        await diagnose(probe, {
          projectDir: options.projectDir ?? root,
          extraPythons,
          env,
          log: null,
          remedies: REMEDY_CATALOG,
        }),
      );
      const scanId = `scan-${(++scans).toString(16).padStart(16, '0')}`;
      service.useDiagnosis(scanId, diagnosis);
      return {
        scanId,
        diagnosis,
        request: (fields) => ({ scanId, ...fields }),
        installOf(executable) {
          // By the file it runs: a scan names an interpreter by whichever of its paths it met first.
          const real = realpathSync(executable);
          const install =
            diagnosis.installs.find((candidate) => candidate.executable === executable) ??
            diagnosis.installs.find(
              (candidate) =>
                candidate.kind !== 'venv' && realpathSync(candidate.executable) === real,
            );
          if (!install) throw new Error(`${executable} is not in the scan`);
          return install;
        },
      };
    },
  };
}
