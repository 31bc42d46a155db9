import { createDOMRenderer } from '@fluentui/react-components';
import type { GriffelRenderer } from '@fluentui/react-components';
import { CSP_NONCE_META_NAME, CSP_NONCE_PLACEHOLDER } from '../../../electron/shared/cspNonce';

/**
 * Fluent UI's style engine (Griffel), writing every <style> it makes with
 * the nonce main served this load of the page with: the page's CSP allows
 * inline styles with that nonce only. Read from the <meta> main filled in;
 * the dev server's page has none (its policy allows inline styles).
 */
export function createStyleRenderer(page: Document): GriffelRenderer {
  const nonce = page
    .querySelector<HTMLMetaElement>(`meta[name="${CSP_NONCE_META_NAME}"]`)
    ?.getAttribute('content');
  const usable = nonce && nonce !== CSP_NONCE_PLACEHOLDER ? nonce : null;
  return createDOMRenderer(page, usable ? { styleElementAttributes: { nonce: usable } } : {});
}
