import type { ReviewContext } from '../review-context';
import { inWeek } from '../review-week';
import type { LeadGroup } from './lead-group';

const HOUR = 3600_000;
const REPLY_BUCKETS = [
  { key: 'under_5_min', label: 'under 5 min', upTo: 5 * 60_000 },
  { key: '5_15_min', label: '5–15 min', upTo: 15 * 60_000 },
  { key: '15_60_min', label: '15–60 min', upTo: HOUR },
  { key: '1_4_h', label: '1–4 h', upTo: 4 * HOUR },
  { key: '4_24_h', label: '4–24 h', upTo: 24 * HOUR },
  { key: 'over_a_day', label: 'over a day', upTo: Number.POSITIVE_INFINITY },
] as const;
/** A first-reply bucket, by how long the first message waited: the buckets above, or not answered yet. */
export type ReplyBucketKey = (typeof REPLY_BUCKETS)[number]['key'] | 'not_answered';

export interface ReplyBucket extends LeadGroup {
  key: ReplyBucketKey;
  label: string;
  count: number;
}

/** Leads whose first message came in during the week, by how long it waited for a first reply. */
export function firstReply({ week, timelines }: ReviewContext): ReplyBucket[] {
  const buckets: ReplyBucket[] = [
    ...REPLY_BUCKETS.map((b) => ({ key: b.key, label: b.label, count: 0, leadIds: [] as string[] })),
    { key: 'not_answered', label: 'not answered yet', count: 0, leadIds: [] },
  ];
  for (const timeline of timelines.values()) {
    const first = timeline.firstReplyDelay();
    if (!first || !inWeek(week, first.inboundAt)) continue;
    const index =
      first.delayMs === null
        ? REPLY_BUCKETS.length
        : REPLY_BUCKETS.findIndex((b) => (first.delayMs as number) < b.upTo);
    const bucket = buckets[index] as ReplyBucket;
    bucket.count++;
    bucket.leadIds.push(timeline.lead.id);
  }
  return buckets;
}
