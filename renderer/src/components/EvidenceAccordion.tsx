import { useText } from '../i18n/useText';
import { Accordion, makeStyles, tokens } from '@fluentui/react-components';
import type { Diagnosis, RunningProcess } from '../../../electron/shared/model/diagnosis';
import { commandYouRan, failingFileOwner } from '../../../electron/shared/requestedInstall';
import { CONFIDENCE_WORDS, findingBadge } from '../wording/causeWords';
import { FOLDER_ROLE_WORDS, installName } from '../wording/installWords';
import { AclTable } from './AclTable';
import { Expander } from './Expander';
import { FactList } from './FactList';
import { Section } from './Section';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingInlineStart: tokens.spacingHorizontalM,
    // Griffel flips left/right for right-to-left languages by itself.
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
  },
  entryTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  lines: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  pathList: { margin: 0, padding: 0, listStyle: 'none' },
});

function programName(process: RunningProcess): string {
  const program = process.executable ?? process.commandLine.split(' ')[0] ?? '';
  return program.split(/[\\/]/).pop() || 'A program';
}

/** The parents that say something: the chain runs up to pid 1, and only its start matters. */
const PARENTS_SHOWN = 3;

/** "bash (pid 12), started by code (pid 3)": nearest parent first, as the model orders them. */
function parentChain(process: RunningProcess): string | null {
  if (process.parents.length === 0) return null;
  const shown = process.parents
    .slice(0, PARENTS_SHOWN)
    .map((parent) => `${parent.name} (pid ${parent.pid})`)
    .join(', started by ');
  const more = process.parents.length - PARENTS_SHOWN;
  return more > 0 ? `${shown}, and ${more} more` : shown;
}

function FolderEvidence({ diagnosis }: { diagnosis: Diagnosis }) {
  const styles = useStyles();
  const text = useText();
  // Keyed by install and role: two installs can share a folder (a venv and its base's user site).
  const blocked = diagnosis.installs.flatMap((install) =>
    install.folders
      .filter((folder) => folder.writable === false)
      .map((folder) => ({ key: `${install.id}:${folder.role}`, folder, install })),
  );
  return (
    <div className={styles.panel}>
      {blocked.map(({ key, folder, install }) => (
        <div key={key} className={styles.entry}>
          <h4 className={styles.entryTitle}>
            {FOLDER_ROLE_WORDS[folder.role]} folder of {installName(install)}
          </h4>
          <FactList
            facts={[
              { label: 'Folder', value: folder.path, code: true },
              { label: 'Why not', value: folder.reason && text(folder.reason) },
              { label: 'Owner', value: folder.owner, code: true },
              { label: 'Permissions', value: folder.mode, code: true },
              { label: 'Exists', value: folder.exists ? null : 'No, and it could not be created' },
            ]}
          />
          {folder.acl && <AclTable entries={folder.acl} folder={folder.path} />}
        </div>
      ))}
    </div>
  );
}

function HolderEvidence({ holders }: { holders: RunningProcess[] }) {
  const styles = useStyles();
  const text = useText();
  return (
    <div className={styles.panel}>
      {holders.map((holder) => (
        <div key={`${holder.pid}-${holder.startTime}`} className={styles.entry}>
          <h4 className={styles.entryTitle}>
            {programName(holder)} (pid {holder.pid})
          </h4>
          <FactList
            facts={[
              { label: 'Started by', value: holder.startedBy && text(holder.startedBy.phrase) },
              { label: 'Parents', value: parentChain(holder) },
              { label: 'User', value: holder.sameUser ? null : `${holder.user ?? 'another user'}` },
              {
                label: 'Holds',
                code: true,
                value: (
                  <ul className={styles.pathList} aria-label={`Files pid ${holder.pid} holds`}>
                    {holder.holds.map((path) => (
                      <li key={path}>{path}</li>
                    ))}
                  </ul>
                ),
              },
              { label: 'Command', value: holder.commandLine, code: true },
            ]}
          />
        </div>
      ))}
    </div>
  );
}

function LogEvidence({ log }: { log: NonNullable<Diagnosis['log']> }) {
  const styles = useStyles();
  return (
    <div className={styles.panel}>
      <FactList
        facts={[
          { label: 'The error says', value: findingBadge(log) },
          { label: 'How sure', value: CONFIDENCE_WORDS[log.confidence] },
          { label: 'Error', value: log.code, code: true },
          { label: 'You ran', value: commandYouRan(log), code: true },
          { label: 'File', value: log.path, code: true },
          { label: 'Belongs to', value: failingFileOwner(log) },
        ]}
      />
      {log.evidence.length > 0 && (
        <pre className={styles.lines} aria-label="The lines of the log that decided it">
          {log.evidence.join('\n')}
        </pre>
      )}
    </div>
  );
}

/** The facts behind the summary, one click away. */
export function EvidenceAccordion({ diagnosis }: { diagnosis: Diagnosis }) {
  const blockedCount = diagnosis.installs.reduce(
    (count, install) => count + install.folders.filter((f) => f.writable === false).length,
    0,
  );
  const holders = diagnosis.processes.filter((process) => process.holds.length > 0);
  if (blockedCount === 0 && holders.length === 0 && diagnosis.log === null) return null;
  return (
    <Section title="The evidence">
      <Accordion multiple collapsible>
        {blockedCount > 0 && (
          <Expander value="folders" level="h3" title={`Folders pip cannot write (${blockedCount})`}>
            <FolderEvidence diagnosis={diagnosis} />
          </Expander>
        )}
        {holders.length > 0 && (
          <Expander value="holders" level="h3" title={`Programs holding files (${holders.length})`}>
            <HolderEvidence holders={holders} />
          </Expander>
        )}
        {diagnosis.log && (
          <Expander value="log" level="h3" title="Your error message">
            <LogEvidence log={diagnosis.log} />
          </Expander>
        )}
      </Accordion>
    </Section>
  );
}
