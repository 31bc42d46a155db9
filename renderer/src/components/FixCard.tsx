import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { Recommendation } from '../../../electron/shared/model/diagnosis';
import { useText } from '../i18n/useText';
import { SHELL_NAMES } from '../wording/remedyWords';
import { FixActionButton } from './actions/FixActionButton';
import { CommandLine } from './CommandLine';
import { FactList } from './FactList';
import { Panel } from './Panel';
import { useTitleRowStyles } from './listStyles';

const useStyles = makeStyles({
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  reason: { margin: 0, fontSize: tokens.fontSizeBase300, overflowWrap: 'anywhere' },
  action: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  commands: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  shell: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  nothingToType: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
});

interface FixCardProps {
  fix: Recommendation;
  recommended: boolean;
}

/**
 * One remedy: why it fits this machine, what it changes, the button that
 * lets Pip Doctor do it (plan first), and the exact commands for those who
 * prefer to type them.
 */
export function FixCard({ fix, recommended }: FixCardProps) {
  const styles = useStyles();
  const titleRowStyles = useTitleRowStyles();
  const text = useText();
  const doable = fix.installId !== null && fix.action !== null;
  return (
    <Panel emphasis={recommended}>
      <div className={titleRowStyles.titleRow}>
        <h3 className={styles.title}>{text(fix.title)}</h3>
        {recommended && (
          <Badge appearance="filled" color="brand">
            Recommended
          </Badge>
        )}
      </div>
      <p className={styles.reason}>{text(fix.reason)}</p>
      <FactList facts={[{ label: 'What it changes', value: text(fix.changes) }]} />
      {doable && (
        <div className={styles.action}>
          <FixActionButton fix={fix} recommended={recommended} />
        </div>
      )}
      {fix.commands.length > 0 ? (
        <div className={styles.commands}>
          <p className={styles.shell}>
            {doable ? 'Or run ' : 'Run '}
            {fix.commands.length === 1
              ? 'this yourself'
              : 'these yourself, one after the other,'}{' '}
            in {SHELL_NAMES[fix.shell]}:
          </p>
          {fix.commands.map((command) => (
            <CommandLine key={command} command={command} />
          ))}
        </div>
      ) : (
        !doable && <p className={styles.nothingToType}>Nothing to type for this one.</p>
      )}
    </Panel>
  );
}
