import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from '@fluentui/react-components';
import type { UserError } from '../../../../electron/shared/contract';
import { TechnicalCause } from '../TechnicalCause';
import { useFocusOnMount } from './useFocusOnMount';
import { useText } from '../../i18n/useText';

const useStyles = makeStyles({
  // Focus moves here so a screen reader reads what went wrong; the red bar already marks it.
  title: { display: 'block', ':focus': { outline: 'none' } },
});

/** Something main refused or could not start (a plan, a fix, the install run again), and why. */
export function ProblemMessage({ title, error }: { title: string; error: UserError }) {
  const styles = useStyles();
  const text = useText();
  const heading = useFocusOnMount<HTMLSpanElement>();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle ref={heading} tabIndex={-1} className={styles.title}>
          {title}
        </MessageBarTitle>
        {text(error.message)}
        <TechnicalCause cause={error.cause} />
      </MessageBarBody>
    </MessageBar>
  );
}
