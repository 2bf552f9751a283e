import { describe, expect, it } from 'vitest';
import { describeActor, describeEvent } from '../../components/sidebar/describe-event';
import type { HistoryEvent } from '../../lib/domain/history';
import { createFormatter } from '../../lib/format/formatter';
import type { MessageKey } from '../../lib/i18n/message-key';
import { en } from '../../lib/i18n/messages/en';
import { createTranslator } from '../../lib/i18n/translator';

const T0 = Date.UTC(2026, 11, 3, 14, 0);
const format = createFormatter({ locale: 'en-US', timeZone: 'UTC' });
const t = createTranslator<MessageKey>('en', en);
const members = [{ id: 'm-sam', name: 'Sam', role: 'setter' as const, active: true, createdAt: T0, updatedAt: T0 }];
const changed = (field: string, from: unknown, to: unknown) =>
  ({
    id: 'ev-1',
    leadId: 'lead-1',
    at: T0,
    actor: { memberId: 'm-sam', role: 'setter' },
    type: 'field_changed',
    field,
    from,
    to,
  }) as unknown as HistoryEvent;

describe('history sentences name the values', () => {
  it('shows a choice by its label, from → to', () => {
    expect(describeEvent(changed('leadType', null, 'new'), members, format, t)).toMatch(/^Set Lead type: \S/);
    expect(describeEvent(changed('leadType', null, 'new'), members, format, t)).not.toContain(': new');
    expect(describeEvent(changed('source', 'story_reply', 'comment_to_dm'), members, format, t)).toBe(
      `Changed Source: ${'Story reply'} → Reel / post comment`,
    );
  });

  it('quotes text and cuts long text', () => {
    expect(describeEvent(changed('goal', '', 'run a 10k'), members, format, t)).toBe('Set Goal: “run a 10k”');
    const long = describeEvent(changed('goal', 'a', 'x'.repeat(200)), members, format, t);
    expect(long.length).toBeLessThan(100);
    expect(long).toContain('…');
  });

  it('shows a time in the team’s zone and a member by name', () => {
    expect(describeEvent(changed('callAt', null, T0), members, format, t)).toContain('2:00');
    expect(describeEvent(changed('linkSentBy', null, 'm-sam'), members, format, t)).toContain('Sam');
  });

  it('says what was cleared', () => {
    expect(describeEvent(changed('goal', 'run a 10k', ''), members, format, t)).toBe('Cleared Goal');
  });
});

describe('a sync conflict reads like the rest of history', () => {
  const amelia = { id: 'm-amelia', name: 'Amelia', role: 'coach' as const, active: true, createdAt: T0, updatedAt: T0 };
  const conflict = (over: Record<string, unknown>) =>
    ({
      id: 'conflict:1',
      leadId: 'lead-1',
      at: T0,
      actor: { memberId: 'm-amelia', role: 'coach' },
      type: 'sync_conflict',
      field: 'fields.fit',
      kind: 'overwritten',
      kept: JSON.stringify('not a fit'),
      discarded: JSON.stringify('good fit for group'),
      ...over,
    }) as unknown as HistoryEvent;

  it('names whose value of which field was replaced by whose', () => {
    const text = describeEvent(conflict({ keptBy: 'm-amelia', discardedBy: 'm-sam' }), [...members, amelia], format, t);
    expect(text).toBe('Sam’s Fit “good fit for group” was replaced by Amelia’s “not a fit” (edited at the same time)');
    expect(text).not.toContain('fields.');
  });

  it('falls back on the pusher for the side the server could not name', () => {
    const lost = describeEvent(
      conflict({ kind: 'lost', actor: { memberId: 'm-sam', role: 'setter' } }),
      members,
      format,
      t,
    );
    expect(lost).toMatch(/^Sam’s Fit .* was replaced by a teammate’s/);
  });
});

describe('who the timeline says acted', () => {
  const by = (actor: HistoryEvent['actor'], body: Record<string, unknown>) =>
    ({ id: 'ev-2', leadId: 'lead-1', at: T0, actor, ...body }) as unknown as HistoryEvent;
  const sam = { memberId: 'm-sam', role: 'setter' } as const;

  it('names the lead for their messages and the Instagram account for a reply, even where a member was recorded', () => {
    const inbound = { type: 'reply_seen', direction: 'inbound', messageAt: T0 };
    const outbound = { type: 'reply_seen', direction: 'outbound', messageAt: T0 };
    expect(describeActor(by(sam, inbound), members, t)).toBe('The lead');
    expect(describeActor(by({ memberId: null, role: 'lead' }, inbound), members, t)).toBe('The lead');
    expect(describeActor(by(sam, outbound), members, t)).toBe('The Instagram account');
  });

  it('names DM Handoff for clocks, and the member with their role for anything they did', () => {
    const met = { type: 'sla_met', clock: 'stage', clockKey: 'stage', dueAt: T0, metAt: T0 };
    expect(describeActor(by(sam, met), members, t)).toBe('DM Handoff');
    expect(describeActor(by(sam, { type: 'lead_created' }), members, t)).toBe('Sam (Setter)');
    expect(describeActor(by({ memberId: 'gone', role: 'coach' }, { type: 'lead_created' }), members, t)).toBe(
      'A former member (Coach)',
    );
  });
});
