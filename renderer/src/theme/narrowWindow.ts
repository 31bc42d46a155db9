/**
 * Windows too narrow for the 220 px step rail beside the page: a laptop
 * window at 200 % zoom gives the page 640 CSS px, and the rail would take a
 * third of it. Below this the steps become a compact row on top.
 */
export const NARROW_WINDOW = '@media (max-width: 700px)';
