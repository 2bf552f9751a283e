import { z } from 'zod';

/** The one operational change a week's review chose, stored as `review-change:<Monday>`. */
export const weekChangeSchema = z.object({ text: z.string().max(2000), updatedAt: z.number().int() }).strict();
export type WeekChange = z.infer<typeof weekChangeSchema>;

/** The most replaced texts kept for one week (the oldest go first). */
export const MAX_REPLACED_WEEK_CHANGES = 10;

/**
 * Texts this browser wrote for a week that a teammate's later save replaced, newest first, kept until dismissed
 * (`review-change-replaced:<Monday>`, never synced).
 */
export const replacedWeekChangesSchema = z.array(
  z.object({ text: z.string().max(2000), replacedAt: z.number().int() }).strict(),
);
export type ReplacedWeekChange = z.infer<typeof replacedWeekChangesSchema>[number];

/** Team settings rows of week changes: `review-change:<Monday>`. */
export const WEEK_CHANGE_PREFIX = 'review-change:';
const WEEK_CHANGE_KEY = /^review-change:\d{4}-\d{2}-\d{2}$/;
export type WeekChangeKey = `review-change:${string}`;
export const weekChangeKey = (monday: string): WeekChangeKey => `${WEEK_CHANGE_PREFIX}${monday}`;
export const isWeekChangeKey = (key: string): key is WeekChangeKey => WEEK_CHANGE_KEY.test(key);
export const mondayOfWeekChangeKey = (key: WeekChangeKey) => key.slice(WEEK_CHANGE_PREFIX.length);
export const replacedWeekChangesKey = (monday: string) => `review-change-replaced:${monday}`;
export const isReplacedWeekChangesKey = (key: string) => key.startsWith('review-change-replaced:');
