import { makeStyles, tokens } from '@fluentui/react-components';
import type { AclEntry } from '../../../electron/shared/model/diagnosis';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      textAlign: 'start',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      overflowWrap: 'anywhere',
    },
    '& th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  },
  caption: { textAlign: 'start', paddingBottom: tokens.spacingVerticalXS },
  deny: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** A Windows folder's access list: who may do what, and which entries are about this user. */
export function AclTable({ entries, folder }: { entries: AclEntry[]; folder: string }) {
  const styles = useStyles();
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>Who may change {folder}</caption>
      <thead>
        <tr>
          <th scope="col">Who</th>
          <th scope="col">Allow or deny</th>
          <th scope="col">Rights</th>
          <th scope="col">About you</th>
          <th scope="col">Inherited</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, index) => (
          <tr key={`${entry.principal}-${entry.type}-${index}`}>
            <td>{entry.principal}</td>
            <td className={entry.type === 'deny' ? styles.deny : undefined}>
              {entry.type === 'deny' ? 'Deny' : 'Allow'}
            </td>
            <td>{entry.rights}</td>
            <td>{entry.appliesToUser ? 'Yes' : 'No'}</td>
            <td>{entry.inherited ? 'Yes' : 'No'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
