import { useText } from '../i18n/useText';
import type { Message } from '../../../electron/shared/i18n/message';
import { Accordion, Badge, makeStyles, tokens } from '@fluentui/react-components';
import { Expander } from './Expander';
import type { Diagnosis, PythonInstall } from '../../../electron/shared/model/diagnosis';
import { FOLDER_ROLE_WORDS, PROBE_STATUS_WORDS, installName } from '../wording/installWords';
import { Panel } from './Panel';
import { useListStyles } from './listStyles';
import { Section } from './Section';
import { useTitleRowStyles } from './listStyles';

const useStyles = makeStyles({
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  path: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  problems: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  fine: { margin: 0, color: tokens.colorNeutralForeground2 },
  more: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  moreList: {
    margin: 0,
    marginTop: tokens.spacingVerticalS,
    paddingInlineStart: tokens.spacingHorizontalXL,
    overflowWrap: 'anywhere',
  },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

interface Problem {
  text: string;
  /** The folder or file it is about, shown apart so that long paths wrap on their own. */
  path?: string;
}

/**
 * Each thing wrong with one install, in short words; empty when it is fine.
 * The reasons behind them are in the evidence, once.
 */
function installProblems(install: PythonInstall, text: (message: Message) => string): Problem[] {
  const problems: Problem[] = [];
  if (install.status !== 'ok')
    // The badge already names the status; the detail says what happened.
    problems.push({
      text: install.statusDetail
        ? text(install.statusDetail)
        : `${PROBE_STATUS_WORDS[install.status]}.`,
    });
  for (const folder of install.folders) {
    if (folder.writable === false)
      problems.push({
        text: `${FOLDER_ROLE_WORDS[folder.role]} folder cannot be changed:`,
        path: folder.path,
      });
  }
  if (install.externallyManaged)
    problems.push({
      text: 'Managed by your operating system (PEP 668): pip may not install into it.',
    });
  for (const leftover of install.leftovers)
    problems.push({ text: 'Left behind by an earlier pip run:', path: leftover.path });
  return problems;
}

function InstallCard({ install, isTarget }: { install: PythonInstall; isTarget: boolean }) {
  const styles = useStyles();
  const titleRowStyles = useTitleRowStyles();
  const text = useText();
  const problems = installProblems(install, text);
  return (
    <li>
      <Panel>
        <div className={titleRowStyles.titleRow}>
          <h3 className={styles.name}>{installName(install)}</h3>
          {install.status !== 'ok' && (
            <Badge appearance="tint" color="danger">
              {PROBE_STATUS_WORDS[install.status]}
            </Badge>
          )}
          {isTarget && (
            <Badge appearance="outline" color="brand" size="small">
              pip installs here
            </Badge>
          )}
        </div>
        <span className={styles.path}>{install.executable}</span>
        <ul className={styles.problems}>
          {problems.map((problem) => (
            <li key={`${problem.text}${problem.path ?? ''}`}>
              {problem.text}
              {problem.path && <span className={styles.code}> {problem.path}</span>}
            </li>
          ))}
        </ul>
      </Panel>
    </li>
  );
}

/** The installs with problems up front; the healthy ones one click away. */
export function InstallList({ diagnosis }: { diagnosis: Diagnosis }) {
  const styles = useStyles();
  const listStyles = useListStyles();
  const text = useText();
  const withProblems = diagnosis.installs.filter((i) => installProblems(i, text).length > 0);
  const fine = diagnosis.installs.filter((i) => installProblems(i, text).length === 0);
  return (
    <Section title={`Python installs (${diagnosis.installs.length})`}>
      {withProblems.length === 0 ? (
        <p className={styles.fine}>
          Every Python answered, and pip can write where each of them installs.
        </p>
      ) : (
        <ul className={listStyles.list}>
          {withProblems.map((install) => (
            <InstallCard
              key={install.id}
              install={install}
              isTarget={install.id === diagnosis.targetInstallId}
            />
          ))}
        </ul>
      )}
      {fine.length > 0 && (
        <Accordion collapsible className={styles.more}>
          <Expander
            value="fine"
            level="h4"
            title={`${fine.length} ${fine.length === 1 ? 'install' : 'installs'} without problems`}
          >
            <ul className={styles.moreList}>
              {fine.map((install) => (
                <li key={install.id}>
                  {installName(install)}: <span className={styles.code}>{install.executable}</span>
                </li>
              ))}
            </ul>
          </Expander>
        </Accordion>
      )}
    </Section>
  );
}
