import type { ElevationFacts, PlannedRun } from '../../platform/elevation';
import { administratorRun, elevatedOutputDir } from '../../platform/elevation';
import type { OsTraits } from '../../platform/osTraits';
import { restoreAcl } from '../../platform/windows/icacls';
import { inTurn } from '../../platform/windows/powershell';
import { TOOL_TIMEOUT_MS } from '../planning/planContext';

/**
 * `icacls /restore` of each saved backup onto its folder's parent, as
 * administrator, one after the other. One builder for the plan and for an
 * Undo after a restart, so both run the same command from the same facts.
 */
export function restoreRun(
  elevation: ElevationFacts,
  os: OsTraits,
  folders: readonly string[],
  backupFiles: readonly string[],
  runFolder: string,
): PlannedRun {
  return administratorRun(
    inTurn(
      elevation.systemRoot,
      folders.map((dir, index) =>
        restoreAcl(elevation.systemRoot, os.paths.dirname(dir), backupFiles[index]!),
      ),
    ),
    elevation,
    elevatedOutputDir(runFolder, 'restore', os.platform),
    'oem',
    TOOL_TIMEOUT_MS,
  )!;
}
