// Moved to tests/support so the e2e specs can build wheels too (they may not import from tests/unit).
export * from '../../support/buildWheel';
