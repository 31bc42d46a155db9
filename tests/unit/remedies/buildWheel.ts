// Moved to tests/support/ so the e2e specs can use it too (they may not import from tests/unit/).
export * from '../../support/buildWheel';
