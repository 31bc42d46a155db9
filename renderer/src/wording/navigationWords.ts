import { defineMessages } from 'react-intl';

/** The words every step's footer shares. */
const words = defineMessages({
  back: {
    id: 'ui.nav.back',
    defaultMessage: 'Back',
    description: 'Button at the bottom left of every step: go to the previous step',
  },
});

export const backButton = words.back;
