/**
 * The contract's MAX_LOG_TEXT (electron/ipc/contract.ts), repeated as a plain
 * number: importing the value would pull zod into the shipped bundle.
 * tests/e2e/logFile.spec.ts pins the two together.
 */
export const MAX_LOG_TEXT = 20 * 1024 * 1024;

export interface CappedText {
  text: string;
  /** True when only the end was kept: pip prints its decisive error last. */
  truncated: boolean;
}

/** Keeps the last MAX_LOG_TEXT characters, starting at a whole line. */
export function capLogText(text: string): CappedText {
  if (text.length <= MAX_LOG_TEXT) return { text, truncated: false };
  return { text: fromFirstWholeLine(text.slice(text.length - MAX_LOG_TEXT)), truncated: true };
}

/** A cut lands mid-line (or mid-character); the partial first line says nothing useful. */
export function fromFirstWholeLine(tail: string): string {
  const newline = tail.indexOf('\n');
  return newline === -1 ? tail : tail.slice(newline + 1);
}
