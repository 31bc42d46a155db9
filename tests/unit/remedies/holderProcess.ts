// Moved to tests/support: the e2e tests start real holders too (they may not import tests/unit).
export * from '../../support/holderProcess';
