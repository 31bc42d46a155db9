import { Button } from '@fluentui/react-components';
import { WrenchRegular } from '@fluentui/react-icons';
import type { Recommendation } from '../../../../electron/shared/model/diagnosis';
import { useAppStore } from '../../state/store';

interface FixActionButtonProps {
  fix: Recommendation;
  recommended: boolean;
}

/**
 * The one-click fix: it opens the plan (nothing runs until "Do it"). Focus
 * comes back here when the dialog closes (useReturnFocus).
 */
export function FixActionButton({ fix, recommended }: FixActionButtonProps) {
  const openRemedy = useAppStore((state) => state.openRemedy);
  if (fix.action === null || fix.installId === null) return null;
  return (
    <Button
      appearance={recommended ? 'primary' : 'secondary'}
      icon={<WrenchRegular />}
      aria-haspopup="dialog"
      onClick={() => void openRemedy(fix)}
    >
      {fix.action.label}
    </Button>
  );
}
