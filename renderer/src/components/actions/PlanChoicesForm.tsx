import { Button, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { FolderOpenRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import type { ActionOrigin, PlanChoices } from '../../state/actionSession';
import { holderGroups } from '../../state/holderGroups';
import type { HolderGroup } from '../../state/holderGroups';
import { packageNameProblem } from '../../state/planChoices';
import { useAppStore } from '../../state/store';
import { FormattedMessage, defineMessages } from 'react-intl';
import { useText } from '../../i18n/useText';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  folder: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  folderLabel: { fontWeight: tokens.fontWeightSemibold },
  folderText: { overflowWrap: 'anywhere' },
  folderPath: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  folderButtons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
  holders: { margin: 0, padding: 0, border: 'none', minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  holder: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  holderName: { fontWeight: tokens.fontWeightSemibold },
  holderDetail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/**
 * What the user may still change before the plan runs: the package, where a
 * virtual environment goes, which programs to close. Each change remakes
 * the plan below in main; only names and ids cross the bridge.
 */
export function PlanChoicesForm({
  origin,
  choices,
}: {
  origin: Extract<ActionOrigin, { kind: 'remedy' }>;
  choices: PlanChoices;
}) {
  const styles = useStyles();
  const { remedy, packageUse: use } = origin;
  return (
    <div className={styles.form}>
      {use !== 'none' && <PackageField value={choices.packageName} required={use === 'required'} />}
      {remedy === 'venv' && <FolderChoice choices={choices} />}
      {remedy === 'close-processes' && choices.holders !== null && (
        <HolderChecklist choices={choices} />
      )}
    </div>
  );
}

function PackageField({ value, required }: { value: string; required: boolean }) {
  const setPackageName = useAppStore((state) => state.setPackageName);
  const problem = packageNameProblem(value);
  return (
    <Field
      label="Package to install"
      required={required}
      hint={
        problem === ''
          ? 'The name as on PyPI. Pip Doctor read it from your error message; change it if needed.'
          : undefined
      }
      validationState={problem === '' ? 'none' : 'error'}
      validationMessage={problem === '' ? undefined : problem}
    >
      <Input
        value={value}
        onChange={(_, data) => setPackageName(data.value)}
        spellCheck={false}
        autoComplete="off"
        placeholder={required ? 'for example requests' : 'none: only create the environment'}
      />
    </Field>
  );
}

function FolderChoice({ choices }: { choices: PlanChoices }) {
  const styles = useStyles();
  const labelId = useId();
  const chooseVenvFolder = useAppStore((state) => state.chooseVenvFolder);
  const useProjectFolder = useAppStore((state) => state.useProjectFolder);
  // The folder the scan chose (`.venv`, `.venv-new`, a short one for a long-path error), as the plan names it.
  const suggested = useAppStore((state) => state.scan.diagnosis?.newVenvFolder ?? null);
  return (
    <div role="group" aria-labelledby={labelId} className={styles.folder}>
      <span id={labelId} className={styles.folderLabel}>
        Where it goes
      </span>
      {choices.folder === null ? (
        suggested === null ? (
          <span className={styles.folderText}>
            A folder in your project; the plan below names it.
          </span>
        ) : (
          <span className={styles.folderPath}>{suggested}</span>
        )
      ) : (
        <span className={styles.folderPath}>{choices.folder.displayPath}</span>
      )}
      <span className={styles.folderButtons}>
        <Button icon={<FolderOpenRegular />} onClick={() => void chooseVenvFolder()}>
          Choose another folder…
        </Button>
        {choices.folder !== null && (
          <Button appearance="subtle" onClick={useProjectFolder}>
            Use the suggested folder
          </Button>
        )}
      </span>
    </div>
  );
}

const planFieldWords = defineMessages<{ anotherUsers: { program: string } }>({
  anotherUsers: {
    id: 'plan.holder.anotherUsers',
    defaultMessage: "{program}, another user's program",
    description: 'A program to close that runs as another account; {program} is its name.',
  },
});

function HolderChecklist({ choices }: { choices: PlanChoices }) {
  const styles = useStyles();
  const setHolderTicked = useAppStore((state) => state.setHolderTicked);
  const groups = holderGroups(choices.holders ?? []);
  const text = useText();
  return (
    <fieldset className={styles.holders}>
      <legend className={styles.legend}>Programs to close</legend>
      {groups.map((group) => {
        const pids = group.members.map((member) => member.pid);
        return (
          <Checkbox
            key={group.members.map((member) => `${member.pid}@${member.startTime}`).join(' ')}
            checked={pids.every((pid) => !choices.unticked.includes(pid))}
            onChange={(_, data) => setHolderTicked(pids, data.checked === true)}
            label={
              <span className={styles.holder}>
                <span className={styles.holderName}>
                  {group.sameUser ? (
                    text(group.name)
                  ) : (
                    <FormattedMessage
                      {...planFieldWords.anotherUsers}
                      values={{ program: text(group.name) }}
                    />
                  )}
                </span>
                <span className={styles.holderDetail}>{holderDetail(group)}</span>
              </span>
            }
          />
        );
      })}
      <p className={styles.hint}>Untick a program to leave it running.</p>
    </fieldset>
  );
}

/** The processes behind a program, for telling two alike apart: "python.exe, pid 8840 and pid 8852". */
function holderDetail(group: HolderGroup): string {
  const programs = [...new Set(group.members.map((member) => member.program))].join(', ');
  const pids = group.members.map((member) => `pid ${member.pid}`);
  const listed = pids.length === 1 ? pids[0] : `${pids.slice(0, -1).join(', ')} and ${pids.at(-1)}`;
  const launcher = group.members.length > 1 ? ' (a launcher and the program it started)' : '';
  return `${programs}, ${listed}${launcher}`;
}
