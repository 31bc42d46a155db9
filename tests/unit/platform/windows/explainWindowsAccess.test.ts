import { english, englishDeep, englishOf, inLanguage } from '../../../support/english';
import { describe, expect, it } from 'vitest';
import { rightsInWords } from '../../../../electron/platform/windows/accessRights';
import { explainWindowsAccess } from '../../../../electron/platform/windows/explainWindowsAccess';
import type { WindowsAccessFacts } from '../../../../electron/platform/windows/explainWindowsAccess';
import { ProbeDocumentSchema } from '../../../../electron/platform/windows/probeDocument';
import type { AclItem } from '../../../../electron/platform/windows/probeDocument';
import { tokenView } from '../../../../electron/platform/windows/tokenView';
import type { TokenView } from '../../../../electron/platform/windows/tokenView';
import type { WriteProbe } from '../../../../electron/platform/writeProbe';

// Entries and tokens in the shape the PowerShell script prints, read through the same schema.
const ME = 'S-1-5-21-1111111111-2222222222-3333333333-1001';
const FOLDER = 'C:\\Users\\ana\\proj\\.venv\\Lib\\site-packages';

interface RawAce {
  sid: string;
  name?: string;
  mask: string;
  type?: 'Allow' | 'Deny';
  inherited?: boolean;
  inheritance?: string;
  propagation?: string;
}

function acl(entries: RawAce[], extra: Record<string, unknown> = {}): AclItem {
  const document = ProbeDocumentSchema.parse({
    pipDoctorWindowsProbe: 1,
    acl: {
      status: 'ok',
      items: [
        {
          path: FOLDER,
          exists: true,
          isFolder: true,
          attributes: 'Directory',
          owner: ME,
          ownerName: 'PC\\ana',
          entries: entries.map((entry) => ({
            type: 'Allow',
            inherited: true,
            inheritance: 'None',
            propagation: 'None',
            name: null,
            ...entry,
          })),
          error: null,
          ...extra,
        },
      ],
    },
  });
  return document.acl.items[0]!;
}

function token(kind: 'standard' | 'split-admin' | 'elevated'): TokenView {
  const groups = [
    { sid: 'S-1-1-0', denyOnly: false },
    { sid: 'S-1-5-32-545', denyOnly: false },
    { sid: 'S-1-5-11', denyOnly: false },
    ...(kind === 'split-admin' ? [{ sid: 'S-1-5-32-544', denyOnly: true }] : []),
    ...(kind === 'elevated' ? [{ sid: 'S-1-5-32-544', denyOnly: false }] : []),
  ];
  const document = ProbeDocumentSchema.parse({
    pipDoctorWindowsProbe: 1,
    identity: {
      status: 'ok',
      error: null,
      userSid: ME,
      userName: 'PC\\ana',
      elevated: kind === 'elevated',
      groups,
    },
  });
  return tokenView(document.identity)!;
}

const refused: WriteProbe = {
  exists: true,
  probedPath: FOLDER,
  writable: false,
  errorCode: 'EPERM',
  leftBehind: null,
};

function explain(facts: Partial<WindowsAccessFacts>) {
  return explainWindowsAccess({
    path: FOLDER,
    probe: refused,
    acl: null,
    aclError: null,
    token: token('standard'),
    controlledFolderAccess: false,
    ...facts,
  });
}

const FULL = '0x001F01FF';
const RX = '0x001200A9';
const MODIFY = '0x001301BF';

