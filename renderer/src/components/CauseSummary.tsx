import { useText } from '../i18n/useText';
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, WarningRegular } from '@fluentui/react-icons';
import { defineMessages, useIntl } from 'react-intl';
import type { Diagnosis } from '../../../electron/shared/model/diagnosis';
import { CAUSE_BADGES, findingBadge } from '../wording/causeWords';
import { Panel } from './Panel';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  icon: { fontSize: '28px', flexShrink: 0, color: tokens.colorPaletteDarkOrangeForeground1 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  summary: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    overflowWrap: 'anywhere',
  },
});

const words = defineMessages({
  title: {
    id: 'ui.causeSummary.title',
    defaultMessage: 'In short',
    description: 'Heading over the one-sentence summary of what is wrong',
  },
});

/** The cause in one sentence, from this machine's facts: the first thing the user reads. */
export function CauseSummary({ diagnosis }: { diagnosis: Diagnosis }) {
  const styles = useStyles();
  const intl = useIntl();
  const text = useText();
  const healthy = diagnosis.cause === 'none';
  const Icon = healthy ? CheckmarkCircleRegular : WarningRegular;
  return (
    <Panel emphasis>
      <div className={styles.row}>
        <Icon className={mergeClasses(styles.icon, healthy && styles.ok)} />
        <div className={styles.text}>
          <h2 className={styles.title}>{intl.formatMessage(words.title)}</h2>
          <p className={styles.summary}>{text(diagnosis.causeSummary)}</p>
          <div>
            <Badge appearance="tint" color={healthy ? 'success' : 'warning'}>
              {text(
                diagnosis.log !== null && diagnosis.cause === diagnosis.log.category
                  ? findingBadge(diagnosis.log)
                  : CAUSE_BADGES[diagnosis.cause],
              )}
            </Badge>
          </div>
        </div>
      </div>
    </Panel>
  );
}
