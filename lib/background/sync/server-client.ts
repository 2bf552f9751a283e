import { z } from 'zod';
import type { SyncErrorKind } from '../../storage/sync/sync-state';
import {
  calendarEntriesSchema,
  calendarEntrySchema,
  calendarSecretSchema,
  calendarStatusSchema,
} from '../../sync/calendar-protocol';
import {
  cancelInviteResponseSchema,
  errorResponseSchema,
  inviteResponseSchema,
  memberSchema,
  membersResponseSchema,
  openInvitesResponseSchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  pullResponseSchema,
  pushResponseSchema,
  type SessionResponse,
  sessionResponseSchema,
} from '../../sync/protocol';
import { inEnglish, type Words, words } from '../words';

const memberResponseSchema = z.object({ member: memberSchema });

/**
 * A failed server call, sorted by what the sync engine does about it. What it says is ours to translate (Words), or
 * the server's own sentence (a string, passed on as the server wrote it); its `message` is English, for logs.
 */
export class SyncServerError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    readonly said: Words | string,
    readonly status?: number,
    /** The server's error code, when it sent one (`clock_skew`, `bad_request`…). */
    readonly code?: string,
    /** The server's clock, when it said (a `clock_skew` refusal does). */
    readonly serverTime?: number,
  ) {
    super(inEnglish(said));
  }
}

export const REQUEST_TIMEOUT_MS = 15_000;

/** `https://sync.example.com/` → `https://sync.example.com`; refuses anything that is not an http(s) URL. */
export function normaliseServerUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new SyncServerError('rejected', words('background.sync.notAnAddress', { input }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new SyncServerError('rejected', words('background.sync.httpsOnly'));
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

type Fetch = typeof fetch;

/** The team server's HTTP API, every answer checked against the protocol schemas. */
export class ServerClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | null,
    private readonly fetchImpl: Fetch = (...args) => fetch(...args),
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {}

  private async call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error)?.name === 'TimeoutError';
      throw new SyncServerError(
        'offline',
        timedOut
          ? words('background.sync.timedOut', { seconds: Math.round(this.timeoutMs / 1000) })
          : words('background.sync.unreachable'),
      );
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const error = errorResponseSchema.safeParse(json);
      const message = error.success
        ? error.data.error.message
        : words('background.sync.answered', { status: response.status });
      const code = error.success ? error.data.error.code : undefined;
      if (response.status === 401) throw new SyncServerError('unauthorized', message, 401, code);
      if (response.status >= 500 || response.status === 429 || !error.success)
        throw new SyncServerError('server', message, response.status, code);
      throw new SyncServerError('rejected', message, response.status, code, error.data.serverTime);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncServerError('garbage', words('background.sync.garbage'), response.status);
    return parsed.data;
  }

  createTeam(teamName: string, name: string): Promise<SessionResponse> {
    return this.call('POST', '/v1/teams', sessionResponseSchema, { teamName, name });
  }

  join(code: string, name: string): Promise<SessionResponse> {
    return this.call('POST', '/v1/join', sessionResponseSchema, { code, name });
  }

  invite(role: string) {
    return this.call('POST', '/v1/team/invites', inviteResponseSchema, { role });
  }

  /** Invites that still work (never their codes); coaches only. */
  invites() {
    return this.call('GET', '/v1/team/invites', openInvitesResponseSchema);
  }

  cancelInvite(inviteId: string) {
    return this.call('DELETE', `/v1/team/invites/${encodeURIComponent(inviteId)}`, cancelInviteResponseSchema);
  }

  members() {
    return this.call('GET', '/v1/team/members', membersResponseSchema);
  }

  setRole(memberId: string, role: string) {
    return this.call('PATCH', `/v1/team/members/${encodeURIComponent(memberId)}`, memberResponseSchema, { role });
  }

  revoke(memberId: string) {
    return this.call('POST', `/v1/team/members/${encodeURIComponent(memberId)}/revoke`, memberResponseSchema);
  }

  push(request: PushRequest): Promise<PushResponse> {
    return this.call('POST', '/v1/sync/push', pushResponseSchema, request);
  }

  calendar() {
    return this.call('GET', '/v1/calendar', calendarStatusSchema);
  }

  connectCalendar() {
    return this.call('POST', '/v1/calendar', calendarStatusSchema);
  }

  calendarSecret(replace: boolean) {
    return this.call(replace ? 'POST' : 'GET', '/v1/calendar/secret', calendarSecretSchema);
  }

  saveBookingUrl(bookingUrl: string | null) {
    return this.call('PUT', '/v1/calendar/booking-url', calendarStatusSchema, { bookingUrl });
  }

  sendCalendarTest() {
    return this.call('POST', '/v1/calendar/test', calendarEntrySchema);
  }

  matchCalendarEvent(eventId: string, leadId: string) {
    return this.call('POST', `/v1/calendar/events/${encodeURIComponent(eventId)}/match`, calendarEntriesSchema, {
      leadId,
    });
  }

  dismissCalendarEvent(eventId: string) {
    return this.call('POST', `/v1/calendar/events/${encodeURIComponent(eventId)}/dismiss`, calendarEntrySchema);
  }

  pull(cursor: string | null, clientId: string, limit: number): Promise<PullResponse> {
    const query = new URLSearchParams({ clientId, limit: String(limit) });
    if (cursor) query.set('cursor', cursor);
    return this.call('GET', `/v1/sync/pull?${query}`, pullResponseSchema);
  }
}
