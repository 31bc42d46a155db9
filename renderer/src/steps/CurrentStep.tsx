import { useAppStore } from '../state/store';
import { FindingsStep } from './FindingsStep';
import { FixesStep } from './FixesStep';
import { ReportStep } from './ReportStep';
import { ScanStep } from './ScanStep';
import { StartStep } from './StartStep';

/** One screen at a time; `key` remounts it, so each arrival focuses its heading afresh. */
export function CurrentStep() {
  const step = useAppStore((state) => state.step);
  switch (step) {
    case 'start':
      return <StartStep key={step} />;
    case 'scan':
      return <ScanStep key={step} />;
    case 'findings':
      return <FindingsStep key={step} />;
    case 'fixes':
      return <FixesStep key={step} />;
    case 'report':
      return <ReportStep key={step} />;
  }
}
