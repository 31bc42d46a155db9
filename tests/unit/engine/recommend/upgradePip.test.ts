import { describe, expect, test } from 'vitest';
import { recommend } from '../../../../electron/engine/recommend/recommend';
import type { RecommendInput } from '../../../../electron/engine/recommend/recommend';
import { REMEDY_CATALOG } from '../../../../electron/remedies/registry';
import { folder, install } from './installFacts';
import { english } from '../../../support/english';

const SITE = '/usr/local/lib/python3.11/dist-packages';
const USER_SITE = '/home/alice/.local/lib/python3.11/site-packages';

function upgradePip(overrides: Partial<RecommendInput>) {
  const ranked = recommend(
    {
      platform: 'linux',
      cause: 'permission',
      target: install({
        folders: [
          folder('purelib', SITE, false, 'Only root can change this folder.'),
          folder('user-site', USER_SITE, true),
        ],
      }),
      installs: [],
      processes: [],
      log: null,
      projectDir: '/home/alice/p',
      pipOnPath: [],
      venvFolder: '/home/alice/p/.venv',
      ...overrides,
    },
    REMEDY_CATALOG,
  );
  const found = ranked.find((r) => r.id === 'upgrade-pip');
  return { found, ranked };
}

/** Issue #16 item 11: every how-to says "upgrade pip"; the app always answers it from this machine. */
describe('upgrade pip is always answered', () => {
  test('a recent pip: listed among the fixes that would not help, with the version the scan read', () => {
    const { found, ranked } = upgradePip({});
    expect(found?.applicable).toBe(false);
    expect(english(found!.reason)).toBe(
      "Your pip 23.0.1 is recent enough: upgrading it will not fix this. Which folders you may change does not depend on pip's version.",
    );
    // After every fix that helps.
    expect(ranked.slice(ranked.indexOf(found!)).every((r) => !r.applicable)).toBe(true);
  });

  test('a lock: a newer pip would meet the same held file', () => {
    const { found } = upgradePip({
      cause: 'lock',
      target: install({ pipVersion: '24.2' }),
    });
    expect(found?.applicable).toBe(false);
    expect(english(found!.reason)).toBe(
      'Your pip 24.2 is recent enough: upgrading it will not fix this. A file another program holds stays locked, whatever the version of pip.',
    );
  });

  test('an old pip (below 21) is a real fix, ranked after the cause’s own fixes, run through python -m pip', () => {
    const { found, ranked } = upgradePip({
      target: install({
        pipVersion: '19.2.3',
        folders: [folder('purelib', SITE, false), folder('user-site', USER_SITE, true)],
      }),
    });
    expect(found?.applicable).toBe(true);
    expect(english(found!.reason)).toBe(
      'Your pip 19.2.3 is old. pip 21 and newer find prebuilt wheels for this Python and install into your own folder by themselves when this one cannot be changed.',
    );
    expect(found?.commands).toEqual([
      '/usr/bin/python3 -m pip install --upgrade pip setuptools wheel',
    ]);
    expect(english(found!.action!.label)).toBe('Upgrade pip');
    expect(ranked[0]?.id).toBe('venv');
  });

  test('an old pip in a venv: no claim about falling back to the user folder, which a venv turns off', () => {
    const { found } = upgradePip({
      target: install({
        kind: 'venv',
        pipVersion: '20.3.4',
        executable: '/home/alice/p/.venv/bin/python',
      }),
    });
    expect(found?.applicable).toBe(true);
    expect(english(found!.reason)).toBe(
      'Your pip 20.3.4 is old. pip 21 and newer find prebuilt wheels for this Python.',
    );
  });

  test("the operating system's pip: never upgraded by pip, and says so", () => {
    const { found } = upgradePip({
      cause: 'pep668',
      target: install({ externallyManaged: true, pipVersion: '20.3.4' }),
    });
    expect(found?.applicable).toBe(false);
    expect(english(found!.reason)).toBe(
      'Your pip 20.3.4 comes with your operating system, which keeps it up to date; pip may not replace it (PEP 668).',
    );
  });

  test('no pip version read: no claim either way', () => {
    const { found } = upgradePip({ target: install({ pipVersion: null }) });
    expect(found?.applicable).toBe(false);
    expect(english(found!.reason)).toMatch(/could not read which pip/);
  });
});
