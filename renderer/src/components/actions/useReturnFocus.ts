import { useLayoutEffect, useRef } from 'react';

/**
 * Gives focus back to what had it before a dialog opened (the button that
 * opened it) once the dialog has closed, so a keyboard or screen-reader user
 * goes on where they were. Fluent's restorer needs the focused element to
 * leave with the dialog; here the content changes under the focus first.
 */
export function useReturnFocus(open: boolean): void {
  const opener = useRef<HTMLElement | null>(null);
  // A layout effect: it runs before the dialog's own effect moves focus inside.
  useLayoutEffect(() => {
    if (open) {
      const active = document.activeElement;
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
      return;
    }
    const target = opener.current;
    opener.current = null;
    // After the dialog's exit: its focus trap would take focus back while it is still there.
    const frame = requestAnimationFrame(() => {
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (!lost) return;
      // The opener may be gone (a resumed fix leaves the list): then the step's heading.
      const fallback = document.querySelector<HTMLElement>('main h1');
      (target?.isConnected ? target : fallback)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [open]);
}
