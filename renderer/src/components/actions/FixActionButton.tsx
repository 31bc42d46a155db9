import { Button } from '@fluentui/react-components';
import { WrenchRegular } from '@fluentui/react-icons';
import type { Diagnosis, Recommendation } from '../../../../electron/shared/model/diagnosis';
import { loggedPackage } from '../../state/planChoices';
import { useAppStore } from '../../state/store';
import { actionButtonLabel } from '../../wording/actionWords';

interface FixActionButtonProps {
  fix: Recommendation;
  diagnosis: Diagnosis;
  recommended: boolean;
}

/**
 * The one-click fix: it opens the plan (nothing runs until "Do it"). Focus
 * comes back here when the dialog closes (useReturnFocus).
 */
export function FixActionButton({ fix, diagnosis, recommended }: FixActionButtonProps) {
  const openRemedy = useAppStore((state) => state.openRemedy);
  const label = actionButtonLabel(fix.id, loggedPackage(diagnosis), diagnosis.platform);
  if (label === null || fix.installId === null) return null;
  return (
    <Button
      appearance={recommended ? 'primary' : 'secondary'}
      icon={<WrenchRegular />}
      aria-haspopup="dialog"
      onClick={() => void openRemedy(fix)}
    >
      {label}
    </Button>
  );
}
