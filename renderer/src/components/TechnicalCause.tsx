import { makeStyles, tokens } from '@fluentui/react-components';
import { defineMessages, useIntl } from 'react-intl';

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalXS },
  summary: { cursor: 'pointer' },
  cause: {
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
});

const words = defineMessages({
  summary: {
    id: 'ui.technicalCause.summary',
    defaultMessage: 'Technical details',
    description:
      "Opens an error's technical cause (the system's own message), under its plain-words message",
  },
});

/** An error's technical cause, one click away from its plain-words message. */
export function TechnicalCause({ cause }: { cause: string | null }) {
  const styles = useStyles();
  const intl = useIntl();
  if (!cause) return null;
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>{intl.formatMessage(words.summary)}</summary>
      <pre className={styles.cause}>{cause}</pre>
    </details>
  );
}
