import { z } from 'zod';
import { DEFAULT_LOST_REASONS, DEFAULT_NURTURE_REASONS } from './pipeline-stages';
import { DEFAULT_BOOKING_LINK_PATTERNS } from './signals/booking-link';
import { DEFAULT_ESCALATION_TRIGGERS } from './signals/escalation-triggers';
import { DEFAULT_KEYWORDS } from './source-guess';

const item = (max: number) => z.string().trim().min(1, 'An empty line is not an item').max(max);
const list = (max: number, items = 200) => z.array(item(max)).max(items);

/** The team's own words: close-out reasons, automation keywords, escalation triggers, booking-link patterns. */
export const teamListsSchema = z.object({
  lostReasons: list(120).min(1, 'Keep at least one lost reason'),
  nurtureReasons: list(120).min(1, 'Keep at least one nurture reason'),
  /** Keyword automations (ManyChat "GUIDE"): a first message equal to one is a keyword lead. */
  keywords: list(60),
  /** Category → phrases (whole words; `word*` for a prefix); `except` wordings that contain a trigger but are not one. */
  escalationTriggers: z.record(
    z.string().min(1).max(60),
    z.object({ phrases: list(80, 500), except: list(120, 200).optional() }),
  ),
  /** Host with an optional path ("calendly.com", "coach.com/book"): an outgoing link to one is a booking link. */
  bookingLinkPatterns: list(200, 100),
});
export type TeamLists = z.infer<typeof teamListsSchema>;

export const DEFAULT_TEAM_LISTS: TeamLists = {
  lostReasons: [...DEFAULT_LOST_REASONS],
  nurtureReasons: [...DEFAULT_NURTURE_REASONS],
  keywords: [...DEFAULT_KEYWORDS],
  escalationTriggers: Object.fromEntries(
    Object.entries(DEFAULT_ESCALATION_TRIGGERS).map(([category, t]) => [
      category,
      { phrases: [...t.phrases], ...(t.except ? { except: [...t.except] } : {}) },
    ]),
  ),
  bookingLinkPatterns: [...DEFAULT_BOOKING_LINK_PATTERNS],
};
