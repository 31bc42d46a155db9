import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { Diagnosis, Recommendation } from '../../../electron/engine/model/diagnosis';
import { SHELL_NAMES, remedyWords } from '../wording/remedyWords';
import { CommandLine } from './CommandLine';
import { FactList } from './FactList';
import { Panel } from './Panel';

const useStyles = makeStyles({
  titleRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  reason: { margin: 0, fontSize: tokens.fontSizeBase300, overflowWrap: 'anywhere' },
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
  platform: Diagnosis['platform'];
  recommended: boolean;
}

/** One remedy: why it fits this machine, what it changes, and the exact commands. */
export function FixCard({ fix, platform, recommended }: FixCardProps) {
  const styles = useStyles();
  const words = remedyWords(fix.id, platform);
  return (
    <Panel emphasis={recommended}>
      <div className={styles.titleRow}>
        <h3 className={styles.title}>{words.title}</h3>
        {recommended && (
          <Badge appearance="filled" color="brand">
            Recommended
          </Badge>
        )}
      </div>
      <p className={styles.reason}>{fix.reason}</p>
      <FactList facts={[{ label: 'What it changes', value: words.changes }]} />
      {fix.commands.length > 0 ? (
        <div className={styles.commands}>
          <p className={styles.shell}>
            {fix.commands.length === 1 ? 'Run this' : 'Run these, one after the other,'} in{' '}
            {SHELL_NAMES[fix.shell]}:
          </p>
          {fix.commands.map((command) => (
            <CommandLine key={command} command={command} />
          ))}
        </div>
      ) : (
        <p className={styles.nothingToType}>Nothing to type for this one.</p>
      )}
    </Panel>
  );
}
