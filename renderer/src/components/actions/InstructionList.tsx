import { makeStyles, tokens } from '@fluentui/react-components';
import type { Instruction } from '../../../../electron/shared/contract';
import { CommandLine } from '../CommandLine';
import { useListStyles } from '../listStyles';
import { useText } from '../../i18n/useText';

const useStyles = makeStyles({
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  note: { margin: 0, overflowWrap: 'anywhere' },
});

/** What the user does themselves afterwards (activate the environment, pick it in VS Code). */
export function InstructionList({ instructions }: { instructions: Instruction[] }) {
  const styles = useStyles();
  const listStyles = useListStyles();
  const text = useText();
  return (
    <ul className={listStyles.spaciousList}>
      {instructions.map((instruction) => (
        <li key={JSON.stringify([instruction.title, instruction.text])} className={styles.item}>
          <span className={styles.title}>{text(instruction.title)}</span>
          {/* Words (a note, VS Code's menus) are read, not copied; text is typed exactly as shown. */}
          {typeof instruction.text === 'string' ? (
            <CommandLine command={instruction.text} />
          ) : (
            <p className={styles.note}>{text(instruction.text)}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
