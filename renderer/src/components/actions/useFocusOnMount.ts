import { useEffect, useRef } from 'react';

/**
 * Moves focus to the element when it appears: the dialog's content changes
 * under the user (plan → progress → outcome, a question), and the button
 * they pressed may be gone. A screen reader then reads where they are.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
