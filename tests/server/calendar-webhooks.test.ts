import { describe, expect, it } from 'vitest';
import type { CalendarProvider } from '../../lib/domain/calendar/calendar-labels';
import type { HistoryEvent } from '../../lib/domain/history';
import type { Lead } from '../../lib/domain/lead';
import { leadFromLeaves } from '../../lib/sync/lead-leaves';
import { signedHeaders } from '../../server/src/hooks/webhook-signature';
import {
  calcomBooking,
  calcomNoShow,
  calcomWebhook,
  calendlyInvitee,
  calendlyInviteeUri,
  calendlyWebhook,
} from './support/calendar-payloads';
import { batch, newLeadPut, put } from './support/mutations';
import { DB_KINDS, T0, useServer } from './support/server-harness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const CALL = T0 + 48 * HOUR;

describe.each(DB_KINDS)('calendar webhooks on %s', (kind) => {
  const server = useServer(kind);

  /** A team with a lead in Booking link sent (@jess.fitlife, from a story reply) and a connected calendar. */
  async function connectedTeam(leadId = 'lead-1') {
    const { coach, setter } = await server.teamOfTwo();
    await server.push(
      setter.token,
      batch('sam', 'b1', [
        newLeadPut(1, 'sam', leadId),
        put(2, 'sam', leadId, {
          stage: { value: 'link_sent', at: 1 },
          username: { value: 'jess.fitlife', at: 1 },
          displayName: { value: 'Jess Fit', at: 1 },
          source: { value: 'story_reply', at: 1 },
        }),
      ]),
    );
    const connected = await server.request('POST', '/v1/calendar', { token: coach.token });
    expect(connected.status).toBe(200);
    const { secret } = (await server.request('GET', '/v1/calendar/secret', { token: coach.token })).body;
    return { coach, setter, leadId, hookId: connected.body.hookId as string, secret: secret as string };
  }

  type Team = Awaited<ReturnType<typeof connectedTeam>>;

  function deliver(
    team: Team,
    provider: CalendarProvider,
    body: unknown,
    {
      signedAt = server.clock.now,
      secret = team.secret,
      headers,
    }: { signedAt?: number; secret?: string; headers?: Record<string, string> } = {},
  ) {
    const raw = JSON.stringify(body);
    return server.request('POST', `/v1/hooks/${provider}/${team.hookId}`, {
      raw,
      headers: headers ?? signedHeaders(provider, raw, secret, signedAt),
    });
  }

  /** The lead as a member's next pull shows it, and its history. */
  async function pulled(team: Team, leadId = team.leadId) {
    const pages = await server.pullAll(team.coach.token);
    const change = pages.flatMap((p) => p.leads).findLast((l) => l.id === leadId)!;
    const history = pages.flatMap((p) => p.history).filter((e) => e.leadId === leadId);
    return { lead: leadFromLeaves(leadId, change.fields) as unknown as Lead, clocks: change.clocks, history };
  }

  const calendlyBooked = (team: Team, over: Partial<Parameters<typeof calendlyInvitee>[0]> = {}) =>
    calendlyWebhook(
      'invitee.created',
      T0,
      calendlyInvitee({
        invitee: calendlyInviteeUri('A'),
        startTime: CALL,
        createdAt: T0,
        utmContent: team.leadId,
        ...over,
      }),
    );

  async function countRows(teamId: string) {
    const count = async (table: string) =>
      (await server.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE team_id = $1`, [teamId]))[0]!.n;
    const [team] = await server.db.query<{ version: number }>('SELECT version FROM teams WHERE id = $1', [teamId]);
    return {
      events: await count('calendar_events'),
      bookings: await count('calendar_bookings'),
      history: await count('history'),
      version: team!.version,
    };
  }

  it('Calendly invitee.created moves the tracked lead to Booked call at its time, as a change every member pulls', async () => {
    const team = await connectedTeam();
    const res = await deliver(team, 'calendly', calendlyBooked(team));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      received: true,
      status: 'applied',
      entry: { leadId: 'lead-1', matchedBy: 'reference', kind: 'booked' },
    });
    const { lead, clocks, history } = await pulled(team);
    expect(lead).toMatchObject({ stage: 'booked', stageEnteredAt: T0, fields: { callAt: CALL } });
    expect(clocks.stage).toMatch(/:calendar$/);
    const move = history.find((e) => e.type === 'stage_moved') as Extract<HistoryEvent, { type: 'stage_moved' }>;
    expect(move).toMatchObject({ from: 'link_sent', to: 'booked', reason: 'Booked in Calendly' });
    expect(move.actor).toEqual({ memberId: null, role: 'system', via: 'calendly' });
    const [row] = await server.db.query<{ sent_by: string | null }>('SELECT sent_by FROM history WHERE id = $1', [
      move.id,
    ]);
    expect(row!.sent_by).toBeNull();
  });

  it('Calendly invitee.canceled backs the lead out of Booked call with the reason given', async () => {
    const team = await connectedTeam();
    await deliver(team, 'calendly', calendlyBooked(team));
    const cancel = calendlyWebhook(
      'invitee.canceled',
      T0 + HOUR,
      calendlyInvitee({
        invitee: calendlyInviteeUri('A'),
        startTime: CALL,
        createdAt: T0,
        utmContent: team.leadId,
        cancelReason: 'Found another coach',
      }),
    );
    server.clock.now = T0 + HOUR;
    try {
      expect((await deliver(team, 'calendly', cancel)).body).toMatchObject({ status: 'applied' });
    } finally {
      server.clock.now = T0;
    }
    const { lead, history } = await pulled(team);
    expect(lead.stage).toBe('link_sent');
    expect(lead.fields.callAt).toBeUndefined();
    expect(history.filter((e) => e.type === 'stage_moved').at(-1)).toMatchObject({
      from: 'booked',
      to: 'link_sent',
      reason: 'Cancelled in Calendly: Found another coach',
    });
  });

  it('a chain of Calendly reschedules moves the call time each time; the new invitees carry no reference, their chain does', async () => {
    const team = await connectedTeam();
    await deliver(team, 'calendly', calendlyBooked(team));
    let previous = calendlyInviteeUri('A');
    for (const [i, id] of ['B', 'C', 'D'].entries()) {
      const next = calendlyInviteeUri(id);
      const moved = CALL + (i + 1) * 24 * HOUR;
      // Calendly cancels the old invitee (rescheduled) and creates the new one; here the cancellation comes second.
      const created = await deliver(
        team,
        'calendly',
        calendlyWebhook(
          'invitee.created',
          T0,
          calendlyInvitee({ invitee: next, startTime: moved, createdAt: T0, oldInvitee: previous }),
        ),
      );
      expect(created.body.entry).toMatchObject({ status: 'applied', matchedBy: 'booking', kind: 'rescheduled' });
      const canceled = await deliver(
        team,
        'calendly',
        calendlyWebhook(
          'invitee.canceled',
          T0,
          calendlyInvitee({
            invitee: previous,
            startTime: moved - 24 * HOUR,
            createdAt: T0,
            rescheduled: true,
            newInvitee: next,
          }),
        ),
      );
      expect(canceled.body.entry).toMatchObject({ status: 'applied', kind: 'replaced' });
      previous = next;
    }
    const { lead, history } = await pulled(team);
    expect(lead).toMatchObject({ stage: 'booked', fields: { callAt: CALL + 3 * 24 * HOUR } });
    expect(
      history.filter((e) => e.type === 'field_changed' && e.field === 'callAt').map((e) => (e as { to: unknown }).to),
    ).toEqual([CALL, CALL + 24 * HOUR, CALL + 2 * 24 * HOUR, CALL + 3 * 24 * HOUR]);
  });

  it('Calendly no-show raises the No-show risk lane and completes the call as a no-show; deleting it clears both', async () => {
    const team = await connectedTeam();
    await deliver(team, 'calendly', calendlyBooked(team));
    server.clock.now = CALL + HOUR;
    try {
      const marked = calendlyWebhook(
        'invitee_no_show.created',
        CALL + HOUR,
        calendlyInvitee({
          invitee: calendlyInviteeUri('A'),
          startTime: CALL,
          createdAt: T0,
          utmContent: team.leadId,
          noShow: { uri: `https://api.calendly.com/invitee_no_shows/NS1`, createdAt: CALL + HOUR },
        }),
      );
      expect((await deliver(team, 'calendly', marked)).body.entry).toMatchObject({
        status: 'applied',
        kind: 'no_show',
      });
      let { lead } = await pulled(team);
      expect(lead).toMatchObject({ stage: 'call_completed', lanes: ['no_show_risk'], fields: { showed: 'no_show' } });
      expect(lead.laneSince.no_show_risk).toBe(CALL + HOUR);

      server.clock.now = CALL + 2 * HOUR;
      const unmarked = calendlyWebhook(
        'invitee_no_show.deleted',
        CALL + 2 * HOUR,
        calendlyInvitee({ invitee: calendlyInviteeUri('A'), startTime: CALL, createdAt: T0, utmContent: team.leadId }),
      );
      expect((await deliver(team, 'calendly', unmarked)).body.entry).toMatchObject({ kind: 'no_show_cleared' });
      ({ lead } = await pulled(team));
      expect(lead.lanes).toEqual([]);
      expect(lead.fields.showed).toBeUndefined();
    } finally {
      server.clock.now = T0;
    }
  });

  it('Cal.com: created (metadata reference), rescheduled twice, no-show naming only the booking, then cancelled', async () => {
    const team = await connectedTeam();
    const created = await deliver(
      team,
      'calcom',
      calcomWebhook('BOOKING_CREATED', T0, calcomBooking({ uid: 'uidA', startTime: CALL, dmh: team.leadId })),
    );
    expect(created.body.entry).toMatchObject({ status: 'applied', matchedBy: 'reference', kind: 'booked' });
    expect((await pulled(team)).lead).toMatchObject({ stage: 'booked', fields: { callAt: CALL } });

    for (const [uid, previous, day] of [
      ['uidB', 'uidA', 1],
      ['uidC', 'uidB', 2],
    ] as const) {
      const res = await deliver(
        team,
        'calcom',
        calcomWebhook(
          'BOOKING_RESCHEDULED',
          T0,
          calcomBooking({ uid, rescheduleUid: previous, startTime: CALL + day * 24 * HOUR }),
        ),
      );
      expect(res.body.entry).toMatchObject({ status: 'applied', matchedBy: 'booking', kind: 'rescheduled' });
    }
    expect((await pulled(team)).lead.fields.callAt).toBe(CALL + 2 * 24 * HOUR);

    const noShowAt = CALL + 2 * 24 * HOUR + HOUR;
    server.clock.now = noShowAt;
    try {
      const noShow = await deliver(
        team,
        'calcom',
        calcomWebhook('BOOKING_NO_SHOW_UPDATED', noShowAt, calcomNoShow('uidC', true)),
      );
      expect(noShow.body.entry).toMatchObject({ status: 'applied', matchedBy: 'booking', kind: 'no_show' });
      expect((await pulled(team)).lead).toMatchObject({ stage: 'call_completed', lanes: ['no_show_risk'] });
      const attended = await deliver(
        team,
        'calcom',
        calcomWebhook('BOOKING_NO_SHOW_UPDATED', noShowAt + MIN, calcomNoShow('uidC', false)),
      );
      expect(attended.body.entry).toMatchObject({ kind: 'no_show_cleared' });
      expect((await pulled(team)).lead.lanes).toEqual([]);
    } finally {
      server.clock.now = T0;
    }
  });

  it('Cal.com BOOKING_CANCELLED backs out of Booked call; a cancellation of a rescheduled-away booking does not', async () => {
    const team = await connectedTeam();
    await deliver(
      team,
      'calcom',
      calcomWebhook('BOOKING_CREATED', T0, calcomBooking({ uid: 'uidA', startTime: CALL, dmh: team.leadId })),
    );
    await deliver(
      team,
      'calcom',
      calcomWebhook(
        'BOOKING_RESCHEDULED',
        T0,
        calcomBooking({ uid: 'uidB', rescheduleUid: 'uidA', startTime: CALL + HOUR }),
      ),
    );
    const stale = await deliver(
      team,
      'calcom',
      calcomWebhook(
        'BOOKING_CANCELLED',
        T0,
        calcomBooking({ uid: 'uidA', startTime: CALL, cancellationReason: 'Rescheduled' }),
      ),
    );
    expect(stale.body.entry).toMatchObject({ status: 'applied' });
    expect((await pulled(team)).lead.stage).toBe('booked');
    await deliver(
      team,
      'calcom',
      calcomWebhook(
        'BOOKING_CANCELLED',
        T0,
        calcomBooking({ uid: 'uidB', startTime: CALL + HOUR, cancellationReason: 'Sick' }),
      ),
    );
    const { lead, history } = await pulled(team);
    expect(lead.stage).toBe('link_sent');
    expect(history.at(-2)).toMatchObject({
      type: 'stage_moved',
      reason: 'Cancelled in Cal.com: Sick',
      actor: { via: 'calcom' },
    });
  });

  it('refuses a wrong, missing or malformed signature with 401 and stores nothing', async () => {
    const team = await connectedTeam();
    const before = await countRows(team.coach.team.id);
    const body = calendlyBooked(team);
    const wrong = await deliver(team, 'calendly', body, { secret: 'not-the-secret' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toContain('signing key differs');
    expect((await deliver(team, 'calendly', body, { headers: {} })).status).toBe(401);
    expect(
      (await deliver(team, 'calendly', body, { headers: { 'calendly-webhook-signature': 'v1=abc' } })).status,
    ).toBe(401);
    const calcom = calcomWebhook(
      'BOOKING_CREATED',
      T0,
      calcomBooking({ uid: 'uidA', startTime: CALL, dmh: team.leadId }),
    );
    expect((await deliver(team, 'calcom', calcom, { secret: 'nope' })).status).toBe(401);
    // A body changed after signing no longer matches its signature.
    const raw = JSON.stringify(body);
    const tampered = await server.request('POST', `/v1/hooks/calendly/${team.hookId}`, {
      raw: raw.replace('lead-1', 'lead-2'),
      headers: signedHeaders('calendly', raw, team.secret, T0),
    });
    expect(tampered.status).toBe(401);
    expect(await countRows(team.coach.team.id)).toEqual(before);
    expect((await pulled(team)).lead.stage).toBe('link_sent');
    expect(server.logs.join('\n')).not.toContain(team.secret);
  });

  it('refuses a replay signed outside the window, and applies a repeated delivery only once', async () => {
    const team = await connectedTeam();
    const body = calendlyBooked(team);
    const before = await countRows(team.coach.team.id);
    const old = await deliver(team, 'calendly', body, { signedAt: T0 - 10 * MIN });
    expect(old.status).toBe(401);
    expect(old.body.error.message).toContain('a replay');
    expect(await countRows(team.coach.team.id)).toEqual(before);

    expect((await deliver(team, 'calendly', body)).body.status).toBe('applied');
    const once = await countRows(team.coach.team.id);
    // Calendly retries with a fresh signature: the same event, recognised by its identity.
    const again = await deliver(team, 'calendly', body, { signedAt: T0 + MIN });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'duplicate', entry: { status: 'applied' } });
    expect(await countRows(team.coach.team.id)).toEqual(once);
    const calcom = calcomWebhook('BOOKING_NO_SHOW_UPDATED', T0, calcomNoShow('uidZ', true));
    await deliver(team, 'calcom', calcom);
    expect((await deliver(team, 'calcom', calcom)).body.status).toBe('duplicate');
  });

  it('an event matching no lead waits for a coach, never matched by name; matching it applies its whole chain in order', async () => {
    const team = await connectedTeam();
    // The invitee's name is the lead's display name, but the link carried no reference and no handle: not matched.
    const booked = await deliver(team, 'calendly', calendlyBooked(team, { utmContent: null, name: 'Jess Fit' }));
    expect(booked.body.entry).toMatchObject({ status: 'unmatched', leadId: null, inviteeName: 'Jess Fit' });
    expect(booked.body.entry.outcome).toContain('No lead matched');
    const canceled = await deliver(
      team,
      'calendly',
      calendlyWebhook(
        'invitee.canceled',
        T0,
        calendlyInvitee({ invitee: calendlyInviteeUri('A'), startTime: CALL, createdAt: T0, cancelReason: 'Busy' }),
      ),
    );
    expect(canceled.body.entry.status).toBe('unmatched');
    expect((await pulled(team)).lead.stage).toBe('link_sent');

    const status = await server.request('GET', '/v1/calendar', { token: team.coach.token });
    expect(status.body.unmatched.map((e: { kind: string }) => e.kind)).toEqual(['canceled', 'booked']);
    expect(status.body.lastEvent.kind).toBe('canceled');

    // The coach matches the cancellation: the booking is applied first, then its cancellation.
    const matched = await server.request('POST', `/v1/calendar/events/${canceled.body.entry.id}/match`, {
      token: team.coach.token,
      body: { leadId: team.leadId },
    });
    expect(matched.status).toBe(200);
    expect(matched.body.entries.map((e: { kind: string; matchedBy: string }) => [e.kind, e.matchedBy])).toEqual([
      ['booked', 'hand'],
      ['canceled', 'hand'],
    ]);
    const { history, lead } = await pulled(team);
    expect(lead.stage).toBe('link_sent');
    expect(history.filter((e) => e.type === 'stage_moved').map((e) => (e as { to: string }).to)).toEqual([
      'booked',
      'link_sent',
    ]);
    expect((await server.request('GET', '/v1/calendar', { token: team.coach.token })).body.unmatched).toEqual([]);
    // Matched once: a second match is refused.
    const twice = await server.request('POST', `/v1/calendar/events/${canceled.body.entry.id}/match`, {
      token: team.coach.token,
      body: { leadId: team.leadId },
    });
    expect(twice.status).toBe(409);
  });

  it('falls back to the booking form’s Instagram handle, only when exactly one lead has it', async () => {
    const team = await connectedTeam();
    const byHandle = await deliver(
      team,
      'calendly',
      calendlyBooked(team, { utmContent: null, instagramAnswer: '@Jess.FitLife' }),
    );
    expect(byHandle.body.entry).toMatchObject({ status: 'applied', matchedBy: 'instagram', leadId: team.leadId });
    // A second lead with the same username makes the handle ambiguous.
    await server.push(
      team.setter.token,
      batch('sam', 'b2', [
        newLeadPut(3, 'sam', 'lead-2'),
        put(4, 'sam', 'lead-2', { username: { value: 'jess.fitlife', at: 2 } }),
      ]),
    );
    const ambiguous = await deliver(
      team,
      'calcom',
      calcomWebhook('BOOKING_CREATED', T0, calcomBooking({ uid: 'uidQ', startTime: CALL, instagram: 'jess.fitlife' })),
    );
    expect(ambiguous.body.entry).toMatchObject({ status: 'unmatched', instagramHandle: 'jess.fitlife' });
  });

  it('answers other triggers without storing them, and refuses unknown webhook addresses', async () => {
    const team = await connectedTeam();
    const before = await countRows(team.coach.team.id);
    const other = await deliver(team, 'calendly', calendlyWebhook('routing_form_submission.created', T0, {}));
    expect(other.body).toMatchObject({ received: true, status: 'ignored' });
    expect(await countRows(team.coach.team.id)).toEqual(before);
    const unknown = await server.request('POST', '/v1/hooks/calendly/h_nobody', { raw: '{}' });
    expect(unknown.status).toBe(404);
    expect((await server.request('POST', `/v1/hooks/tidycal/${team.hookId}`, { raw: '{}' })).status).toBe(404);
    const badShape = await deliver(team, 'calendly', calendlyWebhook('invitee.created', T0, { name: 'no uri' }));
    expect(badShape.status).toBe(400);
  });

  it('is the coach’s: the secret is read back and replaced, the booking link is set, and a test event is recorded', async () => {
    const team = await connectedTeam();
    for (const [method, path] of [
      ['GET', '/v1/calendar'],
      ['GET', '/v1/calendar/secret'],
      ['POST', '/v1/calendar/secret'],
    ] as const)
      expect((await server.request(method, path, { token: team.setter.token })).status).toBe(403);

    const replaced = await server.request('POST', '/v1/calendar/secret', { token: team.coach.token });
    expect(replaced.body.secret).not.toBe(team.secret);
    expect((await deliver(team, 'calendly', calendlyBooked(team))).status).toBe(401);
    expect((await deliver(team, 'calendly', calendlyBooked(team), { secret: replaced.body.secret })).status).toBe(200);

    const bad = await server.request('PUT', '/v1/calendar/booking-url', {
      token: team.coach.token,
      body: { bookingUrl: 'calendly' },
    });
    expect(bad.status).toBe(400);
    const saved = await server.request('PUT', '/v1/calendar/booking-url', {
      token: team.coach.token,
      body: { bookingUrl: 'https://calendly.com/cora/intro' },
    });
    expect(saved.body.bookingUrl).toBe('https://calendly.com/cora/intro');
    expect((await server.pull(team.setter.token)).bookingUrl).toBe('https://calendly.com/cora/intro');

    server.clock.now = T0 + 5 * MIN;
    try {
      const test = await server.request('POST', '/v1/calendar/test', { token: team.coach.token });
      expect(test.body.entry).toMatchObject({ kind: 'test', status: 'test', provider: 'calendly' });
      const status = await server.request('GET', '/v1/calendar', { token: team.coach.token });
      expect(status.body.lastEvent).toMatchObject({ kind: 'test', receivedAt: T0 + 5 * MIN });
      expect(JSON.stringify(status.body)).not.toContain(replaced.body.secret);
    } finally {
      server.clock.now = T0;
    }
  });

  it('keeps the server’s client id to itself', async () => {
    const team = await connectedTeam();
    const res = await server.push(team.setter.token, batch('calendar', 'b1', [newLeadPut(1, 'calendar', 'lead-9')]));
    expect(res.status).toBe(400);
  });
});
