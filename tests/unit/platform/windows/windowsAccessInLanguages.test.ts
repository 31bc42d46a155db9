import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../electron/engine/diagnose/diagnose';
import { REMEDY_CATALOG } from '../../../../electron/remedies/registry';
import { DiagnosisSchema } from '../../../../electron/shared/model/diagnosis';
import type { AccessCheck } from '../../../../electron/shared/model/diagnosis';
import { english, inLanguage } from '../../../support/english';
import { loadRecordedMachine } from './support/recordedMachine';

async function purelib(situation: string): Promise<AccessCheck> {
  const machine = loadRecordedMachine(situation);
  const diagnosis = DiagnosisSchema.parse(
    await diagnose(machine.probe, {
      projectDir: machine.setup.projectDir,
      extraPythons: [],
      env: machine.env,
      log: machine.log,
      remedies: REMEDY_CATALOG,
    }),
  );
  const install = diagnosis.installs.find((each) => each.id === diagnosis.targetInstallId)!;
  return install.folders.find((folder) => folder.role === 'purelib')!;
}

/**
 * The Windows permission explanations on recorded machines, read in the
 * user's language: the sentences are translated, the path and the account
 * names icacls prints (Administrators, Users, SYSTEM) stay as they are.
 */

const SITE_PACKAGES = 'C:\\Program Files\\Python312\\Lib\\site-packages';

describe('Python for all users, not elevated, in the user’s language', () => {
  it('reads in German with the path and the account names unchanged', async () => {
    const folder = await purelib('all-users-not-elevated');
    expect(inLanguage('de', folder.reason!)).toBe(
      `Nur Administrators, SYSTEM und TrustedInstaller dürfen ${SITE_PACKAGES} ändern (Rechte von den übergeordneten Ordnern geerbt); ` +
        'Sie gehören zur Gruppe Users, die dort nur lesen darf. ' +
        'Sie sind Administrator, aber Programme, die Sie starten, laufen ohne Ihre Administratorrechte, ' +
        'bis Sie eine Anfrage der Benutzerkontensteuerung bestätigen.',
    );
  });

  it('reads in Chinese with the path and the account names unchanged, sentences joined without spaces', async () => {
    const folder = await purelib('all-users-not-elevated');
    expect(inLanguage('zh-Hans', folder.reason!)).toBe(
      `只有 Administrators、SYSTEM和TrustedInstaller 可以更改 ${SITE_PACKAGES}（权限继承自上级文件夹）；` +
        '您所在的组 Users 在那里只能读取内容。' +
        '您是管理员，但在您批准用户帐户控制提示之前，您启动的程序不会以管理员权限运行。',
    );
  });

  it('still reads in English as it did, with the list of who may change it joined as English joins lists', async () => {
    const folder = await purelib('all-users-not-elevated');
    expect(english(folder.reason!)).toBe(
      `Only Administrators, SYSTEM, and TrustedInstaller may change ${SITE_PACKAGES} (rights inherited from the folders above); ` +
        'you are in Users, who may only read it. You are an administrator, but programs you start run without your ' +
        'administrator rights until you approve a User Account Control prompt.',
    );
  });

  it('names each entry’s rights as the Security tab of that language does', async () => {
    const folder = await purelib('all-users-not-elevated');
    const rights = (locale: 'de' | 'zh-Hans' | 'ja') =>
      folder.acl!.map((entry) => [entry.principal, inLanguage(locale, entry.rights)]);
    expect(rights('de')).toEqual([
      ['TrustedInstaller', 'Vollzugriff'],
      ['SYSTEM', 'Vollzugriff'],
      ['Administrators', 'Vollzugriff'],
      ['Users', 'Lesen, Ausführen'],
      ['ALL APPLICATION PACKAGES', 'Lesen, Ausführen'],
      ['ALL RESTRICTED APPLICATION PACKAGES', 'Lesen, Ausführen'],
    ]);
    expect(rights('zh-Hans').map(([, words]) => words)).toEqual([
      '完全控制',
      '完全控制',
      '完全控制',
      '读取和执行',
      '读取和执行',
      '读取和执行',
    ]);
    expect(rights('ja')[0]).toEqual(['TrustedInstaller', 'フル コントロール']);
  });
});

describe('a deny entry on site-packages, in the user’s language', () => {
  it('lists the denied rights as the language joins a list, and names what the deny outweighs', async () => {
    const folder = await purelib('deny-entry');
    const path = 'C:\\Users\\ana\\AppData\\Local\\Programs\\Python\\Python312\\Lib\\site-packages';
    expect(inLanguage('de', folder.reason!)).toBe(
      `Ein Verweigern-Eintrag für ${path} verbietet Ihnen (ana) Folgendes: ` +
        'Schreiben, Unterordner und Dateien löschen, Löschen und Berechtigungen lesen. ' +
        'Er ist direkt für diesen Ordner gesetzt (nicht geerbt) und hat Vorrang vor dem Recht „Vollzugriff“, ' +
        'das Sie über Ihren eigenen Eintrag haben.',
    );
    expect(inLanguage('ru', folder.acl![0]!.rights)).toBe(
      'запись, удаление подпапок и файлов, удаление и чтение разрешений',
    );
    expect(inLanguage('zh-Hans', folder.acl![0]!.rights)).toBe(
      '写入、删除子文件夹及文件、删除和读取权限',
    );
  });
});
