import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircleFilled,
  CircleRegular,
  DismissCircleFilled,
  PersonClockRegular,
  QuestionCircleFilled,
  SubtractCircleRegular,
  WarningFilled,
} from '@fluentui/react-icons';
import { defineMessages, useIntl } from 'react-intl';
import type { ActionPlan } from '../../../../electron/shared/contract';
import type { StepProgress } from '../../state/actionSession';
import { STEP_ITEM_WORDS, stepShownAs, stepShownWords } from '../../wording/actionWords';
import type { StepShownAs } from '../../wording/actionWords';
import { useListStyles } from '../listStyles';
import { useText } from '../../i18n/useText';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  icon: {
    display: 'flex',
    width: '20px',
    justifyContent: 'center',
    flexShrink: 0,
    paddingTop: '2px',
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, gap: tokens.spacingVerticalXXS },
  title: { fontWeight: tokens.fontWeightSemibold },
  status: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  detail: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  items: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
  },
  done: { color: tokens.colorPaletteGreenForeground1, fontSize: '20px' },
  failed: { color: tokens.colorPaletteRedForeground1, fontSize: '20px' },
  warning: { color: tokens.colorStatusWarningForeground1, fontSize: '20px' },
  asking: { color: tokens.colorBrandForeground1, fontSize: '20px' },
  quiet: { color: tokens.colorNeutralForeground3, fontSize: '20px' },
});

const sentences = defineMessages<{ item: { label: string; detail: string } }>({
  item: {
    id: 'ui.actionStepList.item',
    defaultMessage: '{label}: {detail}',
    description:
      'One thing a step did, such as a program it closed: {label} names it (a program), {detail} says how it went',
  },
});

/** The words beside it say the same, so the icon is hidden from screen readers. */
function StatusIcon({ status }: { status: StepShownAs }) {
  const styles = useStyles();
  switch (status) {
    case 'asking':
      return <QuestionCircleFilled className={styles.asking} />;
    case 'incomplete':
      return <WarningFilled className={styles.warning} />;
    case 'by-user':
      return <PersonClockRegular className={styles.quiet} />;
    case 'running':
      return <Spinner size="extra-tiny" aria-hidden="true" />;
    case 'done':
      return <CheckmarkCircleFilled className={styles.done} />;
    case 'failed':
      return <DismissCircleFilled className={styles.failed} />;
    case 'waiting':
      return <CircleRegular className={styles.quiet} />;
    default:
      return <SubtractCircleRegular className={styles.quiet} />;
  }
}

/** Each step of the plan with where it is: waiting, running, asking, done, or how it stopped, and why. */
export function ActionStepList({
  plan,
  steps,
  askingAt = null,
}: {
  plan: ActionPlan;
  steps: Readonly<Record<string, StepProgress>>;
  /** The step whose question waits for the user's answer. */
  askingAt?: string | null;
}) {
  const styles = useStyles();
  const text = useText();
  const listStyles = useListStyles();
  const intl = useIntl();
  return (
    <ol className={listStyles.list}>
      {plan.steps.map((step) => {
        const progress = steps[step.id] ?? { status: 'waiting', report: null };
        const report = progress.report;
        const shown = stepShownAs(progress.status, report, step.id === askingAt);
        // A journal line of an older version may hold an empty detail: nothing to show then.
        const detail = report === null ? '' : text(report.detail);
        return (
          <li key={step.id} className={styles.item}>
            <span className={styles.icon} aria-hidden="true">
              <StatusIcon status={shown} />
            </span>
            <span className={styles.text}>
              <span className={styles.title}>{text(step.title)}</span>
              <span className={styles.status}>{text(stepShownWords(shown))}</span>
              {detail !== '' && <p className={styles.detail}>{detail}</p>}
              {report !== null && report.items.length > 0 && (
                <ul className={styles.items}>
                  {report.items.map((item, index) => {
                    const said = text(item.detail);
                    return (
                      // Two items may read alike (a program's name without its pid): the place tells them apart.
                      <li key={index}>
                        {intl.formatMessage(sentences.item, {
                          label: text(item.label),
                          detail: said === '' ? text(STEP_ITEM_WORDS[item.status]) : said,
                        })}
                      </li>
                    );
                  })}
                </ul>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
