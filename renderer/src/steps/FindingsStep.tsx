import { Button } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
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

export function FindingsStep() {
  const diagnosis = useAppStore((state) => state.scan.diagnosis);
  const goTo = useAppStore((state) => state.goTo);
  return (
    <StepLayout
      notice={<StaleScanBanner />}
      id="findings"
      heading={WIZARD_STEP_WORDS.findings.heading}
      intro="What the check found, in plain words. The facts behind it are below."
      back={
        <Button icon={<ArrowLeftRegular />} onClick={() => goTo('scan')}>
          Back
        </Button>
      }
      forward={
        <Button appearance="primary" disabled={!diagnosis} onClick={() => goTo('fixes')}>
          See how to fix it
        </Button>
      }
    >
      {diagnosis && (
        <>
          <CauseSummary diagnosis={diagnosis} />
          <EvidenceAccordion diagnosis={diagnosis} />
          <FoldedSections title="Details">
            <PipMapping diagnosis={diagnosis} />
            <InstallList diagnosis={diagnosis} />
            <GapList gaps={diagnosis.gaps} />
          </FoldedSections>
        </>
      )}
    </StepLayout>
  );
}
