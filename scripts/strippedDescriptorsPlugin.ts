import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/** The properties a message descriptor carries for people, not for react-intl at run time. */
const FOR_PEOPLE = new Set(['defaultMessage', 'description']);

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function keyName(property: Node): string | null {
  const key = property.key as Node | undefined;
  if (!key) return null;
  if (key.type === 'Identifier') return key.name as string;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return null;
}

/**
 * The renderer's message descriptors lose their English and their notes for
 * translators in the build: react-intl formats from the language's catalog
 * (every id is in every catalog, tests/unit/i18n/catalogs.test.ts), so they
 * would only weigh on the first screen. An object counts as a descriptor when
 * it has a literal `id` beside a `defaultMessage` (defineMessages entries and
 * <FormattedMessage> props alike, after JSX is compiled).
 */
export function strippedDescriptors(): Plugin {
  return {
    name: 'pip-doctor:stripped-descriptors',
    enforce: 'post',
    apply: 'build',
    transform(code, id) {
      if (!/\/renderer\/src\/.*\.[jt]sx?$/.test(id.split('?')[0]!)) return null;
      if (!code.includes('defaultMessage')) return null;
      const ast = this.parse(code) as unknown as Node;
      const out = new MagicString(code);
      const visit = (node: Node) => {
        if (node.type === 'ObjectExpression') {
          const properties = (node.properties as Node[]).filter((p) => p.type === 'Property');
          const names = properties.map(keyName);
          if (names.includes('id') && names.includes('defaultMessage')) {
            for (const property of properties) {
              if (!FOR_PEOPLE.has(keyName(property) ?? '')) continue;
              // The property and the comma after it (or before it, for the last one).
              const after = code.slice(property.end).match(/^\s*,/);
              out.remove(property.start, after ? property.end + after[0].length : property.end);
            }
          }
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.filter(isNode).forEach(visit);
          else if (isNode(value)) visit(value);
        }
      };
      visit(ast);
      return out.hasChanged()
        ? { code: out.toString(), map: out.generateMap({ hires: true }) }
        : null;
    },
  };
}
