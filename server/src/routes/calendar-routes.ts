import { Hono } from 'hono';
import { bookingUrlRequestSchema, matchEventRequestSchema } from '../../../lib/sync/calendar-protocol';
import { CALENDLY_TEST_EVENT } from '../hooks/calendly-payload';
import { readWebhook } from '../hooks/read-webhook';
import { requireRole } from '../auth/require-member';
import type { AppDeps, AppEnv } from '../http/app-env';
import { HttpError } from '../http/http-error';
import { readJson, readParam } from '../http/parse-request';
import { checkCalendlySignature, signedHeaders } from '../hooks/webhook-signature';
import {
  connectionOfTeam,
  ensureConnection,
  replaceSecret,
  saveBookingUrl,
} from '../store/calendar/calendar-connection';
import { calendarStatus } from '../store/calendar/calendar-status';
import { dismissEvent, matchEventByHand } from '../store/calendar/match-by-hand';
import { receiveCalendarEvent } from '../store/calendar/receive-event';

/** The team's calendar connection: the coach's to set up, read and act on. */
export function calendarRoutes(deps: AppDeps) {
  const coach = requireRole('coach');
  const teamOf = (c: { get(key: 'caller'): { teamId: string } }) => c.get('caller').teamId;
  return (
    new Hono<AppEnv>()
      .get('/calendar', coach, async (c) => c.json(await calendarStatus(deps.db, teamOf(c))))
      .post('/calendar', coach, async (c) => {
        await ensureConnection(deps.db, teamOf(c), c.get('now'));
        return c.json(await calendarStatus(deps.db, teamOf(c)));
      })
      .get('/calendar/secret', coach, async (c) => {
        const connection = await connectionOfTeam(deps.db, teamOf(c));
        if (!connection) throw new HttpError(404, 'not_found', 'No calendar is connected yet');
        return c.json({ secret: connection.secret });
      })
      .post('/calendar/secret', coach, async (c) => {
        const connection = await replaceSecret(deps.db, teamOf(c), c.get('now'));
        deps.logger.info('calendar secret replaced', { teamId: teamOf(c) });
        return c.json({ secret: connection.secret });
      })
      .put('/calendar/booking-url', coach, async (c) => {
        const { bookingUrl } = await readJson(c, bookingUrlRequestSchema);
        await saveBookingUrl(deps.db, teamOf(c), bookingUrl, c.get('now'));
        return c.json(await calendarStatus(deps.db, teamOf(c)));
      })
      // A delivery signed with the team's secret, read and recorded exactly as Calendly's are: the secret, the reading
      // and the log work. (Whether Calendly and Cal.com can reach this server's public address only they can tell.)
      .post('/calendar/test', coach, async (c) => {
        const now = c.get('now');
        const connection = await ensureConnection(deps.db, teamOf(c), now);
        const raw = JSON.stringify({
          event: CALENDLY_TEST_EVENT,
          created_at: new Date(now).toISOString(),
          payload: {},
        });
        const header = signedHeaders('calendly', raw, connection.secret, now)['calendly-webhook-signature'];
        const check = checkCalendlySignature(header, raw, connection.secret, now, deps.limits.webhookToleranceMs);
        const reading = readWebhook('calendly', JSON.parse(raw));
        if (!check.ok || reading.kind !== 'event') throw new Error('the test delivery did not read back');
        const receipt = await receiveCalendarEvent(deps.db, connection.teamId, reading.event, now);
        return c.json({ entry: receipt.entry });
      })
      .post('/calendar/events/:id/match', coach, async (c) => {
        const { leadId } = await readJson(c, matchEventRequestSchema);
        const entries = await matchEventByHand(deps.db, teamOf(c), readParam(c, 'id'), leadId, c.get('now'));
        return c.json({ entries });
      })
      .post('/calendar/events/:id/dismiss', coach, async (c) =>
        c.json({ entry: await dismissEvent(deps.db, teamOf(c), readParam(c, 'id')) }),
      )
  );
}
