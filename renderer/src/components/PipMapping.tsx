import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { defineMessages, useIntl } from 'react-intl';
import type { Diagnosis, PythonInstall } from '../../../electron/shared/model/diagnosis';
import { PROBE_STATUS_WORDS, installName } from '../wording/installWords';
import { Section } from './Section';
import { useListStyles } from './listStyles';
import { useText } from '../i18n/useText';

const useStyles = makeStyles({
  item: {
    display: 'grid',
    // Several commands often share a row: they wrap in their column, the paths keep theirs.
    gridTemplateColumns: 'minmax(72px, 160px) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  where: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  commands: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  target: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  path: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  missing: { color: tokens.colorNeutralForeground3 },
});

interface Row {
  commands: string[];
  /** Where they lead: an install, a file that is no known install, or nothing on PATH. */
  install: PythonInstall | null;
  path: string | null;
}

/** Commands that reach the same Python share one row: `pip, pip3, python3 → Python 3.12`. */
function rowsOf(diagnosis: Diagnosis): Row[] {
  const rows = new Map<string, Row>();
  for (const entry of diagnosis.pipOnPath) {
    const key = entry.installId ?? `path:${entry.path ?? ''}`;
    const row = rows.get(key);
    if (row) row.commands.push(entry.command);
    else
      rows.set(key, {
        commands: [entry.command],
        install: diagnosis.installs.find((install) => install.id === entry.installId) ?? null,
        path: entry.path,
      });
  }
  return [...rows.values()];
}

const words = defineMessages({
  title: {
    id: 'ui.pipMapping.title',
    defaultMessage: 'Which Python your commands use',
    description: 'Heading of the list of commands (pip, python…) and the Python each one runs',
  },
  notOnPath: {
    id: 'ui.pipMapping.notOnPath',
    defaultMessage: 'Not found on your PATH',
    description:
      'Beside a command that no folder on PATH provides; PATH is the environment variable',
  },
  unidentified: {
    id: 'ui.pipMapping.unidentified',
    defaultMessage: 'A Python that could not be identified',
    description: 'Beside a command that leads to a file that is no known Python install',
  },
  target: {
    id: 'ui.pipMapping.target',
    defaultMessage: 'pip installs here',
    description: 'Badge on the Python that pip installs into',
  },
});

/** Which Python each command reaches: `pip` and `python` are often not the same one. */
export function PipMapping({ diagnosis }: { diagnosis: Diagnosis }) {
  const styles = useStyles();
  const text = useText();
  const listStyles = useListStyles();
  const intl = useIntl();
  const rows = rowsOf(diagnosis);
  if (rows.length === 0) return null;
  return (
    <Section title={intl.formatMessage(words.title)}>
      <ul className={listStyles.spaciousList}>
        {rows.map((row) => (
          <li key={row.commands.join(' ')} className={styles.item}>
            <span className={styles.commands}>
              {intl.formatList(row.commands, { type: 'unit', style: 'short' })}
            </span>
            <span className={styles.where}>
              {row.path === null ? (
                <span className={styles.missing}>{intl.formatMessage(words.notOnPath)}</span>
              ) : (
                <span className={styles.target}>
                  {row.install
                    ? text(installName(row.install))
                    : intl.formatMessage(words.unidentified)}
                  {row.install && row.install.status !== 'ok' && (
                    <Badge appearance="tint" color="danger" size="small">
                      {text(PROBE_STATUS_WORDS[row.install.status])}
                    </Badge>
                  )}
                  {row.install?.id === diagnosis.targetInstallId && (
                    <Badge appearance="outline" color="brand" size="small">
                      {intl.formatMessage(words.target)}
                    </Badge>
                  )}
                </span>
              )}
              {row.path !== null && (
                <span className={styles.path}>{row.install?.executable ?? row.path}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
