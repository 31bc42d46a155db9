import { join } from 'node:path';

/** The checkout's root, whichever folder a test file sits in. */
export const REPO = join(__dirname, '..', '..');

/** Recorded real-world data the tests replay (pip logs, Windows tool output, lsof output). */
export const FIXTURES = join(REPO, 'tests', 'fixtures');
