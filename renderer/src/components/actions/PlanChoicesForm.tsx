import { Button, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { FolderOpenRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { IntlShape, NoMessageValues } from 'react-intl';
import type { ActionOrigin, PlanChoices } from '../../state/actionSession';
import { holderGroups } from '../../state/holderGroups';
import type { HolderGroup } from '../../state/holderGroups';
import { packageNameProblem } from '../../state/planChoices';
import { useAppStore } from '../../state/store';
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

const words = defineMessages<{
  packageLabel: NoMessageValues;
  packageHint: NoMessageValues;
  packageExample: NoMessageValues;
  packageNone: NoMessageValues;
  whereItGoes: NoMessageValues;
  folderInProject: NoMessageValues;
  chooseFolder: NoMessageValues;
  suggestedFolder: NoMessageValues;
  programsToClose: NoMessageValues;
  untick: NoMessageValues;
  otherUsersProgram: { program: string };
  pid: { pid: string };
  holderDetail: { programs: string; pids: string };
  launcherDetail: { programs: string; pids: string };
}>({
  packageLabel: {
    id: 'ui.planChoices.packageLabel',
    defaultMessage: 'Package to install',
    description: 'Label of the field with the name of the Python package to install',
  },
  packageHint: {
    id: 'ui.planChoices.packageHint',
    defaultMessage:
      'The name as on PyPI. Pip Doctor read it from your error message; change it if needed.',
    description: 'Hint under the package name field',
  },
  packageExample: {
    id: 'ui.planChoices.packageExample',
    defaultMessage: 'for example requests',
    description: 'Placeholder of the package name field; "requests" is a package name, keep it',
  },
  packageNone: {
    id: 'ui.planChoices.packageNone',
    defaultMessage: 'none: only create the environment',
    description:
      'Placeholder of the package name field when it may stay empty: then the fix only creates the virtual environment',
  },
  whereItGoes: {
    id: 'ui.planChoices.whereItGoes',
    defaultMessage: 'Where it goes',
    description: 'Label over the folder the new virtual environment is created in',
  },
  folderInProject: {
    id: 'ui.planChoices.folderInProject',
    defaultMessage: 'A folder in your project; the plan below names it.',
    description: 'Where the new virtual environment goes, before the plan named the folder',
  },
  chooseFolder: {
    id: 'ui.planChoices.chooseFolder',
    defaultMessage: 'Choose another folder…',
    description: 'Button: opens a folder picker for the new virtual environment',
  },
  suggestedFolder: {
    id: 'ui.planChoices.suggestedFolder',
    defaultMessage: 'Use the suggested folder',
    description: 'Button: goes back to the folder Pip Doctor suggested',
  },
  programsToClose: {
    id: 'ui.planChoices.programsToClose',
    defaultMessage: 'Programs to close',
    description: 'Heading over the checklist of programs the fix will close',
  },
  untick: {
    id: 'ui.planChoices.untick',
    defaultMessage: 'Untick a program to leave it running.',
    description: 'Hint under the checklist of programs to close',
  },
  otherUsersProgram: {
    id: 'ui.planChoices.otherUsersProgram',
    defaultMessage: "{program}, another user's program",
    description: 'A program to close that runs as another user account; {program} names it',
  },
  pid: {
    id: 'ui.planChoices.pid',
    defaultMessage: 'pid {pid}',
    description: "A process id, as in Task Manager's PID column; {pid} is the number",
  },
  holderDetail: {
    id: 'ui.planChoices.holderDetail',
    defaultMessage: '{programs}, {pids}',
    description:
      'Under a program to close: its file names ({programs}, such as python.exe) and process ids ({pids}, such as "pid 8840")',
  },
  launcherDetail: {
    id: 'ui.planChoices.launcherDetail',
    defaultMessage: '{programs}, {pids} (a launcher and the program it started)',
    description:
      'Under a program to close that is two processes: their file names ({programs}) and process ids ({pids}, such as "pid 8840 and pid 8852")',
  },
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
  const intl = useIntl();
  const text = useText();
  const problem = packageNameProblem(value);
  return (
    <Field
      label={intl.formatMessage(words.packageLabel)}
      required={required}
      hint={problem === null ? intl.formatMessage(words.packageHint) : undefined}
      validationState={problem === null ? 'none' : 'error'}
      validationMessage={problem === null ? undefined : text(problem)}
    >
      <Input
        value={value}
        onChange={(_, data) => setPackageName(data.value)}
        spellCheck={false}
        autoComplete="off"
        placeholder={intl.formatMessage(required ? words.packageExample : words.packageNone)}
      />
    </Field>
  );
}

function FolderChoice({ choices }: { choices: PlanChoices }) {
  const styles = useStyles();
  const labelId = useId();
  const intl = useIntl();
  const chooseVenvFolder = useAppStore((state) => state.chooseVenvFolder);
  const useProjectFolder = useAppStore((state) => state.useProjectFolder);
  // The folder the scan chose (`.venv`, `.venv-new`, a short one for a long-path error), as the plan names it.
  const suggested = useAppStore((state) => state.scan.diagnosis?.newVenvFolder ?? null);
  return (
    <div role="group" aria-labelledby={labelId} className={styles.folder}>
      <span id={labelId} className={styles.folderLabel}>
        {intl.formatMessage(words.whereItGoes)}
      </span>
      {choices.folder === null ? (
        suggested === null ? (
          <span className={styles.folderText}>{intl.formatMessage(words.folderInProject)}</span>
        ) : (
          <span className={styles.folderPath}>{suggested}</span>
        )
      ) : (
        <span className={styles.folderPath}>{choices.folder.displayPath}</span>
      )}
      <span className={styles.folderButtons}>
        <Button icon={<FolderOpenRegular />} onClick={() => void chooseVenvFolder()}>
          {intl.formatMessage(words.chooseFolder)}
        </Button>
        {choices.folder !== null && (
          <Button appearance="subtle" onClick={useProjectFolder}>
            {intl.formatMessage(words.suggestedFolder)}
          </Button>
        )}
      </span>
    </div>
  );
}

function HolderChecklist({ choices }: { choices: PlanChoices }) {
  const styles = useStyles();
  const setHolderTicked = useAppStore((state) => state.setHolderTicked);
  const intl = useIntl();
  const groups = holderGroups(choices.holders ?? []);
  const text = useText();
  return (
    <fieldset className={styles.holders}>
      <legend className={styles.legend}>{intl.formatMessage(words.programsToClose)}</legend>
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
                  {group.sameUser
                    ? text(group.name)
                    : intl.formatMessage(words.otherUsersProgram, { program: text(group.name) })}
                </span>
                <span className={styles.holderDetail}>{holderDetail(intl, group)}</span>
              </span>
            }
          />
        );
      })}
      <p className={styles.hint}>{intl.formatMessage(words.untick)}</p>
    </fieldset>
  );
}

/** The processes behind a program, for telling two alike apart: "python.exe, pid 8840 and pid 8852". */
export function holderDetail(intl: IntlShape, group: HolderGroup): string {
  // File names are not words: a plain "a, b" list, then the pids joined by the language's "and".
  const programs = intl.formatList([...new Set(group.members.map((member) => member.program))], {
    type: 'unit',
    style: 'short',
  });
  // A pid is an id, not a quantity: passed as text so that no language groups its digits.
  const pids = intl.formatList(
    group.members.map((member) => intl.formatMessage(words.pid, { pid: String(member.pid) })),
  );
  const launcher = group.members.length > 1;
  return intl.formatMessage(launcher ? words.launcherDetail : words.holderDetail, {
    programs,
    pids,
  });
}
