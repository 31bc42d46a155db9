// Moved to tests/support/ so the e2e tests share it (they may not import from tests/unit/).
export * from '../../support/actionHarness';
