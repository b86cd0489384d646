import { z } from 'zod';

/** Building blocks shared by every section of the questionnaire file format. */

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every supported language; a missing locale is an error, not a fallback. */
export const localizedText = z.strictObject({
	de: z.string().trim().min(1, 'German text is empty'),
	en: z.string().trim().min(1, 'English text is empty')
});
export type LocalizedText = z.infer<typeof localizedText>;

export const slug = z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'use lower-case letters, digits, "-" and "."');
export const levelValue = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type LevelValue = z.infer<typeof levelValue>;

/** The three kinds of workshop group (the same values as a session group's `role`). */
export const GROUP_ROLES = ['leadership', 'team', 'other'] as const;
export const groupRole = z.enum(GROUP_ROLES);
export type GroupRoleId = z.infer<typeof groupRole>;
