import { Accordion, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { useText } from '../i18n/useText';
import { backButton } from '../wording/navigationWords';
import { useAppStore } from '../state/store';
import { StepLayout } from '../components/StepLayout';
import { StaleScanBanner } from '../components/StaleScanBanner';
import { Expander } from '../components/Expander';
import { FixCard } from '../components/FixCard';
import { YouRan } from '../components/YouRan';
import { Section } from '../components/Section';
import { useListStyles } from '../components/listStyles';
import { WIZARD_STEP_WORDS } from '../wording/wizardStepWords';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  unhelpfulTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  why: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

const words = defineMessages({
  intro: {
    id: 'ui.fixes.intro',
    defaultMessage:
      'The fixes that suit this computer, the one to try first at the top. Pip Doctor shows what a fix will change before it does anything, and checks afterwards that it worked. The commands are there too, for those who prefer to type them.',
    description: 'Under the title of step 4',
  },
  done: {
    id: 'ui.fixes.done',
    defaultMessage: 'Done',
    description: 'Main button of step 4 once the user’s install works again: go to the end',
  },
  share: {
    id: 'ui.fixes.share',
    defaultMessage: 'Share what was found',
    description: 'Button of step 4: go on to the report to share',
  },
  first: {
    id: 'ui.fixes.first',
    defaultMessage: 'Try this first',
    description: 'Heading over the recommended fix',
  },
  others: {
    id: 'ui.fixes.others',
    defaultMessage: 'Other fixes',
    description: 'Heading over the other fixes that would help',
  },
  noFix: {
    id: 'ui.fixes.noFix',
    defaultMessage:
      'Pip Doctor has no fix to suggest: it found no Python that pip installs into. The evidence on the previous step says what it could and could not check.',
    description: 'Step 4 when there is no fix at all',
  },
});

const wordsWithValues = defineMessages<{
  unhelpful: { count: number };
}>({
  unhelpful: {
    id: 'ui.fixes.unhelpful',
    defaultMessage: 'Fixes that would not help here ({count})',
    description: 'Folded list of fixes that do not suit this computer; {count} is how many',
  },
});

export function FixesStep() {
  const intl = useIntl();
  const text = useText();
  const styles = useStyles();
  const listStyles = useListStyles();
  const diagnosis = useAppStore((state) => state.scan.diagnosis);
  const goTo = useAppStore((state) => state.goTo);
  // Once the user's install worked again, the one thing left is the end.
  const installWorks = useAppStore(
    (state) => state.rerun?.status === 'finished' && state.rerun.outcome.status === 'succeeded',
  );
  const helpful = diagnosis?.recommendations.filter((r) => r.applicable) ?? [];
  const unhelpful = diagnosis?.recommendations.filter((r) => !r.applicable) ?? [];
  const [first, ...others] = helpful;

  return (
    <StepLayout
      notice={<StaleScanBanner />}
      id="fixes"
      heading={text(WIZARD_STEP_WORDS.fixes.heading)}
      intro={intl.formatMessage(words.intro)}
      back={
        <Button icon={<ArrowLeftRegular />} onClick={() => goTo('findings')}>
          <FormattedMessage {...backButton} />
        </Button>
      }
      forward={
        // The fix is this screen's primary action; sharing is secondary until the end.
        <Button
          appearance={installWorks ? 'primary' : 'secondary'}
          disabled={!diagnosis}
          onClick={() => goTo('report')}
        >
          <FormattedMessage {...(installWorks ? words.done : words.share)} />
        </Button>
      }
    >
      {diagnosis && (
        <>
          <YouRan log={diagnosis.log} />
          {first ? (
            <div className={styles.list}>
              <Section title={intl.formatMessage(words.first)}>
                <FixCard fix={first} recommended />
              </Section>
              {others.length > 0 && (
                <Section title={intl.formatMessage(words.others)}>
                  {others.map((fix) => (
                    <FixCard key={fix.id} fix={fix} recommended={false} />
                  ))}
                </Section>
              )}
            </div>
          ) : (
            <p className={styles.why}>
              <FormattedMessage {...words.noFix} />
            </p>
          )}
          {unhelpful.length > 0 && (
            <Accordion collapsible>
              <Expander
                value="unhelpful"
                level="h2"
                title={intl.formatMessage(wordsWithValues.unhelpful, { count: unhelpful.length })}
              >
                <ul className={listStyles.spaciousList}>
                  {unhelpful.map((fix) => (
                    <li key={fix.id}>
                      <h3 className={styles.unhelpfulTitle}>{text(fix.title)}</h3>
                      <p className={styles.why}>{text(fix.reason)}</p>
                    </li>
                  ))}
                </ul>
              </Expander>
            </Accordion>
          )}
        </>
      )}
    </StepLayout>
  );
}
