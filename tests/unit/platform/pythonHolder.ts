// Moved to tests/support/ (the end-to-end tests use it too); kept here for imports on other branches.
export { HOLDER_CODE, SYSTEM_PYTHON, killAll, startHolder } from '../../support/pythonHolder';
export type { HolderOptions, HolderProcess } from '../../support/pythonHolder';
