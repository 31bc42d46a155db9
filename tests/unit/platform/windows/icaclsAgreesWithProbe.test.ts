import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  mergeProbeLines,
  probeDocumentFrom,
} from '../../../../electron/platform/windows/probeDocument';
import type { Ace, AclItem } from '../../../../electron/platform/windows/probeDocument';
import { FIXTURES } from '../../../support/repoPaths';

/**
 * Each recorded machine keeps two views of the same access list: what
 * `icacls` shows a person (`icacls-site-packages.txt`) and what the probe
 * reports (the `acl` section of `probe.jsonl`), which is what the app reads.
 * They were written apart, so this checks that they describe the same
 * entries: a fixture whose two views disagree would make a test prove a
 * diagnosis for a machine that cannot exist.
 */

const MACHINES = join(FIXTURES, 'windows');

/**
 * icacls's words for the masks the recorded machines use. icacls names a
 * mask it knows as one word (F, M, RX) and otherwise lists the rights in its
 * own order; the ones here are the ones §1.1 of windows-probes.md shows.
 */
const ICACLS_RIGHTS: Record<number, string> = {
  0x001f01ff: 'F',
  0x10000000: 'F', // GENERIC_ALL on an inherit-only entry is shown as F
  0x001301bf: 'M',
  0x001200a9: 'RX',
  0xa0000000: 'GR,GE',
  0x00030156: 'W,D,Rc,DC',
  0x40030156: 'W,D,Rc,GW,DC',
};

function icaclsEntry(ace: Ace): string {
  const rights = ICACLS_RIGHTS[ace.mask];
  if (rights === undefined)
    throw new Error(`no icacls wording recorded for mask 0x${ace.mask.toString(16)}`);
  const flags = [
    ace.type === 'deny' ? '(DENY)' : '',
    ace.inherited ? '(I)' : '',
    ace.inheritance.has('ObjectInherit') ? '(OI)' : '',
    ace.inheritance.has('ContainerInherit') ? '(CI)' : '',
    ace.propagation.has('InheritOnly') ? '(IO)' : '',
  ];
  // icacls puts DENY after the inheritance flags on inheritable entries.
  const ordered =
    ace.type === 'deny' && flags.slice(1).some(Boolean) ? [...flags.slice(1), flags[0]] : flags;
  return `${ace.name}:${ordered.join('')}(${rights})`;
}

/**
 * Code page 850 and 936 bytes cannot be told apart without knowing the
 * machine's language, so both sides compare with every non-ASCII character
 * folded to one mark: names are compared, not their code page.
 */
function foldText(text: string): string {
  return text.replace(/[^ -~\t\r\n]+/g, '?');
}

function icaclsBlocks(bytes: Buffer, folders: readonly string[]): Map<string, string[]> {
  const lines = foldText(bytes.toString('latin1')).split(/\r?\n/);
  const blocks = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of lines) {
    if (line.trim() === '') {
      current = null;
      continue;
    }
    const folder = folders.find((path) => line.startsWith(`${path} `));
    if (folder !== undefined) {
      current = [line.slice(folder.length).trim()];
      blocks.set(folder, current);
    } else if (current !== null && /^\s/.test(line)) {
      current.push(line.trim());
    }
  }
  return blocks;
}

function aclItems(machine: string): AclItem[] {
  const text = readFileSync(join(MACHINES, machine, 'probe.jsonl'), 'utf8');
  const { merged } = mergeProbeLines(text);
  const read = probeDocumentFrom(merged!, machine);
  if (!('document' in read)) throw new Error(read.problem);
  return read.document.acl.items;
}

const machinesWithBoth = readdirSync(MACHINES).filter(
  (name) =>
    existsSync(join(MACHINES, name, 'icacls-site-packages.txt')) &&
    existsSync(join(MACHINES, name, 'probe.jsonl')),
);

describe('the icacls text and the probe agree on every recorded machine', () => {
  it('has machines to compare', () => {
    expect(machinesWithBoth.length).toBeGreaterThanOrEqual(4);
  });

  it.each(machinesWithBoth)('%s', (machine) => {
    const items = aclItems(machine).filter((item) => item.entries.length > 0);
    const bytes = readFileSync(join(MACHINES, machine, 'icacls-site-packages.txt'));
    const blocks = icaclsBlocks(
      bytes,
      items.map((item) => foldText(item.path)),
    );
    expect(blocks.size).toBeGreaterThan(0);
    for (const [folder, shown] of blocks) {
      const item = items.find((candidate) => foldText(candidate.path) === folder)!;
      expect(shown, folder).toEqual(item.entries.map((ace) => foldText(icaclsEntry(ace))));
    }
  });
});
