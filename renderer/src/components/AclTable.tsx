import { makeStyles, tokens } from '@fluentui/react-components';
import { defineMessages, useIntl } from 'react-intl';
import type { AclEntry } from '../../../electron/shared/model/diagnosis';
import { useText } from '../i18n/useText';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      textAlign: 'start',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      // Whole words in names, headings and rights ("TrustedInstaller", "Berechtigungen"): 'anywhere'
      // let the table squeeze columns to a few letters a line. SIDs and DOMAIN-PC\user still wrap at
      // their hyphens, and a word longer than its cell still breaks rather than overflow.
      overflowWrap: 'break-word',
      hyphens: 'auto',
    },
    '& th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  },
  caption: { textAlign: 'start', paddingBottom: tokens.spacingVerticalXS },
  deny: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const sentences = defineMessages<{ caption: { folder: string } }>({
  caption: {
    id: 'ui.aclTable.caption',
    defaultMessage: 'Who may change {folder}',
    description: "Caption of a Windows folder's access list (ACL); {folder} is the folder's path",
  },
});

const words = defineMessages({
  who: {
    id: 'ui.aclTable.who',
    defaultMessage: 'Who',
    description: 'Column heading of the access list: the user or group an entry is about',
  },
  allowOrDeny: {
    id: 'ui.aclTable.allowOrDeny',
    defaultMessage: 'Allow or deny',
    description: 'Column heading of the access list: whether the entry allows or denies',
  },
  rights: {
    id: 'ui.aclTable.rights',
    defaultMessage: 'Rights',
    description:
      'Column heading of the access list: the rights, as Windows names them (Full control…)',
  },
  aboutYou: {
    id: 'ui.aclTable.aboutYou',
    defaultMessage: 'About you',
    description: 'Column heading of the access list: whether the entry applies to the current user',
  },
  inherited: {
    id: 'ui.aclTable.inherited',
    defaultMessage: 'Inherited',
    description: 'Column heading of the access list: whether the entry comes from a parent folder',
  },
  allow: {
    id: 'ui.aclTable.allow',
    defaultMessage: 'Allow',
    description: 'An access list entry that allows (Windows security dialog wording)',
  },
  deny: {
    id: 'ui.aclTable.deny',
    defaultMessage: 'Deny',
    description: 'An access list entry that denies (Windows security dialog wording)',
  },
  yes: { id: 'ui.aclTable.yes', defaultMessage: 'Yes', description: 'A cell of the access list' },
  no: { id: 'ui.aclTable.no', defaultMessage: 'No', description: 'A cell of the access list' },
});

/** A Windows folder's access list: who may do what, and which entries are about this user. */
export function AclTable({ entries, folder }: { entries: AclEntry[]; folder: string }) {
  const styles = useStyles();
  const intl = useIntl();
  const text = useText();
  const yesOrNo = (value: boolean) => intl.formatMessage(value ? words.yes : words.no);
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>
        {intl.formatMessage(sentences.caption, { folder })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{intl.formatMessage(words.who)}</th>
          <th scope="col">{intl.formatMessage(words.allowOrDeny)}</th>
          <th scope="col">{intl.formatMessage(words.rights)}</th>
          <th scope="col">{intl.formatMessage(words.aboutYou)}</th>
          <th scope="col">{intl.formatMessage(words.inherited)}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, index) => (
          <tr key={`${entry.principal}-${entry.type}-${index}`}>
            <td>{entry.principal}</td>
            <td className={entry.type === 'deny' ? styles.deny : undefined}>
              {intl.formatMessage(entry.type === 'deny' ? words.deny : words.allow)}
            </td>
            <td>{text(entry.rights)}</td>
            <td>{yesOrNo(entry.appliesToUser)}</td>
            <td>{yesOrNo(entry.inherited)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
