import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileOwner, recordPaths } from '../../../electron/platform/fileOwner';
import { tempTree } from '../../support/tempTree';

const scratch = tempTree('file-owner');
let cases = 0;

/** A prefix with lib/python3.12/site-packages, as pip lays one out. */
function install(label: string) {
  const prefix = join(scratch, `${++cases}-${label}`);
  const site = join(prefix, 'lib', 'python3.12', 'site-packages');
  mkdirSync(site, { recursive: true });
  return { prefix, site };
}

/** One installed distribution: its files, its RECORD (rows as given), and METADATA unless null. */
function dist(
  site: string,
  folder: string,
  rows: string[],
  metadata: string | null = null,
): string {
  const dir = join(site, folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'RECORD'), rows.map((row) => `${row}\r\n`).join(''));
  if (metadata !== null) writeFileSync(join(dir, 'METADATA'), metadata);
  return dir;
}

const metadata = (name: string, version: string) =>
  `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nSummary: x\n\nName: not-this-one\n`;

/** A RECORD that blocks whoever opens it (a FIFO with no writer): reading it would hang the test. */
function untouchableRecords(site: string, folders: string[]): void {
  for (const folder of folders) mkdirSync(join(site, folder), { recursive: true });
  execFileSync(
    'mkfifo',
    folders.map((folder) => join(site, folder, 'RECORD')),
  );
}

describe('fileOwner: which installed distribution a file belongs to', () => {
  it('finds the dist-info whose RECORD lists the file, with Name and Version from METADATA', async () => {
    const { site } = install('numpy');
    dist(
      site,
      'numpy-1.26.4.dist-info',
      [
        'numpy/__init__.py,sha256=abc,100',
        'numpy/core/_multiarray_umath.cpython-312-x86_64-linux-gnu.so,sha256=def,2000',
        'numpy-1.26.4.dist-info/RECORD,,',
      ],
      metadata('numpy', '1.26.4'),
    );
    dist(site, 'six-1.16.0.dist-info', ['six.py,sha256=x,1'], metadata('six', '1.16.0'));

    expect(
      await fileOwner(
        [site],
        join(site, 'numpy', 'core', '_multiarray_umath.cpython-312-x86_64-linux-gnu.so'),
      ),
    ).toEqual({ name: 'numpy', version: '1.26.4' });
    expect(await fileOwner([site], join(site, 'six.py'))).toEqual({
      name: 'six',
      version: '1.16.0',
    });
  });

  it('reads quoted CSV paths (a comma, a doubled quote) and backslashes some tools wrote', async () => {
    const { site } = install('quoted');
    dist(
      site,
      'odd_pkg-0.1.dist-info',
      ['"odd_pkg/a, ""b"".py",sha256=x,1', 'odd_pkg\\win\\c.py,,'],
      metadata('odd-pkg', '0.1'),
    );

    expect(await fileOwner([site], join(site, 'odd_pkg', 'a, "b".py'))).toEqual({
      name: 'odd-pkg',
      version: '0.1',
    });
    expect(await fileOwner([site], join(site, 'odd_pkg', 'win', 'c.py'))).toMatchObject({
      name: 'odd-pkg',
    });
  });

  it('finds a file whose top-level folder is not the distribution’s name, reading the kin first (PIL in pillow)', async () => {
    const { site } = install('pillow');
    // Sorted before pillow, and never opened: a name holding "pil" is read first.
    untouchableRecords(
      site,
      Array.from({ length: 40 }, (_, i) => `aaa${String(i).padStart(2, '0')}-1.0.dist-info`),
    );
    dist(
      site,
      'pillow-10.2.0.dist-info',
      ['PIL/Image.py,sha256=x,1'],
      metadata('pillow', '10.2.0'),
    );

    expect(await fileOwner([site], join(site, 'PIL', 'Image.py'))).toEqual({
      name: 'pillow',
      version: '10.2.0',
    });
  });

  it('finds a script outside site-packages that RECORD lists as ../../../bin/pip', async () => {
    const { prefix, site } = install('script');
    dist(
      site,
      'pip-24.0.dist-info',
      ['../../../bin/pip,sha256=x,1', 'pip/__init__.py,,'],
      metadata('pip', '24.0'),
    );

    expect(await fileOwner([site], join(prefix, 'bin', 'pip'))).toEqual({
      name: 'pip',
      version: '24.0',
    });
  });

  it('takes name and version from the folder when METADATA is missing', async () => {
    const { site } = install('no-metadata');
    dist(site, 'python_dateutil-2.8.2.dist-info', ['dateutil/parser.py,,']);

    expect(await fileOwner([site], join(site, 'dateutil', 'parser.py'))).toEqual({
      name: 'python_dateutil',
      version: '2.8.2',
    });
  });

  it('looks through every site-packages given, and answers null when no RECORD lists the file', async () => {
    const user = install('user-site');
    const system = install('system-site');
    dist(
      system.site,
      'requests-2.31.0.dist-info',
      ['requests/api.py,,'],
      metadata('requests', '2.31.0'),
    );
    dist(user.site, 'idna-3.6.dist-info', ['idna/core.py,,'], metadata('idna', '3.6'));

    expect(
      await fileOwner([user.site, system.site], join(system.site, 'requests', 'api.py')),
    ).toEqual({
      name: 'requests',
      version: '2.31.0',
    });
    expect(
      await fileOwner([user.site, system.site], join(system.site, 'requests', 'gone.py')),
    ).toBeNull();
    expect(await fileOwner([join(scratch, 'no such folder')], join(scratch, 'x.py'))).toBeNull();
  });
});

