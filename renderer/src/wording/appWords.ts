import { defineMessages } from 'react-intl';

/** The product's name, one message (a language may write it in its own script), and its tagline. */
export const appWords = defineMessages({
  name: {
    id: 'ui.app.name',
    defaultMessage: 'Pip Doctor',
    description: 'The app’s name, in its header and window title. Keep "Pip Doctor"',
  },
  tagline: {
    id: 'app.tagline',
    defaultMessage: 'Finds out why pip install fails, and how to fix it',
    description: "Beside the app's name in its header",
  },
});
