import { Accordion, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useText } from '../i18n/useText';
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

export function FixesStep() {
  const styles = useStyles();
  const listStyles = useListStyles();
  const text = useText();
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
      heading={WIZARD_STEP_WORDS.fixes.heading}
      intro="The fixes that suit this computer, the one to try first at the top. Pip Doctor shows what a fix will change before it does anything, and checks afterwards that it worked. The commands are there too, for those who prefer to type them."
      back={
        <Button icon={<ArrowLeftRegular />} onClick={() => goTo('findings')}>
          Back
        </Button>
      }
      forward={
        // The fix is this screen's primary action; sharing is secondary until the end.
        <Button
          appearance={installWorks ? 'primary' : 'secondary'}
          disabled={!diagnosis}
          onClick={() => goTo('report')}
        >
          {installWorks ? 'Done' : 'Share what was found'}
        </Button>
      }
    >
      {diagnosis && (
        <>
          <YouRan log={diagnosis.log} />
          {first ? (
            <div className={styles.list}>
              <Section title="Try this first">
                <FixCard fix={first} recommended />
              </Section>
              {others.length > 0 && (
                <Section title="Other fixes">
                  {others.map((fix) => (
                    <FixCard key={fix.id} fix={fix} recommended={false} />
                  ))}
                </Section>
              )}
            </div>
          ) : (
            <p className={styles.why}>
              Pip Doctor has no fix to suggest: it found no Python that pip installs into. The
              evidence on the previous step says what it could and could not check.
            </p>
          )}
          {unhelpful.length > 0 && (
            <Accordion collapsible>
              <Expander
                value="unhelpful"
                level="h2"
                title={`Fixes that would not help here (${unhelpful.length})`}
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
