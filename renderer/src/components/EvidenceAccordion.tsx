import { selectKey } from '../../../electron/shared/i18n/selectKey';
import { useText } from '../i18n/useText';
import { Accordion, makeStyles, tokens } from '@fluentui/react-components';
import { defineMessages, useIntl } from 'react-intl';
import type { IntlShape, NoMessageValues } from 'react-intl';
import type { Diagnosis, RunningProcess } from '../../../electron/shared/model/diagnosis';
import { commandYouRan, failingFileOwner } from '../../../electron/shared/requestedInstall';
import { CONFIDENCE_WORDS, findingBadge } from '../wording/causeWords';
import { installName } from '../wording/installWords';
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

const words = defineMessages<{
  evidence: NoMessageValues;
  someProgram: NoMessageValues;
  folder: NoMessageValues;
  whyNot: NoMessageValues;
  owner: NoMessageValues;
  permissions: NoMessageValues;
  exists: NoMessageValues;
  notCreated: NoMessageValues;
  startedBy: NoMessageValues;
  parents: NoMessageValues;
  user: NoMessageValues;
  anotherUser: NoMessageValues;
  holds: NoMessageValues;
  command: NoMessageValues;
  errorSays: NoMessageValues;
  howSure: NoMessageValues;
  error: NoMessageValues;
  youRan: NoMessageValues;
  file: NoMessageValues;
  belongsTo: NoMessageValues;
  logLines: NoMessageValues;
  yourError: NoMessageValues;
  folderTitle: { role: string; install: string };
  process: { program: string; pid: string };
  startedByChain: { program: string; parent: string };
  andMore: { shown: string; count: number };
  holdsFiles: { pid: string };
  foldersTitle: { count: number };
  holdersTitle: { count: number };
}>({
  evidence: {
    id: 'ui.evidence.title',
    defaultMessage: 'The evidence',
    description: 'Heading of the facts behind the diagnosis, on the findings step',
  },
  someProgram: {
    id: 'ui.evidence.someProgram',
    defaultMessage: 'A program',
    description: 'Name of a program holding a file, when its file name could not be read',
  },
  folder: {
    id: 'ui.evidence.folder',
    defaultMessage: 'Folder',
    description: 'Label: a folder path',
  },
  whyNot: {
    id: 'ui.evidence.whyNot',
    defaultMessage: 'Why not',
    description: 'Label: why pip cannot write into the folder',
  },
  owner: {
    id: 'ui.evidence.owner',
    defaultMessage: 'Owner',
    description: "Label: the folder's owner (a user name)",
  },
  permissions: {
    id: 'ui.evidence.permissions',
    defaultMessage: 'Permissions',
    description: "Label: the folder's permission bits, such as drwxr-xr-x",
  },
  exists: {
    id: 'ui.evidence.exists',
    defaultMessage: 'Exists',
    description: 'Label: whether the folder exists',
  },
  notCreated: {
    id: 'ui.evidence.notCreated',
    defaultMessage: 'No, and it could not be created',
    description: 'Beside "Exists": the folder does not exist and could not be made',
  },
  startedBy: {
    id: 'ui.evidence.startedBy',
    defaultMessage: 'Started by',
    description: 'Label: what started the program that holds a file (an editor, a terminal…)',
  },
  parents: {
    id: 'ui.evidence.parents',
    defaultMessage: 'Parents',
    description: 'Label: the chain of programs that started this one',
  },
  user: {
    id: 'ui.evidence.user',
    defaultMessage: 'User',
    description: 'Label: the user account the program runs as',
  },
  anotherUser: {
    id: 'ui.evidence.anotherUser',
    defaultMessage: 'another user',
    description: 'Beside "User", when the user name could not be read',
  },
  holds: {
    id: 'ui.evidence.holds',
    defaultMessage: 'Holds',
    description: 'Label: the files the program has open',
  },
  command: {
    id: 'ui.evidence.command',
    defaultMessage: 'Command',
    description: "Label: the program's command line",
  },
  errorSays: {
    id: 'ui.evidence.errorSays',
    defaultMessage: 'The error says',
    description: "Label: the kind of error read from pip's message",
  },
  howSure: {
    id: 'ui.evidence.howSure',
    defaultMessage: 'How sure',
    description: 'Label: how sure Pip Doctor is of that reading',
  },
  error: {
    id: 'ui.evidence.error',
    defaultMessage: 'Error',
    description: "Label: the error's code, such as WinError 5 or Errno 13",
  },
  youRan: {
    id: 'ui.evidence.youRan',
    defaultMessage: 'You ran',
    description: 'Label: the pip command the user ran',
  },
  file: {
    id: 'ui.evidence.file',
    defaultMessage: 'File',
    description: 'Label: the file pip failed on',
  },
  belongsTo: {
    id: 'ui.evidence.belongsTo',
    defaultMessage: 'Belongs to',
    description: 'Label: the package whose file pip failed on',
  },
  logLines: {
    id: 'ui.evidence.logLines',
    defaultMessage: 'The lines of the log that decided it',
    description:
      "Screen reader name of the box with the lines of pip's output that decided the cause",
  },
  yourError: {
    id: 'ui.evidence.yourError',
    defaultMessage: 'Your error message',
    description: "Heading of the part of the evidence about pip's error message",
  },
  folderTitle: {
    id: 'ui.evidence.folderTitle',
    defaultMessage:
      '{role, select, purelib {Packages folder of {install}} platlib {Compiled packages folder of {install}} scripts {Commands (Scripts) folder of {install}} userSite {Your user packages folder of {install}} userScripts {Your user commands folder of {install}} other {The folder pip failed in ({install})}}',
    description:
      'Heading of a folder pip cannot write; {install} names the Python, such as "Python 3.12, virtual environment"',
  },
  process: {
    id: 'ui.evidence.process',
    defaultMessage: '{program} (pid {pid})',
    description: 'A running program and its process id, such as "python.exe (pid 8840)"',
  },
  startedByChain: {
    id: 'ui.evidence.startedByChain',
    defaultMessage: '{program}, started by {parent}',
    description:
      'A chain of programs, each started by the next: "bash (pid 12), started by code (pid 3)"',
  },
  andMore: {
    id: 'ui.evidence.andMore',
    defaultMessage: '{shown}, and {count, plural, one {# more} other {# more}}',
    description: 'The chain of programs above, cut short: {count} more programs are not shown',
  },
  holdsFiles: {
    id: 'ui.evidence.holdsFiles',
    defaultMessage: 'Files pid {pid} holds',
    description: 'Screen reader name of the list of files a process has open; {pid} is its id',
  },
  foldersTitle: {
    id: 'ui.evidence.foldersTitle',
    defaultMessage: 'Folders pip cannot write ({count})',
    description: 'Heading; {count} is how many folders',
  },
  holdersTitle: {
    id: 'ui.evidence.holdersTitle',
    defaultMessage: 'Programs holding files ({count})',
    description: 'Heading; {count} is how many programs hold files pip needs',
  },
});

