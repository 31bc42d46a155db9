/**
 * How the page's style nonce travels from main to the renderer. main's app://
 * handler writes a fresh nonce over every PLACEHOLDER in index.html (the CSP
 * <meta> and the <meta name=...> below) each time the page loads; the
 * renderer reads it back from that <meta> and gives it to Fluent UI's style
 * engine. The renderer never chooses the value: it only repeats what the
 * page it was served says.
 */
export const CSP_NONCE_META_NAME = 'pip-doctor-style-nonce';

/**
 * What the built index.html carries until main serves it. Valid nonce
 * syntax (CSP allows `_`), so the page parses, but never a real nonce: a
 * fresh one is 24 base64 characters.
 */
export const CSP_NONCE_PLACEHOLDER = '__PIP_DOCTOR_STYLE_NONCE__';
