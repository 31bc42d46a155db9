import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../../../electron/engine/diagnose/diagnose';
import { REMEDY_CATALOG } from '../../../../electron/remedies/registry';
import type { Diagnosis } from '../../../../electron/shared/model/diagnosis';
import {
  RECORDED_WINDOWS_MACHINES,
  WINDOWS_FIXTURES,
  loadRecordedMachine,
  recordedRun,
} from '../../platform/windows/support/recordedMachine';

export { RECORDED_WINDOWS_MACHINES };

/**
 * The real engine's diagnosis of a recorded Windows machine. `holdersGone`:
 * the same machine a moment later, after the user closed every program
 * that held the files (the Restart Manager names none any more).
 */
export async function diagnoseRecorded(
  situation: string,
  { holdersGone = false } = {},
): Promise<Diagnosis> {
  const machine = loadRecordedMachine(
    situation,
    holdersGone ? { powershell: () => probeWithoutHolders(situation) } : {},
  );
  return diagnose(machine.probe, {
    projectDir: machine.setup.projectDir,
    extraPythons: [],
    env: machine.env,
    log: machine.log,
    remedies: REMEDY_CATALOG,
  });
}

/** The recorded probe output without the programs that held files: they were closed, so gone from every section. */
function probeWithoutHolders(situation: string) {
  const lines = readFileSync(join(WINDOWS_FIXTURES, situation, 'probe.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const sections = lines.map((line) => JSON.parse(line) as ProbeSection);
  const closed = new Set(
    sections.flatMap((section) =>
      (section.restartManager?.queries ?? []).flatMap((query) => query.processes.map((p) => p.pid)),
    ),
  );
  for (const section of sections) {
    for (const query of section.restartManager?.queries ?? []) query.processes = [];
    if (section.loadedModules)
      section.loadedModules.processes = section.loadedModules.processes.filter(
        (p) => !closed.has(p.pid),
      );
    if (section.processes)
      section.processes.items = section.processes.items.filter((p) => !closed.has(p.pid));
  }
  return recordedRun(`${sections.map((section) => JSON.stringify(section)).join('\r\n')}\r\n`);
}

/** The parts of the probe's JSON lines that name running programs. */
interface ProbeSection {
  restartManager?: { queries: Array<{ processes: Array<{ pid: number }> }> };
  loadedModules?: { processes: Array<{ pid: number }> };
  processes?: { items: Array<{ pid: number }> };
}
