import { z } from 'zod';
import type { MessageKey } from '../i18n/catalogs';
import type { MessageValues } from '../i18n/translator';
import {
  type ErrorCode,
  envelopeSchema,
  type ParsedRequest,
  type Reply,
  type RequestName,
  requestSchemas,
} from '../messaging/protocol';
import type { ResponseMap } from '../messaging/responses';
import { normaliseJson } from '../sync/normalise-text';
import { attention } from './handlers/attention-handlers';
import { getBoard, getBoardColumn, getCards } from './handlers/board-handlers';
import * as calendar from './handlers/calendar-handlers';
import { deleteAllData } from './handlers/data-handlers';
import { dismissFirstRun, getFirstRun, keepDefaultHours, openOptions } from './handlers/first-run-handlers';
import { getLanguage, saveLanguage } from './handlers/language-handlers';
import * as leads from './handlers/lead-handlers';
import {
  getAlertSettings,
  getBoardFilters,
  getLastChanges,
  getPolicy,
  getTeamLists,
  saveAlertSettings,
  saveBoardFilters,
  savePolicy,
  saveTeamLists,
} from './handlers/policy-handlers';
import { getReview, resolveReplaced, saveChange } from './handlers/review-handlers';
import { decideSignal } from './handlers/signal-handlers';
import * as sync from './handlers/sync-handlers';
import { getTeam, removeMember, saveMember, setMe } from './handlers/team-handlers';
import { threadListSeen } from './handlers/thread-list-handlers';
import { listWorkspaces } from './handlers/workspace-handlers';
import { type BackgroundServices, HandlerError } from './services';
import { replyTranslator, say } from './words';

/** One handler per request, typed by the request it parses and the response it must give. */
type Handlers = {
  [N in RequestName]: (services: BackgroundServices, request: ParsedRequest<N>) => Promise<ResponseMap[N]>;
};

const handlers: Handlers = {
  ping: async () => ({ version: browser.runtime.getManifest().version }),
  'lead.get': leads.getLead,
  'lead.track': leads.trackLead,
  'lead.move': leads.move,
  'lead.assign': leads.assign,
  'lead.setHandoffField': leads.setHandoff,
  'lead.setDetail': leads.setDetail,
  'lead.setLaneContext': leads.setLaneDetail,
  'lead.restoreField': leads.restoreField,
  'lead.setLane': leads.setLane,
  'lead.setNextAction': leads.setNext,
  'lead.messagesSeen': leads.messagesSeen,
  'lead.noReplyNeeded': leads.noReplyNeeded,
  'threads.listSeen': threadListSeen,
  'leads.attention': attention,
  'workspaces.list': listWorkspaces,
  'team.get': getTeam,
  'team.saveMember': saveMember,
  'team.removeMember': removeMember,
  'team.setMe': setMe,
  'firstRun.get': getFirstRun,
  'firstRun.dismiss': dismissFirstRun,
  'firstRun.keepHours': keepDefaultHours,
  'options.open': openOptions,
  'alerts.get': getAlertSettings,
  'alerts.save': saveAlertSettings,
  'i18n.get': getLanguage,
  'i18n.save': saveLanguage,
  'board.get': getBoard,
  'board.getFilters': getBoardFilters,
  'board.saveFilters': saveBoardFilters,
  'board.column': getBoardColumn,
  'leads.cards': getCards,
  'review.get': getReview,
  'review.saveChange': saveChange,
  'review.noteFinding': leads.noteAuditFinding,
  'review.resolveReplaced': resolveReplaced,
  'lists.get': getTeamLists,
  'settings.lastChanges': getLastChanges,
  'lists.save': saveTeamLists,
  'policy.get': getPolicy,
  'policy.save': savePolicy,
  'lead.decideSignal': decideSignal,
  'data.deleteAll': deleteAllData,
  'sync.status': sync.syncStatus,
  'sync.connect': sync.syncConnect,
  'sync.now': sync.syncNow,
  'sync.signOut': sync.syncSignOut,
  'sync.invite': sync.syncInvite,
  'sync.invites': sync.syncInvites,
  'sync.cancelInvite': sync.syncCancelInvite,
  'sync.members': sync.syncMembers,
  'sync.revoke': sync.syncRevoke,
  'sync.setRole': sync.syncSetRole,
  'calendar.get': calendar.getCalendar,
  'calendar.connect': calendar.connectCalendar,
  'calendar.secret': calendar.calendarSecret,
  'calendar.saveBookingUrl': calendar.saveCalendarBookingUrl,
  'calendar.sendTest': calendar.sendCalendarTest,
  'calendar.match': calendar.matchCalendarEvent,
  'calendar.dismiss': calendar.dismissCalendarEvent,
  'calendar.bookingLink': calendar.bookingLinkFor,
  'sync.unmatchedMembers': sync.syncUnmatchedMembers,
  'sync.matchMember': sync.syncMatchMember,
};

