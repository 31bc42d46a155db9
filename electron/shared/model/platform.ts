import { z } from 'zod';

/** The operating systems Pip Doctor runs on, as Node names them: the one enum every layer uses. */
export const PLATFORMS = ['linux', 'darwin', 'win32'] as const;
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;
