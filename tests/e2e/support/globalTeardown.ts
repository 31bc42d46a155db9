import { endTestRun } from '../../support/testRun';

/** Fails the end-to-end run, naming each, if a process it started is still running; then kills them. */
export default async function globalTeardown(): Promise<void> {
  await endTestRun();
}