describe('explaining a refused Windows folder', () => {
  it('says nothing when the folder is writable', () => {
    expect(explain({ probe: { ...refused, writable: true, errorCode: null } })).toEqual({
      writable: true,
      reason: null,
      owner: null,
      mode: null,
      acl: null,
    });
  });

  it('lets an explicit allow outweigh an inherited deny, then looks elsewhere: Controlled Folder Access', () => {
    const result = explain({
      acl: acl([
        { sid: ME, mask: MODIFY, inherited: false },
        { sid: 'S-1-1-0', mask: '0x00000116', type: 'Deny' },
      ]),
      controlledFolderAccess: true,
    });
    expect(englishOf(result.reason)).toBe(
      `The access list of ${FOLDER} lets you create files there (through your own entry), yet Windows refused (EPERM). ` +
        'Controlled Folder Access is on: it stops programs it does not trust from changing protected folders ' +
        '(Documents, Desktop, Pictures and the folders added to it), whatever the access list says.',
    );
  });

  it('names a security program when the list allows it and Controlled Folder Access is off', () => {
    const result = explain({ acl: acl([{ sid: 'S-1-5-11', mask: MODIFY }]) });
    expect(englishOf(result.reason)).toMatch(
      /through Authenticated Users\), yet Windows refused \(EPERM\): a security program such as an antivirus/,
    );
  });

  it('applies a deny entry to a group the split token keeps for deny only', () => {
    const result = explain({
      token: token('split-admin'),
      acl: acl([
        {
          sid: 'S-1-5-32-544',
          name: 'VORDEFINIERT\\Administratoren',
          mask: '0x00010116',
          type: 'Deny',
          inherited: false,
        },
        { sid: 'S-1-5-32-545', mask: MODIFY },
      ]),
    });
    expect(englishOf(result.reason)).toBe(
      `A deny entry on ${FOLDER} forbids Administrators, a group your account belongs to even when it does not use its rights, ` +
        'to write and delete. It is set on this folder itself, not inherited, and it outweighs the modify you are given through Users.',
    );
    expect(result.acl![0]).toMatchObject({
      principal: 'Administrators',
      type: 'deny',
      appliesToUser: true,
    });
  });

  it("says when none of the user's groups is named at all, and that the user is no administrator", () => {
    const result = explain({
      acl: acl([
        { sid: 'S-1-5-18', mask: FULL },
        { sid: 'S-1-5-32-544', mask: FULL },
      ]),
    });
    expect(englishOf(result.reason)).toBe(
      `Only Administrators and SYSTEM may change ${FOLDER} (rights inherited from the folders above); ` +
        'none of the groups you are in is given any right there. You are not an administrator on this computer.',
    );
  });

  it('names a group that may create folders but not files by what it may do', () => {
    const result = explain({
      acl: acl([
        { sid: 'S-1-5-32-544', mask: FULL, inherited: false },
        { sid: 'S-1-5-32-545', mask: RX, inherited: false },
        { sid: 'S-1-5-32-545', mask: '0x00000004', inherited: false },
      ]),
    });
    expect(englishOf(result.reason)).toBe(
      `Only Administrators may change ${FOLDER}; you are in Users, who may only read and execute and create folders there. You are not an administrator on this computer.`,
    );
  });

  it('explains a folder pip would create from the access list of the one above', () => {
    const result = explain({
      path: `${FOLDER}\\new`,
      probe: { ...refused, exists: false },
      acl: acl([
        { sid: 'S-1-5-32-545', mask: RX },
        { sid: 'S-1-5-18', mask: FULL },
      ]),
    });
    expect(englishOf(result.reason)).toMatch(
      /^This folder does not exist yet; pip would create it inside C:\\Users\\ana\\proj\\\.venv\\Lib\\site-packages\. Only SYSTEM may change/,
    );
  });

  it('notes a read-only attribute as not the reason (Windows ignores it on folders)', () => {
    const result = explain({
      acl: acl([{ sid: 'S-1-5-32-545', mask: RX }], { attributes: 'ReadOnly, Directory' }),
    });
    expect(englishOf(result.reason)).toMatch(
      / Its read-only attribute is set, but Windows ignores that attribute on folders, so it is not the reason\.$/,
    );
    expect(result.mode).toBe('ReadOnly');
  });

  it('reports a file it could create but not delete, with what the list gives', () => {
    const leftBehind = `${FOLDER}\\accesstest_deleteme_fishfingers_custard_a1b2c3`;
    const result = explain({
      probe: { ...refused, errorCode: 'EPERM', leftBehind },
      acl: acl([{ sid: ME, mask: '0x00120116' }]),
    });
    expect(englishOf(result.reason)).toBe(
      `Pip Doctor could create a file in ${FOLDER} but not delete it again (EPERM), and pip has to delete files to upgrade or remove packages. ` +
        `The access list gives you write and read permissions there: enough to add files, not to delete them. Please delete the test file it left there: ${leftBehind}`,
    );
  });

  it('says so when the access list could not be read', () => {
    const result = explain({
      acl: acl([], { error: 'Attempted to perform an unauthorized operation.', exists: true }),
    });
    expect(englishOf(result.reason)).toBe(
      `Windows refused to let you create files in ${FOLDER} (EPERM), and its access list could not be read to say why: Attempted to perform an unauthorized operation.`,
    );
    expect(result.acl).toBeNull();
  });

  it("still names who may change it when the user's token is unknown", () => {
    const result = explain({ token: null, acl: acl([{ sid: 'S-1-5-32-544', mask: FULL }]) });
    expect(englishOf(result.reason)).toBe(
      `Only Administrators may change ${FOLDER}; Windows refused to let you create files there (EPERM).`,
    );
    expect(result.acl![0]!.appliesToUser).toBe(false);
  });

  it.each<[string, WriteProbe, string]>([
    [
      'nothing exists',
      { exists: false, probedPath: null, writable: null, errorCode: 'ENOENT', leftBehind: null },
      'Neither this folder nor any folder above it exists.',
    ],
    [
      'a file is in the way',
      {
        exists: false,
        probedPath: 'C:\\Users\\ana\\proj',
        writable: null,
        errorCode: 'ENOTDIR',
        leftBehind: null,
      },
      'C:\\Users\\ana\\proj is a file, not a folder, so pip cannot create this folder below it.',
    ],
    [
      'the path is too long',
      {
        exists: true,
        probedPath: FOLDER,
        writable: null,
        errorCode: 'ENAMETOOLONG',
        leftBehind: null,
      },
      'The path of this folder is longer than Windows allows here (260 characters, unless long paths are enabled).',
    ],
  ])('says it could not decide when %s', (_label, probe, reason) => {
    expect(englishDeep(explain({ probe }))).toMatchObject({ writable: null, reason });
  });
});

