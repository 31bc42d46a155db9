// Moved to tests/support so the e2e tests can replay a Windows machine too (they may not import tests/unit).
export * from '../../../../support/recordedWindowsMachine';
