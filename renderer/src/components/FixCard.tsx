import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { defineMessages, useIntl } from 'react-intl';
import type { NoMessageValues } from 'react-intl';
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

const words = defineMessages<{
  recommended: NoMessageValues;
  whatItChanges: NoMessageValues;
  nothingToType: NoMessageValues;
  orRunYourself: { count: number; shell: string };
  runYourself: { count: number; shell: string };
}>({
  recommended: {
    id: 'ui.fixCard.recommended',
    defaultMessage: 'Recommended',
    description: 'Badge on the fix Pip Doctor recommends',
  },
  whatItChanges: {
    id: 'ui.fixCard.whatItChanges',
    defaultMessage: 'What it changes',
    description: 'Label: what the fix changes on the computer',
  },
  nothingToType: {
    id: 'ui.fixCard.nothingToType',
    defaultMessage: 'Nothing to type for this one.',
    description: 'Under a fix that has no commands to type (the user does it in Settings, say)',
  },
  orRunYourself: {
    id: 'ui.fixCard.orRunYourself',
    defaultMessage:
      '{count, plural, one {Or run this yourself in {shell}:} other {Or run these yourself, one after the other, in {shell}:}}',
    description:
      'Above the commands of a fix Pip Doctor can also do itself; {count} is how many commands, {shell} the program to type them in (Command Prompt, PowerShell, Terminal)',
  },
  runYourself: {
    id: 'ui.fixCard.runYourself',
    defaultMessage:
      '{count, plural, one {Run this yourself in {shell}:} other {Run these yourself, one after the other, in {shell}:}}',
    description:
      'Above the commands of a fix the user does themselves; {count} is how many commands, {shell} the program to type them in (Command Prompt, PowerShell, Terminal)',
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
  const text = useText();
  const titleRowStyles = useTitleRowStyles();
  const intl = useIntl();
  const doable = fix.installId !== null && fix.action !== null;
  return (
    <Panel emphasis={recommended}>
      <div className={titleRowStyles.titleRow}>
        <h3 className={styles.title}>{text(fix.title)}</h3>
        {recommended && (
          <Badge appearance="filled" color="brand">
            {intl.formatMessage(words.recommended)}
          </Badge>
        )}
      </div>
      <p className={styles.reason}>{text(fix.reason)}</p>
      <FactList
        facts={[{ label: intl.formatMessage(words.whatItChanges), value: text(fix.changes) }]}
      />
      {doable && (
        <div className={styles.action}>
          <FixActionButton fix={fix} recommended={recommended} />
        </div>
      )}
      {fix.commands.length > 0 ? (
        <div className={styles.commands}>
          <p className={styles.shell}>
            {intl.formatMessage(doable ? words.orRunYourself : words.runYourself, {
              count: fix.commands.length,
              shell: text(SHELL_NAMES[fix.shell]),
            })}
          </p>
          {fix.commands.map((command) => (
            <CommandLine key={command} command={command} />
          ))}
        </div>
      ) : (
        !doable && <p className={styles.nothingToType}>{intl.formatMessage(words.nothingToType)}</p>
      )}
    </Panel>
  );
}
