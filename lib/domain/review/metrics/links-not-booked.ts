import type { Stage } from '../../pipeline-stages';
import type { LeadTimeline } from '../lead-timeline';
import { movesInto } from '../week-facts';
import type { MetricDefinition } from './review-metric';

const REACHED_BOOKING: readonly Stage[] = ['booked', 'call_completed', 'won'];
const BEFORE_BOOKING: readonly Stage[] = ['new_dm', 'engaged', 'qualified', 'link_sent'];

/**
 * Whether the lead's booking stands: it reached Booked (or beyond) and was not moved back from Booked to an earlier
 * stage afterwards, as a cancelled booking is (by the calendar or by hand). A lead Booked now always counts.
 */
function bookingStands(timeline: LeadTimeline): boolean {
  let booked = false;
  for (const move of timeline.moves) {
    if (REACHED_BOOKING.includes(move.to)) booked = true;
    else if (move.from === 'booked' && BEFORE_BOOKING.includes(move.to)) booked = false;
  }
  return booked || REACHED_BOOKING.includes(timeline.lead.stage);
}

/** Leads sent the booking link this week whose booking does not stand (never booked, or cancelled back). */
export const linksNotBooked = {
  key: 'links_not_booked',
  label: 'Links sent but not booked',
  tells: 'follow-up or link-timing problem',
  basis: 'week',
  count: (ctx) => ({
    leadIds: movesInto(ctx, 'link_sent')
      .filter(({ timeline }) => !bookingStands(timeline))
      .map(({ move }) => move.leadId),
  }),
} as const satisfies MetricDefinition;
