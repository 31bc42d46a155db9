/**
 * What kind of line of pip's or setup.py's output this is, from how it
 * begins: one anchored test per line, so the many line kinds the classifier
 * reads cost one check, and each kind's own parser runs only on its lines.
 */
export type LineHead =
  /** `Collecting X` (pip ≥ 6), `Downloading/unpacking X` (pip ≤ 1.5). */
  | 'collecting'
  /** `Processing ./X-1.0-py3-none-any.whl`: a local file or folder. */
  | 'processing'
  /** `Obtaining X from git+…`, `Obtaining file:///…`: an editable requirement. */
  | 'obtaining'
  /** `Installing collected packages: a, b`. */
  | 'collected'
  /** A command pip ran or suggests, with its interpreter: its notice, a setup.py or build hook. */
  | 'pip-ran'
  /** `pip X from <site-packages> (python X.Y)`, `Using pip X from …`. */
  | 'pip-version'
  /** pip's messages about a folder it does not own (fileMessages.ts). */
  | 'pip-folder'
  /** setup.py's `error: could not create '…': …` and the like (fileMessages.ts). */
  | 'setup-error';

const LINE_HEAD =
  /^\s*(?:[A-Z]+:\s*)?(?:(Collecting |Downloading\/unpacking )|(Processing )|(Obtaining )|(Installing collected packages: )|(command: |Command |Complete output from command |Running command |\[notice\] To update, run:|You should consider upgrading via)|((?:Using )?pip \d)|(The directory '|The temporary folder for building \()|((?:distutils\.errors\.)?(?:DistutilsFileError|DistutilsError|error):\s*(?:could|can't create)))/;

const KINDS: ReadonlyArray<LineHead> = [
  'collecting',
  'processing',
  'obtaining',
  'collected',
  'pip-ran',
  'pip-version',
  'pip-folder',
  'setup-error',
];

export function lineHead(line: string): LineHead | null {
  const match = LINE_HEAD.exec(line);
  if (!match) return null;
  for (let group = 1; group <= KINDS.length; group++) {
    if (match[group] !== undefined) return KINDS[group - 1]!;
  }
  return null;
}
