/**
 * The page's colour as a CSS custom property, set by App for light and dark:
 * what sits on the page and must cover content scrolling beneath it (the
 * sticky step footer) paints with it.
 */
export const PAGE_BACKGROUND_VAR = '--pipDoctorPageBackground';
