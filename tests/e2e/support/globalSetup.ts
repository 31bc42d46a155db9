import { beginTestRun } from '../../support/testRun';

/** Marks every process the end-to-end run starts (its workers inherit the environment set here). */
export default function globalSetup(): void {
  beginTestRun();
}
