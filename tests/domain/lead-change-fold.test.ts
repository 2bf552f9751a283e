import { describe, expect, it } from 'vitest';
import { newLead } from '../../lib/domain/lead';
import { LeadChangeFold } from '../../lib/domain/lead-change-fold';
import { assignOwner, raiseLane } from '../../lib/domain/lead-operations';

const T0 = Date.UTC(2026, 2, 23, 9);
let n = 0;
const ctx = { now: T0, actor: { memberId: 'm1', role: 'setter' as const }, newId: () => `ev-${++n}` };

describe('LeadChangeFold', () => {
  it('runs each operation on the lead the previous one produced and keeps every event in order', () => {
    const lead = newLead({ id: 'l1', threadId: 't1', now: T0 });
    const fold = new LeadChangeFold(lead)
      .apply((l) => raiseLane(l, 'escalation', ctx, 'Human reply only', T0))
      .apply((l) => assignOwner(l, 'coach', ctx));
    expect(fold.lead.lanes).toEqual(['escalation']);
    expect(fold.lead.ownerId).toBe('coach');
    expect(fold.change.events.map((e) => e.type)).toEqual(['lane_set', 'owner_changed']);
    expect(lead.lanes).toEqual([]);
  });

  it('continues a change already made, its events first', () => {
    const lead = newLead({ id: 'l1', threadId: 't1', now: T0 });
    const first = raiseLane(lead, 'escalation', ctx, 'Human reply only', T0);
    const fold = new LeadChangeFold(first).apply((l) => assignOwner(l, 'coach', ctx));
    expect(fold.change.events).toEqual([
      ...first.events,
      ...assignOwner(first.lead, 'coach', ctx).events.map(() => expect.anything()),
    ]);
    expect(fold.change.events[0]).toBe(first.events[0]);
    expect(first.events).toHaveLength(1);
  });
});
