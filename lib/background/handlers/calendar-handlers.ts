import { trackedBookingLink } from '../../domain/calendar/tracked-booking-link';
import type { ParsedRequest } from '../../messaging/protocol';
import type { BookingLinkReply, CalendarView } from '../../messaging/responses';
import { loadSession, type SyncSession } from '../../storage/sync/sync-state';
import { loadTeamBookingUrl } from '../../storage/team-booking-link';
import { type CalendarStatus, webhookPath } from '../../sync/calendar-protocol';
import type { Handlers } from '../handler-map';
import { type BackgroundServices, HandlerError } from '../services';
import type { ServerClient } from '../sync/server-client';
import { replyTranslator, words } from '../words';
import { asRefusal, engine } from './sync-handlers';

/** The connection with the addresses Calendly and Cal.com post to: this browser's server address and the hook id. */
function viewOf(session: SyncSession, status: CalendarStatus): CalendarView {
  const url = (provider: 'calendly' | 'calcom') => `${session.serverUrl}${webhookPath(provider, status.hookId ?? '')}`;
  return { ...status, webhookUrls: status.hookId ? { calendly: url('calendly'), calcom: url('calcom') } : null };
}

/** Runs a calendar request against the team server as this browser's member; refusals come back as sentences. */
async function withServer<T>(
  services: BackgroundServices,
  work: (server: ServerClient, session: SyncSession) => Promise<T>,
): Promise<T> {
  return asRefusal(async () => {
    const { server, session } = await engine(services).server();
    return work(server, session);
  });
}

const refreshed = (server: ServerClient, session: SyncSession) => server.calendar().then((s) => viewOf(session, s));

const getCalendar = (s: BackgroundServices) => withServer(s, refreshed);

const connectCalendar = (s: BackgroundServices) =>
  withServer(s, async (server, session) => viewOf(session, await server.connectCalendar()));

const calendarSecret = (s: BackgroundServices, req: ParsedRequest<'calendar.secret'>) =>
  withServer(s, (server) => server.calendarSecret(req.replace));

const saveCalendarBookingUrl = (s: BackgroundServices, req: ParsedRequest<'calendar.saveBookingUrl'>) =>
  withServer(s, async (server, session) => {
    const status = await server.saveBookingUrl(req.bookingUrl || null);
    // This browser copies the new link at once; teammates get it with their next pull.
    await s.sync?.pullNow();
    return viewOf(session, status);
  });

const sendCalendarTest = (s: BackgroundServices) =>
  withServer(s, async (server, session) => {
    await server.sendCalendarTest();
    return refreshed(server, session);
  });

const matchCalendarEvent = (s: BackgroundServices, req: ParsedRequest<'calendar.match'>) =>
  withServer(s, async (server, session) => {
    await server.matchCalendarEvent(req.eventId, req.leadId);
    // The change the match made is the server's: pull it, so this browser shows the lead moved.
    await s.sync?.pullNow();
    return refreshed(server, session);
  });

const dismissCalendarEvent = (s: BackgroundServices, req: ParsedRequest<'calendar.dismiss'>) =>
  withServer(s, async (server, session) => {
    await server.dismissCalendarEvent(req.eventId);
    return refreshed(server, session);
  });

/** The team's link with the lead's reference, from what this browser last pulled: works offline. */
async function bookingLinkFor(
  services: BackgroundServices,
  req: ParsedRequest<'calendar.bookingLink'>,
): Promise<BookingLinkReply> {
  if (!(await loadSession(services.db))) return { url: null, inTeam: false };
  const lead = await services.db.leads.get(req.leadId);
  if (!lead) throw new HandlerError('not_found', words('background.error.leadNotTracked'));
  const base = await loadTeamBookingUrl(services.db);
  if (!base)
    return {
      url: null,
      inTeam: true,
      reason: (await replyTranslator(services.db))('background.booking.noLink'),
    };
  return { url: trackedBookingLink(base, lead.id), inTeam: true };
}

/** The team's calendar connection, its events and the tracked booking link. */
export const calendarHandlers = {
  'calendar.get': getCalendar,
  'calendar.connect': connectCalendar,
  'calendar.secret': calendarSecret,
  'calendar.saveBookingUrl': saveCalendarBookingUrl,
  'calendar.sendTest': sendCalendarTest,
  'calendar.match': matchCalendarEvent,
  'calendar.dismiss': dismissCalendarEvent,
  'calendar.bookingLink': bookingLinkFor,
} satisfies Handlers;