const failure = (code: ErrorCode, message: string): Reply<never> => ({ ok: false, error: { code, message } });

/** A failure in the user's language. */
async function refusal(
  services: BackgroundServices,
  code: ErrorCode,
  key: MessageKey,
  values?: MessageValues,
): Promise<Reply<never>> {
  return failure(code, (await replyTranslator(services.db))(key, values));
}

/** "field.path: problem" for each zod issue, so a bad request says exactly what is wrong. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'request'}: ${issue.message}`)
    .join('; ');
}

function isQuotaError(error: unknown): boolean {
  const names = [(error as { name?: string })?.name, (error as { inner?: { name?: string } })?.inner?.name];
  return names.includes('QuotaExceededError');
}

/** The database on disk was written by a newer release (Dexie refuses to open it with an older schema). */
function isNewerDatabaseError(error: unknown): boolean {
  const names = [(error as { name?: string })?.name, (error as { inner?: { name?: string } })?.inner?.name];
  return names.includes('VersionError');
}

/** Validates a message from a UI and runs its handler. Never throws: every failure is a reply with a clear message. */
export async function handleEnvelope(raw: unknown, services: BackgroundServices): Promise<Reply<unknown>> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success)
    return refusal(services, 'bad_request', 'background.error.malformed', {
      details: describeZodError(envelope.error),
    });
  const { name, payload, workspace } = envelope.data;
  if (!Object.hasOwn(requestSchemas, name))
    return refusal(services, 'bad_request', 'background.error.unknownRequest', { name });
  const schema = requestSchemas[name as RequestName];
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success)
    return refusal(services, 'bad_request', 'background.error.invalidRequest', {
      name,
      details: describeZodError(parsed.error),
    });
  try {
    const handler = handlers[name as RequestName] as (s: BackgroundServices, r: unknown) => Promise<unknown>;
    // Each request works in one workspace (one Instagram account's pipeline): the one it names, or the last chosen.
    const scoped = services.workspaces ? (await services.workspaces.resolve(workspace)).services : services;
    // Text from Instagram or a form is stored as the team server can store it: no U+0000, no lone surrogate.
    const data = await handler(scoped, normaliseJson(parsed.data));
    return { ok: true, data };
  } catch (error) {
    if (error instanceof HandlerError) return failure(error.code, say(await replyTranslator(services.db), error.said));
    if (error instanceof z.ZodError)
      return refusal(services, 'bad_request', 'background.error.invalidRequest', {
        name,
        details: describeZodError(error),
      });
    if (isNewerDatabaseError(error)) return refusal(services, 'storage', 'background.error.newerDatabase');
    if (isQuotaError(error)) return refusal(services, 'storage', 'background.error.storageFull');
    console.error(`DM Handoff: "${name}" failed`, error);
    return refusal(services, 'internal', 'background.error.internal', {
      name,
      details: error instanceof Error ? error.message : String(error),
    });
  }
}
