import { makeStyles, tokens } from '@fluentui/react-components';
import type { Instruction } from '../../../../electron/shared/contract';
import { CommandLine } from '../CommandLine';
import { useListStyles } from '../listStyles';

const useStyles = makeStyles({
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  note: { margin: 0, overflowWrap: 'anywhere' },
});

/** What the user does themselves afterwards (activate the environment, pick it in VS Code). */
export function InstructionList({ instructions }: { instructions: Instruction[] }) {
  const styles = useStyles();
  const listStyles = useListStyles();
  return (
    <ul className={listStyles.spaciousList}>
      {instructions.map((instruction) => (
        <li key={`${instruction.title}\n${instruction.text}`} className={styles.item}>
          <span className={styles.title}>{instruction.title}</span>
          {/* Sentences are read, not copied; everything else is typed exactly as shown. */}
          {instruction.where === 'note' || instruction.where === 'vscode' ? (
            <p className={styles.note}>{instruction.text}</p>
          ) : (
            <CommandLine command={instruction.text} />
          )}
        </li>
      ))}
    </ul>
  );
}
