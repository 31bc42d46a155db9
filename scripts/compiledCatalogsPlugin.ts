import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';

/** A language's catalog in i18n/: `<locale>.json`. */
const CATALOG = /[\\/]i18n[\\/]([A-Za-z-]+)\.json$/;

type Extracted = Record<string, { defaultMessage: string }>;

/**
 * Messages only main writes (the CLI's terminal output, the Markdown report,
 * which main formats and the page shows as text): the page never formats
 * them, so its catalogs leave them out.
 */
const MAIN_ONLY = /^(cli|report)\./;

/**
 * The renderer gets each language's messages compiled at build time: ICU
 * text becomes the AST react-intl formats from, so the page ships no ICU
 * parser (the alias below) and English ships without its descriptions for
 * translators. Each language stays its own chunk, loaded on demand.
 */
export function compiledCatalogs(): Plugin {
  return {
    name: 'pip-doctor:compiled-catalogs',
    enforce: 'pre',
    config: () => ({
      resolve: {
        alias: [
          {
            find: /^@formatjs\/icu-messageformat-parser$/,
            replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
          },
        ],
      },
    }),
    transform(code, id) {
      const match = CATALOG.exec(id.split('?')[0]!);
      if (!match) return null;
      const locale = match[1]!;
      const catalog = JSON.parse(code) as Record<string, unknown>;
      const compiled: Record<string, unknown> = {};
      for (const [messageId, value] of Object.entries(catalog)) {
        if (MAIN_ONLY.test(messageId)) continue;
        if (locale === 'en-XA') {
          compiled[messageId] = value; // compiled already (scripts/i18n.mjs)
        } else {
          const text = locale === 'en' ? (value as Extracted[string]).defaultMessage : value;
          compiled[messageId] = parse(text as string);
        }
      }
      // Still JSON: Vite's own JSON plugin, after this one, makes the module of it.
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}