describe('fileOwner: bounded work in a site-packages of thousands', () => {
  it('reads only the RECORD its name points to, in well under 50 ms', async () => {
    const { site } = install('thousands');
    // 3000 others whose RECORD would hang whoever read it.
    untouchableRecords(
      site,
      Array.from({ length: 3000 }, (_, i) => `package${String(i).padStart(4, '0')}-1.0.dist-info`),
    );
    dist(
      site,
      'numpy-1.26.4.dist-info',
      ['numpy/linalg/_umath_linalg.so,,'],
      metadata('numpy', '1.26.4'),
    );
    const file = join(site, 'numpy', 'linalg', '_umath_linalg.so');

    const timings: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      expect(await fileOwner([site], file)).toEqual({ name: 'numpy', version: '1.26.4' });
      timings.push(performance.now() - started);
    }
    expect(Math.min(...timings)).toBeLessThan(50);
  }, 10_000);

  it('stops reading at the first batch that lists the file when the name does not tell', async () => {
    const { site } = install('stops');
    // With opencv_python, the first batch of 16 in name order: cv2 says nothing of its name.
    for (let i = 0; i < 15; i++)
      dist(site, `aaa${String(i).padStart(2, '0')}-1.0.dist-info`, [`aaa${i}/__init__.py,,`]);
    dist(
      site,
      'opencv_python-4.9.0.80.dist-info',
      ['cv2/__init__.py,,'],
      metadata('opencv-python', '4.9.0.80'),
    );
    // Sorted after that batch: never opened when the search stops in time.
    untouchableRecords(
      site,
      Array.from({ length: 40 }, (_, i) => `zzz${String(i).padStart(2, '0')}-1.0.dist-info`),
    );

    expect(await fileOwner([site], join(site, 'cv2', '__init__.py'))).toEqual({
      name: 'opencv-python',
      version: '4.9.0.80',
    });
  }, 5_000);
});

describe('RECORD rows', () => {
  it('yields the first CSV field of each row', () => {
    expect(
      recordPaths('a.py,sha256=x,1\r\n"b,c.py",,\n"d ""e"".py",sha256=y,2\n\nf\\g.py,,\n'),
    ).toEqual(['a.py', 'b,c.py', 'd "e".py', 'f/g.py']);
  });
});
