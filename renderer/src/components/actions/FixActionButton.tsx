import { Button } from '@fluentui/react-components';
import { WrenchRegular } from '@fluentui/react-icons';
import type { Recommendation } from '../../../../electron/shared/model/diagnosis';
import { useText } from '../../i18n/useText';
import { scanIsStale } from '../../state/staleScan';
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
  // A plan for the error as it was before an edit would fix the wrong thing.
  const stale = useAppStore(scanIsStale);
  const text = useText();
  if (fix.action === null || fix.installId === null) return null;
  return (
    <Button
      appearance={recommended ? 'primary' : 'secondary'}
      icon={<WrenchRegular />}
      aria-haspopup="dialog"
      disabled={stale}
      onClick={() => void openRemedy(fix)}
    >
      {text(fix.action.label)}
    </Button>
  );
}
