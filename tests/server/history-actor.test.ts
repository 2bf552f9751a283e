import { describe, expect, it } from 'vitest';
import type { Actor, HistoryEvent } from '../../lib/domain/history';
import { batch } from './support/mutations';
import { DB_KINDS, T0, useServer } from './support/server-harness';

const moved = (id: string, actor: Actor): HistoryEvent => ({
  id,
  leadId: 'lead-a',
  at: T0,
  actor,
  type: 'stage_moved',
  from: 'new_dm',
  to: 'engaged',
  missing: [],
  weak: false,
});

describe.each(DB_KINDS)('who history says acted, on %s', (kind) => {
  const server = useServer(kind);

  it("a setter cannot write history as the coach: the server stamps the token's member and role", async () => {
    const { coach, setter } = await server.teamOfTwo();
    const sent = [
      moved('as-coach', { memberId: coach.member.id, role: 'coach' }),
      moved('own-id-coach-role', { memberId: setter.member.id, role: 'coach' }),
      moved('system-role-naming-coach', { memberId: coach.member.id, role: 'system' }),
      moved('nobody-as-coach', { memberId: null, role: 'coach' }),
      moved('lead-naming-coach', { memberId: coach.member.id, role: 'lead' }),
    ];
    const res = await server.push(
      setter.token,
      batch(
        'sam',
        'b1',
        sent.map((event, i) => ({ id: i + 1, type: 'history_add', event })),
      ),
    );
    expect(res.status).toBe(200);
    const { history } = await server.pull(coach.token);
    expect(history.map((e) => [e.id, e.actor])).toEqual(
      sent.map((e) => [e.id, { memberId: setter.member.id, role: 'setter' }]),
    );
  });

  it('keeps events the extension itself records (system, naming nobody), whoever sends them', async () => {
    const { coach, setter } = await server.teamOfTwo();
    const breach: HistoryEvent = {
      id: `sla:lead-a:${T0}`,
      leadId: 'lead-a',
      at: T0,
      actor: { memberId: null, role: 'system' },
      type: 'sla_breached',
      clock: 'reply',
      clockKey: 'reply',
      dueAt: T0,
    };
    await server.push(setter.token, batch('sam', 'b1', [{ id: 1, type: 'history_add', event: breach }]));
    expect((await server.pull(coach.token)).history).toEqual([breach]);
    // Who sent it is on record all the same.
    const [row] = await server.db.query<{ sent_by: string }>('SELECT sent_by FROM history WHERE team_id = $1', [
      coach.team.id,
    ]);
    expect(row!.sent_by).toBe(setter.member.id);
  });

  it('a member cannot write history as a calendar: the claim is dropped from what they send', async () => {
    const { coach, setter } = await server.teamOfTwo();
    await server.push(
      setter.token,
      batch('sam', 'b1', [
        {
          id: 1,
          type: 'history_add',
          event: moved('as-calendly', { memberId: null, role: 'system', via: 'calendly' }),
        },
        {
          id: 2,
          type: 'history_add',
          event: moved('me-via-calcom', { memberId: setter.member.id, role: 'setter', via: 'calcom' }),
        },
      ]),
    );
    expect((await server.pull(coach.token)).history.map((e) => [e.id, e.actor])).toEqual([
      ['as-calendly', { memberId: null, role: 'system' }],
      ['me-via-calcom', { memberId: setter.member.id, role: 'setter' }],
    ]);
  });

  it('keeps the lead and the Instagram account as the actors of messages seen, naming no member', async () => {
    const { coach, setter } = await server.teamOfTwo();
    const seen = (id: string, direction: 'inbound' | 'outbound', actor: Actor): HistoryEvent => ({
      id,
      leadId: 'lead-a',
      at: T0,
      actor,
      type: 'reply_seen',
      direction,
      messageAt: T0,
    });
    const sent = [
      seen('from-lead', 'inbound', { memberId: null, role: 'lead' }),
      seen('from-account', 'outbound', { memberId: null, role: 'account' }),
    ];
    await server.push(
      setter.token,
      batch(
        'sam',
        'b1',
        sent.map((event, i) => ({ id: i + 1, type: 'history_add', event })),
      ),
    );
    expect((await server.pull(coach.token)).history).toEqual(sent);
  });

  it("stamps the member's role as it is now", async () => {
    const { coach, setter } = await server.teamOfTwo();
    await server.request('PATCH', `/v1/team/members/${setter.member.id}`, {
      token: coach.token,
      body: { role: 'closer' },
    });
    await server.push(
      setter.token,
      batch('sam', 'b1', [
        { id: 1, type: 'history_add', event: moved('e1', { memberId: setter.member.id, role: 'setter' }) },
      ]),
    );
    expect((await server.pull(coach.token)).history[0]!.actor).toEqual({ memberId: setter.member.id, role: 'closer' });
  });
});
