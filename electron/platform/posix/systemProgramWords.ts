import { defineMessages } from '@formatjs/intl';

/**
 * Why a system program (pkexec, chown, python3) is not run as administrator.
 * Each reason is a clause that follows "…as administrator:" in the plan;
 * {path} is a path, {uid} a user number and {mode} permission bits, all
 * untranslated.
 */
export const systemProgramWords = defineMessages({
  notInstalled: {
    id: 'platform.program.notInstalled',
    defaultMessage: '{name} is not installed in {folders}',
    description: '{name}: a program name; {folders}: a list of system folders (/usr/bin…).',
  },
  notRunAsAdmin: {
    id: 'platform.program.notRunAsAdmin',
    defaultMessage: 'Pip Doctor will not run {path} as administrator: {reason}',
    description: '{reason}: why, a clause of its own (platform.program.*).',
  },
  tooManyLinks: {
    id: 'platform.program.tooManyLinks',
    defaultMessage: '{path} goes through too many symbolic links',
  },
  notProgram: {
    id: 'platform.program.notProgram',
    defaultMessage: '{path} is not a program file',
  },
  unreadable: {
    id: 'platform.program.unreadable',
    defaultMessage: '{path} cannot be read',
  },
  notRoots: {
    id: 'platform.program.notRoots',
    defaultMessage: '{path} belongs to uid {uid}, not to root',
    description: 'uid and root are system words: keep them.',
  },
  othersCanChange: {
    id: 'platform.program.othersCanChange',
    defaultMessage: '{path} can be changed by users other than root (mode {mode})',
    description: 'root and mode are system words: keep them. {mode}: octal permission bits.',
  },
});
