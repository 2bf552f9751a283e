import { Hono } from 'hono';
import { CALENDAR_PROVIDERS, type CalendarProvider } from '../../../lib/domain/calendar/calendar-labels';
import { findJsonBoundsProblem } from '../../../lib/sync/json-bounds';
import { normaliseJson } from '../../../lib/sync/normalise-text';
import { checkCalcomSignature, checkCalendlySignature } from '../hooks/webhook-signature';
import { readWebhook } from '../hooks/read-webhook';
import type { AppDeps, AppEnv } from '../http/app-env';
import { badRequest, HttpError } from '../http/http-error';
import { readParam } from '../http/parse-request';
import { connectionOfHook } from '../store/calendar/calendar-connection';
import { receiveCalendarEvent } from '../store/calendar/receive-event';

const isProvider = (name: string): name is CalendarProvider => (CALENDAR_PROVIDERS as readonly string[]).includes(name);

/**
 * Calendar webhooks: no bearer token, the signature is the proof. The raw body is checked before it is parsed; a
 * delivery refused for its signature or shape stores nothing. Answers are 2xx for everything stored (unmatched
 * events and repeats included), so the provider does not retry them; never 410, which makes Calendly delete the
 * subscription.
 */
export function hookRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post('/hooks/:provider/:hookId', async (c) => {
    const provider = readParam(c, 'provider');
    if (!isProvider(provider))
      throw new HttpError(404, 'not_found', `No calendar "${provider}": use calendly or calcom`);
    const connection = await connectionOfHook(deps.db, readParam(c, 'hookId'));
    if (!connection)
      throw new HttpError(
        404,
        'not_found',
        'No calendar connection at this address: copy the webhook URL again from Options → Connect a calendar',
      );
    const raw = await c.req.text();
    const now = c.get('now');
    const check =
      provider === 'calendly'
        ? checkCalendlySignature(
            c.req.header('calendly-webhook-signature'),
            raw,
            connection.secret,
            now,
            deps.limits.webhookToleranceMs,
          )
        : checkCalcomSignature(c.req.header('x-cal-signature-256'), raw, connection.secret);
    if (!check.ok) {
      deps.logger.warn('calendar webhook refused', { teamId: connection.teamId, provider, why: check.message });
      throw new HttpError(401, 'unauthorized', check.message);
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw badRequest('The webhook body is not valid JSON');
    }
    const problem = findJsonBoundsProblem(body);
    if (problem) throw badRequest(`Invalid webhook body: ${problem.path || '(body)'}: ${problem.message}`);
    const reading = readWebhook(provider, normaliseJson(body));
    if (reading.kind === 'invalid') throw badRequest(reading.message);
    if (reading.kind === 'ignored') return c.json({ received: true, status: 'ignored', reason: reading.reason });
    const receipt = await receiveCalendarEvent(deps.db, connection.teamId, reading.event, now);
    deps.logger.info('calendar event', {
      teamId: connection.teamId,
      provider,
      kind: reading.event.kind,
      status: receipt.status,
    });
    return c.json(receipt);
  });
}
