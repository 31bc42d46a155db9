import { makeStyles, tokens } from '@fluentui/react-components';

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

/** An error's technical cause, one click away from its plain-words message. */
export function TechnicalCause({ cause }: { cause: string | null }) {
  const styles = useStyles();
  if (!cause) return null;
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>Technical details</summary>
      <pre className={styles.cause}>{cause}</pre>
    </details>
  );
}
