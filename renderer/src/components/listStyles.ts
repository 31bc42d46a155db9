import { makeStyles, tokens } from '@fluentui/react-components';
import type { GriffelStyle } from '@fluentui/react-components';

/**
 * The lists of rows and cards in the app are lists for screen readers, not for the eye:
 * no bullets, no indent, the items stacked with a gap rather than the browser's spacing.
 */
const bareColumn: GriffelStyle = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
};

/** One definition, so that every such list resets and spaces its items the same way. */
export const useListStyles = makeStyles({
  /** For items that each carry their own border, icon or card, which already sets them apart. */
  list: { ...bareColumn, gap: tokens.spacingVerticalS },
  /** For items of a few lines (a label over a path, a command or a reason) that need more air. */
  spaciousList: { ...bareColumn, gap: tokens.spacingVerticalM },
});

/** A heading with its badges beside it, wrapping under it when the window is narrow. */
export const useTitleRowStyles = makeStyles({
  titleRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
});
