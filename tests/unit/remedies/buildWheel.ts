/** Moved to tests/support so the end-to-end tests share it without importing from tests/unit. */
export { buildDemoWheels, buildWheel } from '../../support/buildWheel';
export type { WheelSpec } from '../../support/buildWheel';
