// Moved to tests/support/ so the e2e wizard can replay a recorded Windows machine too
// (e2e must not import from tests/unit).
export * from '../../../../support/recordedMachine';
