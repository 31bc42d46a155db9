import { describe, expect, test } from 'vitest';
import { createRedactor } from '../../../../electron/engine/report/redactPersonal';

describe('hiding the user name and home folder', () => {
  test('Windows profile paths: any case, both slash styles, doubled backslashes, domain profiles', () => {
    const { text } = createRedactor({
      userName: 'alice',
      homeDir: 'C:\\Users\\alice',
      platform: 'win32',
    });
    expect(text('C:\\Users\\alice\\AppData\\Local')).toBe('C:\\Users\\<user>\\AppData\\Local');
    expect(text('c:\\users\\ALICE\\AppData')).toBe('c:\\users\\<user>\\AppData');
    expect(text('C:/Users/Alice/AppData')).toBe('C:/Users/<user>/AppData');
    expect(text("'C:\\\\Users\\\\alice\\\\AppData'")).toBe("'C:\\\\Users\\\\<user>\\\\AppData'");
    expect(text('\\\\?\\C:\\Users\\alice\\x')).toBe('\\\\?\\C:\\Users\\<user>\\x');
    expect(text('C:\\Users\\alice.CORP\\Documents')).toBe('C:\\Users\\<user>\\Documents');
    expect(text('C:\\Users\\alice')).toBe('C:\\Users\\<user>');
  });

  test('the bare name in accounts and command lines, but never inside a longer word', () => {
    const { text, account } = createRedactor({
      userName: 'alice',
      homeDir: null,
      platform: 'win32',
    });
    expect(account('DESKTOP-7\\alice')).toBe('DESKTOP-7\\<user>');
    expect(text('python.exe app.py --user alice')).toBe('python.exe app.py --user <user>');
    expect(text('owned by Alice.')).toBe('owned by <user>.');
    expect(text('malice alice2 alice_b alice-laptop alice.py')).toBe(
      'malice alice2 alice_b alice-laptop alice.py',
    );
  });

  test('a short name does not eat the words it appears in', () => {
    const { text, account } = createRedactor({
      userName: 'al',
      homeDir: '/home/al',
      platform: 'linux',
    });
    expect(text('also, al-pha, albert and Al stay; al goes')).toBe(
      'also, al-pha, albert and Al stay; <user> goes',
    );
    expect(text('/home/al/also/al.txt')).toBe('/home/<user>/also/al.txt');
    expect(text('/home/alice/x')).toBe('/home/alice/x');
    expect(account('al')).toBe('<user>');
  });

  test('a one-letter name is hidden in paths and accounts, not in prose', () => {
    const { text, account } = createRedactor({
      userName: 'a',
      homeDir: '/home/a',
      platform: 'linux',
    });
    expect(text('a folder in /home/a/projects')).toBe('a folder in /home/<user>/projects');
    expect(account('a')).toBe('<user>');
  });

  test('POSIX: /home and /Users, case-sensitive, and a home that is not named after the user', () => {
    const linux = createRedactor({
      userName: 'alice',
      homeDir: '/srv/homes/a1234',
      platform: 'linux',
    });
    expect(linux.text('/home/alice/.local/bin')).toBe('/home/<user>/.local/bin');
    expect(linux.text('/srv/homes/a1234/.venv')).toBe('/srv/homes/<user>/.venv');
    expect(linux.text('/srv/homes/a12345')).toBe('/srv/homes/a12345');
    expect(linux.text('/home/Alice/x')).toBe('/home/Alice/x');
    const mac = createRedactor({ userName: 'alice', homeDir: '/Users/alice', platform: 'darwin' });
    expect(mac.text('/Users/alice/Library/Python/3.12')).toBe('/Users/<user>/Library/Python/3.12');
  });

  test('a user called "user" does not become <<user>>', () => {
    const { text } = createRedactor({ userName: 'user', homeDir: '/home/user', platform: 'linux' });
    expect(text('/home/user/x by user, user-site')).toBe('/home/<user>/x by <user>, user-site');
  });

  test('names with regex characters are taken literally', () => {
    const { text } = createRedactor({ userName: 'j.doe+1', homeDir: null, platform: 'linux' });
    expect(text('/home/j.doe+1/x and jxdoe+1')).toBe('/home/<user>/x and jxdoe+1');
  });

  test('system accounts are not personal: root and Administrator are left alone', () => {
    for (const userName of ['root', 'Administrator']) {
      const { text } = createRedactor({ userName, homeDir: '/root', platform: 'linux' });
      expect(text('/root/.pyenv owned by root')).toBe('/root/.pyenv owned by root');
    }
  });
});
