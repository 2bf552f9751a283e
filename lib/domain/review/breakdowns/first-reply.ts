import type { ReviewContext } from '../review-context';
import { inWeek } from '../review-week';
import type { LeadGroup } from './lead-group';

const HOUR = 3600_000;
const REPLY_BUCKETS = [
  { label: 'under 5 min', upTo: 5 * 60_000 },
  { label: '5–15 min', upTo: 15 * 60_000 },
  { label: '15–60 min', upTo: HOUR },
  { label: '1–4 h', upTo: 4 * HOUR },
  { label: '4–24 h', upTo: 24 * HOUR },
  { label: 'over a day', upTo: Number.POSITIVE_INFINITY },
] as const;

export interface ReplyBucket extends LeadGroup {
  label: string;
  count: number;
}

/** Leads whose first message came in during the week, by how long it waited for a first reply. */
export function firstReply({ week, timelines }: ReviewContext): ReplyBucket[] {
  const buckets: ReplyBucket[] = [
    ...REPLY_BUCKETS.map((b) => ({ label: b.label, count: 0, leadIds: [] as string[] })),
    { label: 'not answered yet', count: 0, leadIds: [] },
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
