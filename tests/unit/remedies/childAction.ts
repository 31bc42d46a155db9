// Moved to tests/support/ (the end-to-end tests use it too); kept here for imports on other branches.
export { runActionInChild } from '../../support/childAction';
export type { ChildJob, ChildRun } from '../../support/childAction';
