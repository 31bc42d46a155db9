import type { Message } from '../../shared/i18n/message';
import type { ProcessTarget } from '../steps/specs';
import { recordedText } from '../steps/stepWords';

/**
 * A program to close as the user knows it. Plans made before the app was
 * translated (issue #17) recorded it as English text: shown as it was written.
 */
export function targetLabel(target: ProcessTarget): Message {
  return typeof target.label === 'string' ? recordedText(target.label) : target.label;
}
