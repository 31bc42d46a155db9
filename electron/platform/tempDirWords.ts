import { defineMessages } from '@formatjs/intl';

/** Why pip's temporary folder cannot be used, and what Python does then. */
export const tempDirWords = defineMessages({
  problem: {
    id: 'platform.tempDir.problem',
    defaultMessage:
      '{variable, select, none {{path}, the default temporary folder, {says}.} other {{variable} is {path}, which {says}.}}',
    description:
      '{variable} is an environment variable (TMPDIR, TEMP) or "none"; {path} a folder; {says} what is wrong with it, a phrase such as "does not exist"',
  },
  withNext: {
    id: 'platform.tempDir.withNext',
    defaultMessage: '{problem} {next}',
    description:
      'Two sentences in a row: what is wrong with the temporary folder, then what Python does',
  },
  timedOut: {
    id: 'platform.tempDir.timedOut',
    defaultMessage:
      'did not answer within {seconds} seconds (a network folder that cannot be reached?), so pip would hang or fail there',
    description: 'Completes "{path}, which …": says what is wrong with the folder',
  },
  notChecked: {
    id: 'platform.tempDir.notChecked',
    defaultMessage: 'Pip Doctor could not check {path}: {error}',
    description: "{error} is the system's own message, in English",
  },
  missing: {
    id: 'platform.tempDir.says.missing',
    defaultMessage: 'does not exist',
    description: 'Completes "{path}, which …"',
  },
  file: {
    id: 'platform.tempDir.says.file',
    defaultMessage: 'is a file, not a folder',
    description: 'Completes "{path}, which …"',
  },
  loop: {
    id: 'platform.tempDir.says.loop',
    defaultMessage: 'is a loop of symbolic links',
    description: 'Completes "{path}, which …"',
  },
  unreachable: {
    id: 'platform.tempDir.says.unreachable',
    defaultMessage: 'cannot be reached: a folder on its way does not let you in ({code})',
    description: 'Completes "{path}, which …"; {code} is an error code (EACCES)',
  },
  unopenable: {
    id: 'platform.tempDir.says.unopenable',
    defaultMessage: 'cannot be opened ({code})',
    description: 'Completes "{path}, which …"; {code} is an error code',
  },
  nearlyFull: {
    id: 'platform.tempDir.says.nearlyFull',
    defaultMessage: 'has only {free} free',
    description: 'Completes "{path}, which …"; {free} is an amount such as "12 MB"',
  },
  diskFull: {
    id: 'platform.tempDir.says.diskFull',
    defaultMessage: 'is on a disk that is full (ENOSPC)',
    description: 'Completes "{path}, which …"',
  },
  quota: {
    id: 'platform.tempDir.says.quota',
    defaultMessage: 'is on a disk where you have used up your quota (EDQUOT)',
    description: 'Completes "{path}, which …"',
  },
  readOnly: {
    id: 'platform.tempDir.says.readOnly',
    defaultMessage: 'is on a read-only file system',
    description: 'Completes "{path}, which …"',
  },
  cannotDelete: {
    id: 'platform.tempDir.says.cannotDelete',
    defaultMessage:
      'lets you create files but not delete them ({code}); please delete the test file left there: {file}',
    description: 'Completes "{path}, which …"; {file} is a path',
  },
  notWritable: {
    id: 'platform.tempDir.says.notWritable',
    defaultMessage: 'you cannot write to ({code})',
    description: 'Completes "{path}, which …" ("…, which you cannot write to")',
  },
  stillTaken: {
    id: 'platform.tempDir.next.stillTaken',
    defaultMessage:
      'Python still takes it (a small test file fits), so pip runs out of space part-way.',
  },
  usesInstead: {
    id: 'platform.tempDir.next.usesInstead',
    defaultMessage:
      '{variable, select, none {Python then uses {path} instead.} other {Python then uses {path} ({variable}) instead.}}',
  },
  usesInsteadFull: {
    id: 'platform.tempDir.next.usesInsteadFull',
    defaultMessage:
      '{variable, select, none {Python then uses {path} instead, which {says}, so pip may run out of space there.} other {Python then uses {path} ({variable}) instead, which {says}, so pip may run out of space there.}}',
  },
  noneOther: {
    id: 'platform.tempDir.next.noneOther',
    defaultMessage:
      '{count, plural, =0 {Nor can Python use any other folder it tries, so pip cannot unpack anything.} one {Nor can Python use any other folder it tries ({tried}), so pip cannot unpack anything.} other {Nor can Python use any other folder it tries ({tried}), so pip cannot unpack anything.}}',
    description: '{tried} are the folders Python tried, comma-separated; {count} how many',
  },
});