function programName(intl: IntlShape, process: RunningProcess): string {
  const program = process.executable ?? process.commandLine.split(' ')[0] ?? '';
  return program.split(/[\\/]/).pop() || intl.formatMessage(words.someProgram);
}

/** The parents that say something: the chain runs up to pid 1, and only its start matters. */
const PARENTS_SHOWN = 3;

/** "bash (pid 12), started by code (pid 3)": nearest parent first, as the model orders them. */
function parentChain(intl: IntlShape, process: RunningProcess): string | null {
  if (process.parents.length === 0) return null;
  const named = process.parents
    .slice(0, PARENTS_SHOWN)
    .map((parent) =>
      intl.formatMessage(words.process, { program: parent.name, pid: String(parent.pid) }),
    );
  // Each link is one whole sentence with the chain so far as its value, so a language may reorder it.
  const shown = named.reduce((chain, parent) =>
    intl.formatMessage(words.startedByChain, { program: chain, parent }),
  );
  const more = process.parents.length - PARENTS_SHOWN;
  return more > 0 ? intl.formatMessage(words.andMore, { shown, count: more }) : shown;
}

function FolderEvidence({ diagnosis }: { diagnosis: Diagnosis }) {
  const styles = useStyles();
  const intl = useIntl();
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
            {intl.formatMessage(words.folderTitle, {
              role: selectKey(folder.role),
              install: text(installName(install)),
            })}
          </h4>
          <FactList
            facts={[
              { label: intl.formatMessage(words.folder), value: folder.path, code: true },
              {
                label: intl.formatMessage(words.whyNot),
                value: folder.reason && text(folder.reason),
              },
              { label: intl.formatMessage(words.owner), value: folder.owner, code: true },
              { label: intl.formatMessage(words.permissions), value: folder.mode, code: true },
              {
                label: intl.formatMessage(words.exists),
                value: folder.exists ? null : intl.formatMessage(words.notCreated),
              },
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
  const intl = useIntl();
  const text = useText();
  return (
    <div className={styles.panel}>
      {holders.map((holder) => (
        <div key={`${holder.pid}-${holder.startTime}`} className={styles.entry}>
          <h4 className={styles.entryTitle}>
            {intl.formatMessage(words.process, {
              program: programName(intl, holder),
              // A pid is an id, not a quantity: text, so that no language groups its digits.
              pid: String(holder.pid),
            })}
          </h4>
          <FactList
            facts={[
              {
                label: intl.formatMessage(words.startedBy),
                value: holder.startedBy && text(holder.startedBy.phrase),
              },
              { label: intl.formatMessage(words.parents), value: parentChain(intl, holder) },
              {
                label: intl.formatMessage(words.user),
                value: holder.sameUser
                  ? null
                  : (holder.user ?? intl.formatMessage(words.anotherUser)),
              },
              {
                label: intl.formatMessage(words.holds),
                code: true,
                value: (
                  <ul
                    className={styles.pathList}
                    aria-label={intl.formatMessage(words.holdsFiles, { pid: String(holder.pid) })}
                  >
                    {holder.holds.map((path) => (
                      <li key={path}>{path}</li>
                    ))}
                  </ul>
                ),
              },
              { label: intl.formatMessage(words.command), value: holder.commandLine, code: true },
            ]}
          />
        </div>
      ))}
    </div>
  );
}

function LogEvidence({ log }: { log: NonNullable<Diagnosis['log']> }) {
  const styles = useStyles();
  const intl = useIntl();
  const text = useText();
  const owner = failingFileOwner(log);
  return (
    <div className={styles.panel}>
      <FactList
        facts={[
          { label: intl.formatMessage(words.errorSays), value: text(findingBadge(log)) },
          {
            label: intl.formatMessage(words.howSure),
            value: text(CONFIDENCE_WORDS[log.confidence]),
          },
          { label: intl.formatMessage(words.error), value: log.code, code: true },
          { label: intl.formatMessage(words.youRan), value: commandYouRan(log), code: true },
          { label: intl.formatMessage(words.file), value: log.path, code: true },
          { label: intl.formatMessage(words.belongsTo), value: owner && text(owner) },
        ]}
      />
      {log.evidence.length > 0 && (
        <pre className={styles.lines} aria-label={intl.formatMessage(words.logLines)}>
          {log.evidence.join('\n')}
        </pre>
      )}
    </div>
  );
}

/** The facts behind the summary, one click away. */
export function EvidenceAccordion({ diagnosis }: { diagnosis: Diagnosis }) {
  const intl = useIntl();
  const blockedCount = diagnosis.installs.reduce(
    (count, install) => count + install.folders.filter((f) => f.writable === false).length,
    0,
  );
  const holders = diagnosis.processes.filter((process) => process.holds.length > 0);
  if (blockedCount === 0 && holders.length === 0 && diagnosis.log === null) return null;
  return (
    <Section title={intl.formatMessage(words.evidence)}>
      <Accordion multiple collapsible>
        {blockedCount > 0 && (
          <Expander
            value="folders"
            level="h3"
            title={intl.formatMessage(words.foldersTitle, { count: blockedCount })}
          >
            <FolderEvidence diagnosis={diagnosis} />
          </Expander>
        )}
        {holders.length > 0 && (
          <Expander
            value="holders"
            level="h3"
            title={intl.formatMessage(words.holdersTitle, { count: holders.length })}
          >
            <HolderEvidence holders={holders} />
          </Expander>
        )}
        {diagnosis.log && (
          <Expander value="log" level="h3" title={intl.formatMessage(words.yourError)}>
            <LogEvidence log={diagnosis.log} />
          </Expander>
        )}
      </Accordion>
    </Section>
  );
}
