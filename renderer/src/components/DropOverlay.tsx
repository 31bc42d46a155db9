import { makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowDownRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { defineMessages, FormattedMessage } from 'react-intl';
import { useAppStore } from '../state/store';

const useStyles = makeStyles({
  overlay: {
    position: 'fixed',
    inset: 0,
    zIndex: 1000,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalM,
    margin: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusXLarge,
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    opacity: 0.96,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    pointerEvents: 'none',
  },
  icon: { fontSize: '48px', color: tokens.colorBrandForeground1 },
});

const words = defineMessages({
  drop: {
    id: 'ui.drop.hint',
    defaultMessage: 'Drop the log file to read it',
    description: 'Shown over the whole window while the user drags a file over it',
  },
});

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * A log file dropped anywhere on the window is read (on any step: it takes
 * the user back to the first one). Dropping must never navigate the window.
 */
export function DropOverlay() {
  const styles = useStyles();
  const [dragging, setDragging] = useState(false);
  const loadLogFile = useAppStore((state) => state.loadLogFile);
  const goTo = useAppStore((state) => state.goTo);

  useEffect(() => {
    // dragenter/dragleave fire for every child crossed; count them to know when the window is left.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Capture phase: the textarea would otherwise take the drop first.
      event.preventDefault();
      event.stopPropagation();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      goTo('start');
      void loadLogFile(file);
    };
    const listeners = [
      ['dragenter', enter],
      ['dragover', over],
      ['dragleave', leave],
      ['drop', drop],
    ] as const;
    for (const [name, listener] of listeners) window.addEventListener(name, listener, true);
    return () => {
      for (const [name, listener] of listeners) window.removeEventListener(name, listener, true);
    };
  }, [loadLogFile, goTo]);

  if (!dragging) return null;
  return (
    <div className={styles.overlay} aria-hidden="true">
      <DocumentArrowDownRegular className={styles.icon} />
      <FormattedMessage {...words.drop} />
    </div>
  );
}
