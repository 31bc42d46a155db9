import { Button } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { useText } from '../i18n/useText';
import { backButton } from '../wording/navigationWords';
import { useAppStore } from '../state/store';
import { StepLayout } from '../components/StepLayout';
import { StaleScanBanner } from '../components/StaleScanBanner';
import { CauseSummary } from '../components/CauseSummary';
import { EvidenceAccordion } from '../components/EvidenceAccordion';
import { PipMapping } from '../components/PipMapping';
import { InstallList } from '../components/InstallList';
import { GapList } from '../components/GapList';
import { FoldedSections } from '../components/Section';
import { WIZARD_STEP_WORDS } from '../wording/wizardStepWords';

const words = defineMessages({
  intro: {
    id: 'ui.findings.intro',
    defaultMessage: 'What the check found, in plain words. The facts behind it are below.',
    description: 'Under the title of step 3',
  },
  next: {
    id: 'ui.findings.next',
    defaultMessage: 'See how to fix it',
    description: 'Main button of step 3: go on to the fixes',
  },
  details: {
    id: 'ui.findings.details',
    defaultMessage: 'Details',
    description: 'Heading over the folded technical sections of step 3',
  },
});

export function FindingsStep() {
  const intl = useIntl();
  const text = useText();
  const diagnosis = useAppStore((state) => state.scan.diagnosis);
  const goTo = useAppStore((state) => state.goTo);
  return (
    <StepLayout
      notice={<StaleScanBanner />}
      id="findings"
      heading={text(WIZARD_STEP_WORDS.findings.heading)}
      intro={intl.formatMessage(words.intro)}
      back={
        <Button icon={<ArrowLeftRegular />} onClick={() => goTo('scan')}>
          <FormattedMessage {...backButton} />
        </Button>
      }
      forward={
        <Button appearance="primary" disabled={!diagnosis} onClick={() => goTo('fixes')}>
          <FormattedMessage {...words.next} />
        </Button>
      }
    >
      {diagnosis && (
        <>
          <CauseSummary diagnosis={diagnosis} />
          <EvidenceAccordion diagnosis={diagnosis} />
          <FoldedSections title={intl.formatMessage(words.details)}>
            <PipMapping diagnosis={diagnosis} />
            <InstallList diagnosis={diagnosis} />
            <GapList gaps={diagnosis.gaps} />
          </FoldedSections>
        </>
      )}
    </StepLayout>
  );
}
