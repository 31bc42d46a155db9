import { beginTestRun, endTestRun } from './testRun';

/** vitest's global setup: every process the unit and machine tests start is accounted for at the end. */
export default function setup(): () => Promise<void> {
  beginTestRun();
  return endTestRun;
}
