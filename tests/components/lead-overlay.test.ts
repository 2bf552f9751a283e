import { describe, expect, it } from 'vitest';
import { showLeadChange } from '../../components/sidebar/lead-overlay';
import { newLead } from '../../lib/domain/lead';
import type { LeadView } from '../../lib/messaging/responses';

const T0 = Date.UTC(2026, 11, 1, 9, 0);
const view = (): LeadView => ({
  rev: { worker: 'w', n: 1 },
  lead: newLead({ id: 'l1', threadId: 't1', now: T0, fields: { goal: 'Sub 3' }, notes: 'hi', lanes: ['escalation'] }),
  history: [],
  clocks: [],
  owner: null,
  missing: [],
});

describe('a change shown in the panel before the background answers', () => {
  it('shows a handoff field as typed, and a cleared one as gone', () => {
    const set = showLeadChange(view(), {
      name: 'lead.setHandoffField',
      payload: { leadId: 'l1', key: 'fit', value: 'Good fit' },
    });
    expect(set.lead.fields).toEqual({ goal: 'Sub 3', fit: 'Good fit' });
    const cleared = showLeadChange(view(), {
      name: 'lead.setHandoffField',
      payload: { leadId: 'l1', key: 'goal', value: '  ' },
    });
    expect(cleared.lead.fields).toEqual({});
  });

  it('shows two changes made at once on top of each other', () => {
    const both = [
      { name: 'lead.assign', payload: { leadId: 'l1', ownerId: 'sam' } },
      { name: 'lead.setLane', payload: { leadId: 'l1', lane: 'needs_review', on: true } },
    ] as const;
    const shown = both.reduce((v, change) => showLeadChange(v, change), view());
    expect(shown.lead.ownerId).toBe('sam');
    expect(shown.lead.lanes).toEqual(['escalation', 'needs_review']);
  });

  it('keeps empty notes as empty text, clears a lane and sets a next action with its due time', () => {
    const original = view();
    expect(
      showLeadChange(original, { name: 'lead.setDetail', payload: { leadId: 'l1', key: 'notes', value: '' } }).lead
        .notes,
    ).toBe('');
    expect(
      showLeadChange(original, { name: 'lead.setLane', payload: { leadId: 'l1', lane: 'escalation', on: false } }).lead
        .lanes,
    ).toEqual([]);
    const next = showLeadChange(
      original,
      { name: 'lead.setNextAction', payload: { leadId: 'l1', next: { text: 'Send the link', dueAt: T0 + 3600_000 } } },
      T0,
    );
    expect(next.lead.nextAction).toEqual({ text: 'Send the link', dueAt: T0 + 3600_000, setAt: T0 });
    expect(original.lead.notes).toBe('hi'); // the cached view is left as it is
  });

  it('leaves the view as it is for a change it cannot show ahead of time', () => {
    const original = view();
    expect(showLeadChange(original, { name: 'lead.restoreField', payload: { leadId: 'l1', eventId: 'e1' } })).toBe(
      original,
    );
  });
});
