import { selectKey } from '../../../electron/shared/i18n/selectKey';
import { useText } from '../i18n/useText';
import type { Message } from '../../../electron/shared/i18n/message';
import { Accordion, Badge, makeStyles, tokens } from '@fluentui/react-components';
import { defineMessages, useIntl } from 'react-intl';
import type { IntlShape, MessageTag, NoMessageValues } from 'react-intl';
import { Expander } from './Expander';
import type { Diagnosis, PythonInstall } from '../../../electron/shared/model/diagnosis';
import { PROBE_STATUS_WORDS, installName } from '../wording/installWords';
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

const words = defineMessages<{
  externallyManaged: NoMessageValues;
  leftover: NoMessageValues;
  target: NoMessageValues;
  allFine: NoMessageValues;
  status: { status: string };
  folder: { role: string };
  title: { count: number };
  fine: { count: number };
  fineInstall: { install: string; path: string; code: MessageTag };
}>({
  externallyManaged: {
    id: 'ui.installList.externallyManaged',
    defaultMessage: 'Managed by your operating system (PEP 668): pip may not install into it.',
    description:
      'A problem of a Python install: the system marked it as managed by its package manager',
  },
  leftover: {
    id: 'ui.installList.leftover',
    defaultMessage: 'Left behind by an earlier pip run:',
    description: 'A problem of a Python install; the path of a half-removed package follows',
  },
  target: {
    id: 'ui.installList.target',
    defaultMessage: 'pip installs here',
    description: 'Badge on the Python that pip installs into',
  },
  allFine: {
    id: 'ui.installList.allFine',
    defaultMessage: 'Every Python answered, and pip can write where each of them installs.',
    description: 'Shown when no Python install has a problem',
  },
  status: {
    id: 'ui.installList.status',
    defaultMessage:
      '{status, select, timedOut {Did not answer in time.} crashed {Failed when asked.} malformed {Gave an answer that could not be read.} notPython {Not a Python.} other {Broken.}}',
    description: 'A problem of a Python install, when Pip Doctor asked it about itself',
  },
  folder: {
    id: 'ui.installList.folder',
    defaultMessage:
      '{role, select, purelib {Packages folder cannot be changed:} platlib {Compiled packages folder cannot be changed:} scripts {Commands (Scripts) folder cannot be changed:} userSite {Your user packages folder cannot be changed:} userScripts {Your user commands folder cannot be changed:} other {The folder pip failed in cannot be changed:}}',
    description: "A problem of a Python install; the folder's path follows",
  },
  title: {
    id: 'ui.installList.title',
    defaultMessage: 'Python installs ({count})',
    description: 'Heading; {count} is how many Python installs were found',
  },
  fine: {
    id: 'ui.installList.fine',
    defaultMessage:
      '{count, plural, one {# install without problems} other {# installs without problems}}',
    description: 'Opens the list of Python installs that have no problem',
  },
  fineInstall: {
    id: 'ui.installList.fineInstall',
    defaultMessage: '{install}: <code>{path}</code>',
    description:
      'A Python install without problems: {install} names it ("Python 3.12, virtual environment"), {path} is its program file',
  },
});

/** An install's status as the select of `status` names it (ICU keys have no hyphens). */

/**
 * Each thing wrong with one install, in short words; empty when it is fine.
 * The reasons behind them are in the evidence, once.
 */
function installProblems(
  intl: IntlShape,
  install: PythonInstall,
  text: (message: Message) => string,
): Problem[] {
  const problems: Problem[] = [];
  if (install.status !== 'ok')
    // The badge already names the status; the detail says what happened.
    problems.push({
      text: install.statusDetail
        ? text(install.statusDetail)
        : intl.formatMessage(words.status, { status: selectKey(install.status) }),
    });
  for (const folder of install.folders) {
    if (folder.writable === false)
      problems.push({
        text: intl.formatMessage(words.folder, { role: selectKey(folder.role) }),
        path: folder.path,
      });
  }
  if (install.externallyManaged)
    problems.push({ text: intl.formatMessage(words.externallyManaged) });
  for (const leftover of install.leftovers)
    problems.push({ text: intl.formatMessage(words.leftover), path: leftover.path });
  return problems;
}

function InstallCard({ install, isTarget }: { install: PythonInstall; isTarget: boolean }) {
  const styles = useStyles();
  const text = useText();
  const titleRowStyles = useTitleRowStyles();
  const intl = useIntl();
  const problems = installProblems(intl, install, text);
  return (
    <li>
      <Panel>
        <div className={titleRowStyles.titleRow}>
          <h3 className={styles.name}>{text(installName(install))}</h3>
          {install.status !== 'ok' && (
            <Badge appearance="tint" color="danger">
              {text(PROBE_STATUS_WORDS[install.status])}
            </Badge>
          )}
          {isTarget && (
            <Badge appearance="outline" color="brand" size="small">
              {intl.formatMessage(words.target)}
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
  const text = useText();
  const listStyles = useListStyles();
  const intl = useIntl();
  const withProblems = diagnosis.installs.filter((i) => installProblems(intl, i, text).length > 0);
  const fine = diagnosis.installs.filter((i) => installProblems(intl, i, text).length === 0);
  return (
    <Section title={intl.formatMessage(words.title, { count: diagnosis.installs.length })}>
      {withProblems.length === 0 ? (
        <p className={styles.fine}>{intl.formatMessage(words.allFine)}</p>
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
            title={intl.formatMessage(words.fine, { count: fine.length })}
          >
            <ul className={styles.moreList}>
              {fine.map((install) => (
                <li key={install.id}>
                  {intl.formatMessage(words.fineInstall, {
                    install: text(installName(install)),
                    path: install.executable,
                    code: (chunks) => <span className={styles.code}>{chunks}</span>,
                  })}
                </li>
              ))}
            </ul>
          </Expander>
        </Accordion>
      )}
    </Section>
  );
}
