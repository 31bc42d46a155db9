import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** Words a screen reader reads where sighted users already see an icon or a layout. */
export function ScreenReaderOnly({ children }: { children: ReactNode }) {
  return <span className={useStyles().hidden}>{children}</span>;
}

/**
 * A polite live region: screen readers speak each new message, sighted users
 * already see the change on screen. It must exist before its first message.
 */
export function ScreenReaderStatus({ message }: { message: string }) {
  return (
    <div role="status" className={useStyles().hidden}>
      {message}
    </div>
  );
}
