/**
 * pip as the app runs it: no prompts (nobody could answer them), no
 * self-update nag in the output, and UTF-8 output whatever the console's
 * code page (DESIGN rule 3).
 */
export const PIP_ENV: Record<string, string> = {
  PIP_NO_INPUT: '1',
  PIP_DISABLE_PIP_VERSION_CHECK: '1',
  PYTHONIOENCODING: 'utf-8',
};
