import { chmodSync, chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../../support/tempTree';
import {
  NOBODY,
  asNobodyTitle,
  canMountReadOnly,
  canSwitchUser,
  checkInProcess,
} from '../accessAsUser';

/**
 * `reclaim`: in the scanning user's home, the folder whose ownership handed
 * back gives them their tree again (after a `sudo pip install --user`). Each
 * case is a real home of uid 65534 with real root-owned folders in it,
 * checked by a process running as uid 65534 with that HOME.
 */
const root = tempTree('reclaim');
let cases = 0;

/** `home` owned by nobody, and each path below it owned as given (folders made in order). */
function homeWith(owners: Array<[path: string, uid: number]>): string {
  const home = join(root, `${++cases}-home`);
  mkdirSync(home);
  chownSync(home, NOBODY, NOBODY);
  for (const [path, uid] of owners) {
    const dir = join(home, path);
    mkdirSync(dir);
    chownSync(dir, uid, uid);
    chmodSync(dir, 0o755);
  }
  return home;
}

const SITE = '.local/lib/python3.12/site-packages';

describe.skipIf(!canSwitchUser)(
  asNobodyTitle('reclaim: what to hand back in the user’s home'),
  () => {
    it('is ~/.local when sudo created all of it', async () => {
      const home = homeWith([
        ['.local', 0],
        ['.local/lib', 0],
        ['.local/lib/python3.12', 0],
        [SITE, 0],
      ]);
      const { check } = await checkInProcess(join(home, SITE), { asNobody: true, home });
      expect(check).toMatchObject({ writable: false, reclaim: join(home, '.local') });
    });

    it('is the highest root-owned folder above the blocked one, below the user’s own', async () => {
      const home = homeWith([
        ['.local', NOBODY],
        ['.local/lib', NOBODY],
        ['.local/lib/python3.12', 0],
        [SITE, 0],
      ]);
      const { check } = await checkInProcess(join(home, SITE), { asNobody: true, home });
      expect(check.reclaim).toBe(join(home, '.local/lib/python3.12'));
    });

    it('is found from where pip would create a missing folder', async () => {
      const home = homeWith([['.local', 0]]);
      const { check } = await checkInProcess(join(home, SITE), { asNobody: true, home });
      expect(check).toMatchObject({
        exists: false,
        writable: false,
        reclaim: join(home, '.local'),
      });
    });

    it('is null for a writable folder, and for a folder outside the home', async () => {
      const home = homeWith([
        ['.local', NOBODY],
        ['.local/lib', NOBODY],
        ['.local/lib/python3.12', NOBODY],
        [SITE, NOBODY],
      ]);
      const writable = await checkInProcess(join(home, SITE), { asNobody: true, home });
      expect(writable.check).toMatchObject({ writable: true, reclaim: null });

      const system = join(root, `${++cases}-system`, 'site-packages');
      mkdirSync(system, { recursive: true });
      const outside = await checkInProcess(system, { asNobody: true, home });
      expect(outside.check).toMatchObject({ writable: false, reclaim: null });
    });

    it.skipIf(!canMountReadOnly())(
      'is null on a read-only file system, where no change of owner helps',
      async () => {
        const home = homeWith([['.local', 0]]);
        const { check } = await checkInProcess(join(home, '.local'), {
          asNobody: true,
          home,
          readOnlyMount: 'bind',
        });
        expect(check).toMatchObject({ writable: false, readOnlyFileSystem: true, reclaim: null });
      },
    );
  },
);