describe('access masks in words', () => {
  it.each<[number, string]>([
    [0x1f01ff, 'full control'],
    [0x10000000, 'full control'],
    [0x1301bf, 'modify'],
    [0x1200a9, 'read and execute'],
    [0xa0000000, 'read and execute'],
    [0x120089, 'read'],
    [0x30156, 'write, delete subfolders and files, delete, and read permissions'],
    [0x4, 'create folders'],
    [0x100000, 'no rights'],
  ])('0x%s', (mask, words) => {
    expect(english(rightsInWords(mask))).toBe(words);
  });
});

describe('explanations in the user’s language: counts and lists', () => {
  const twoGroupsReadOnly = () =>
    explain({
      acl: acl([
        { sid: 'S-1-5-32-544', mask: FULL },
        { sid: 'S-1-5-32-545', mask: RX },
        { sid: 'S-1-5-11', mask: RX },
      ]),
    }).reason!;

  it('says "who together" for two of the user’s groups, in the plural form each language needs', () => {
    expect(english(twoGroupsReadOnly())).toBe(
      `Only Administrators may change ${FOLDER} (rights inherited from the folders above); ` +
        'you are in Users and Authenticated Users, who together may only read it. You are not an administrator on this computer.',
    );
    expect(inLanguage('de', twoGroupsReadOnly())).toBe(
      `Nur Administrators dürfen ${FOLDER} ändern (Rechte von den übergeordneten Ordnern geerbt); ` +
        'Sie gehören zu den Gruppen Users und Authenticated Users, die dort zusammen nur lesen dürfen. ' +
        'Sie sind auf diesem Computer kein Administrator.',
    );
    expect(inLanguage('ru', twoGroupsReadOnly())).toMatch(
      /; вы входите в группы Users и Authenticated Users, которые вместе могут только читать содержимое\. /,
    );
  });

  it('counts the tries for a free test-file name with the language’s plural forms', () => {
    const probe: WriteProbe = { ...refused, writable: null, errorCode: 'EEXIST' };
    const reason = explain({ probe }).reason!;
    expect(english(reason)).toBe(
      'Could not find an unused name for the test file in this folder after 10 tries.',
    );
    expect(inLanguage('ru', reason)).toBe(
      'Не удалось найти свободное имя для тестового файла в этой папке за 10 попыток.',
    );
    expect(inLanguage('fr', reason)).toBe(
      'Impossible de trouver un nom libre pour le fichier de test dans ce dossier après 10 essais.',
    );
  });

  it('keeps the access list’s own error text, untranslated, inside a translated sentence', () => {
    const reason = explain({
      acl: acl([], { error: 'Attempted to perform an unauthorized operation.', exists: true }),
    }).reason!;
    expect(inLanguage('es', reason)).toBe(
      `Windows no le permitió crear archivos en ${FOLDER} (EPERM) y no se pudo leer su lista de acceso para saber por qué: Attempted to perform an unauthorized operation.`,
    );
  });
});
