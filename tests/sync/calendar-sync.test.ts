import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { historyOf } from '../../lib/storage/lead-queries';
import { signedHeaders } from '../../server/src/hooks/webhook-signature';
import { calendlyInvitee, calendlyInviteeUri, calendlyWebhook } from '../server/support/calendar-payloads';
import { useServer } from '../server/support/server-harness';
import { MIN, SERVER, syncDevices } from './support/sync-devices';

vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'DM Handoff', version: '1' });
const { handleEnvelope } = await import('../../lib/background/request-router');

const HOUR = 60 * MIN;

describe('calendars through team sync (PGlite)', () => {
  const h = useServer('pglite');
  const { device, team, serverFetch, closeAll } = syncDevices(h, handleEnvelope);
  afterEach(closeAll);

  /** What Calendly would post to the team's webhook address, signed with the team's secret. */
  async function calendlyPosts(webhookUrl: string, secret: string, event: string, payload: unknown) {
    const raw = JSON.stringify(calendlyWebhook(event, h.clock.now, payload));
    const path = webhookUrl.slice(SERVER.length);
    const res = await h.request('POST', path, { raw, headers: signedHeaders('calendly', raw, secret, h.clock.now) });
    expect(res.status).toBe(200);
    return res.body;
  }

  it('the coach connects a calendar; a booking through the setter’s copied link reaches the setter in one pull', async () => {
    const { coach, setter } = await team();
    const { lead } = await setter.request('lead.track', {
      threadId: 'thread1',
      username: 'jess.fitlife',
      messages: [{ direction: 'inbound', at: h.clock.now - 5 * MIN }],
    });
    await setter.request('sync.now', {});

    const connected = await coach.request('calendar.connect', {});
    expect(connected.webhookUrls).toEqual({
      calendly: `${SERVER}/v1/hooks/calendly/${connected.hookId}`,
      calcom: `${SERVER}/v1/hooks/calcom/${connected.hookId}`,
    });
    const { secret } = await coach.request('calendar.secret', { replace: false });
    await coach.request('calendar.saveBookingUrl', { bookingUrl: 'https://calendly.com/cora/intro' });

    // The setter's next pull brings the team's link; copying it for the lead tracks the lead.
    await setter.request('sync.now', {});
    const { url } = await setter.request('calendar.bookingLink', { leadId: lead.id });
    expect(url).toBe(`https://calendly.com/cora/intro?utm_content=${lead.id}`);
    const utmContent = new URL(url ?? '').searchParams.get('utm_content');

    const callAt = h.clock.now + 48 * HOUR;
    const receipt = await calendlyPosts(
      connected.webhookUrls!.calendly,
      secret,
      'invitee.created',
      calendlyInvitee({ invitee: calendlyInviteeUri('A'), startTime: callAt, createdAt: h.clock.now, utmContent }),
    );
    expect(receipt.entry).toMatchObject({ status: 'applied', matchedBy: 'reference' });

    await setter.request('sync.now', {});
    expect(await setter.leadOf('thread1')).toMatchObject({ stage: 'booked', fields: { callAt } });
    const moved = (await historyOf(setter.db, lead.id)).find((e) => e.type === 'stage_moved');
    expect(moved?.actor).toEqual({ memberId: null, role: 'system', via: 'calendly' });
    const view = await coach.request('calendar.get', {});
    expect(view.lastEvent).toMatchObject({ kind: 'booked', leadId: lead.id });
  });

  it('a waiting event the coach matches by hand moves the lead on the coach’s browser at once', async () => {
    const { coach } = await team();
    const { lead } = await coach.request('lead.track', { threadId: 'thread2', username: 'anna.lifts', messages: [] });
    await coach.request('sync.now', {});
    const connected = await coach.request('calendar.connect', {});
    const { secret } = await coach.request('calendar.secret', { replace: false });
    await calendlyPosts(
      connected.webhookUrls!.calendly,
      secret,
      'invitee.created',
      calendlyInvitee({
        invitee: calendlyInviteeUri('B'),
        startTime: h.clock.now + HOUR,
        createdAt: h.clock.now,
        name: 'Anna',
      }),
    );
    const waiting = await coach.request('calendar.get', {});
    expect(waiting.unmatched).toHaveLength(1);
    const after = await coach.request('calendar.match', { eventId: waiting.unmatched[0]!.id, leadId: lead.id });
    expect(after.unmatched).toEqual([]);
    expect(after.lastEvent).toMatchObject({ status: 'applied', matchedBy: 'hand', leadId: lead.id });
    expect((await coach.leadOf('thread2'))?.stage).toBe('booked');
  });

  it('offers no tracked link without a team, and says why when the team has no booking link', async () => {
    const solo = await device('solo', serverFetch().fetchImpl);
    const { lead } = await solo.request('lead.track', { threadId: 'thread3', messages: [] });
    expect(await solo.request('calendar.bookingLink', { leadId: lead.id })).toEqual({ url: null, inTeam: false });
    const { setter } = await team();
    const tracked = await setter.request('lead.track', { threadId: 'thread4', messages: [] });
    const reply = await setter.request('calendar.bookingLink', { leadId: tracked.lead.id });
    expect(reply).toMatchObject({ url: null, inTeam: true });
    expect(reply.reason).toContain('Connect a calendar');
    // Only a coach manages the connection.
    await expect(setter.request('calendar.get', {})).rejects.toThrow(/coach/);
  });
});
