import { z } from 'zod';

/**
 * zod building blocks for JSON that PowerShell printed. Our script formats
 * its own values, but Windows PowerShell 5.1 and PowerShell 7 still differ
 * (windows-probes.md §2.2, §4.1), and a section that failed half-way, an
 * older script or a hand-run `ConvertTo-Json` can carry the raw shapes:
 * a lone object where a list belongs, `null` for an empty list,
 * `\/Date(ms)\/` or an ETS-wrapped `{value, DateTime}` date, enums as
 * numbers. Each block accepts all of those and yields one clean shape.
 */

/**
 * A list, also when PowerShell unrolled one item to a bare object, wrote
 * null for none, or (5.1, an array that went down the pipeline whole) wrapped
 * it with the Count that 5.1's type data adds to every array:
 * `{"value": [...], "Count": 2}`.
 */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) return value;
    const wrapped = value as { value?: unknown; Count?: unknown };
    if (Array.isArray(wrapped.value) && typeof wrapped.Count === 'number') return wrapped.value;
    return [value];
  }, z.array(item));
}

/** `/Date(1566855960142)/`, optionally with a `+0200` offset that does not change the instant. */
const DOTNET_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;

/** Any date PowerShell prints, as ISO 8601 UTC with milliseconds (the model's process start times). */
export function isoFromPowerShellDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    // Pre-7.2 ETS wrapping: {"value": "\/Date(…)\/", "DisplayHint": 2, "DateTime": "…"}.
    const wrapped = value as { value?: unknown; DateTime?: unknown };
    return isoFromPowerShellDate(wrapped.value);
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? new Date(value).toISOString() : null;
  if (typeof value !== 'string') return null;
  const dotnet = DOTNET_DATE.exec(value.trim());
  if (dotnet) return new Date(Number(dotnet[1])).toISOString();
  // ISO 8601 with up to 7 fractional digits (DateTime 'o'); V8 keeps the milliseconds.
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

export const psDate = z
  .unknown()
  .optional()
  .transform((value) => isoFromPowerShellDate(value));

/** Text that may be missing; `""` counts as missing (CIM gives both for "no value"). */
export const psText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value) =>
    value === null || value === undefined || value === '' ? null : String(value),
  );

/** A boolean that 5.1 may also have written as "True"/"False" text. */
export const psBool = z
  .union([z.boolean(), z.enum(['True', 'False', 'true', 'false']), z.null()])
  .optional()
  .transform((value) =>
    value === null || value === undefined ? null : value === true || /^true$/i.test(String(value)),
  );

export const psInt = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((value) => {
    if (value === null || value === undefined || value === '') return null;
    const number = Number(value);
    return Number.isInteger(number) ? number : null;
  });

/**
 * An access mask as our script writes it (`"0x001F01FF"`) or as a raw
 * signed Int32 enum value (`-1610612736` for GENERIC_READ|GENERIC_EXECUTE),
 * always returned unsigned so bit tests read naturally.
 */
export const psAccessMask = z.union([z.string(), z.number()]).transform((value, context) => {
  const number = typeof value === 'number' ? value : Number.parseInt(value.replace(/^0x/i, ''), 16);
  if (!Number.isFinite(number)) {
    context.addIssue({ code: 'custom', message: `not an access mask: ${String(value)}` });
    return z.NEVER;
  }
  return number >>> 0;
});

/** Flag enums as names ("ContainerInherit, ObjectInherit") or as their numbers. */
export function psFlags(names: Record<number, string>) {
  return z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((value) => {
      if (value === null || value === undefined) return new Set<string>();
      if (typeof value === 'string') {
        return new Set(
          value
            .split(',')
            .map((part) => part.trim())
            .filter((part) => part !== '' && part !== 'None'),
        );
      }
      const set = new Set<string>();
      for (const [bit, name] of Object.entries(names)) if (value & Number(bit)) set.add(name);
      return set;
    });
}

/** Status of one section of the document; a missing section counts as failed. */
const SectionStatusSchema = z.enum(['ok', 'failed', 'skipped']);

export const sectionFields = {
  status: SectionStatusSchema,
  error: psText,
  durationMs: psInt,
};
