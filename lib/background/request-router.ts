import { z } from 'zod';
import type { MessageKey } from '../i18n/catalogs';
import type { MessageValues } from '../i18n/translator';
import { type ErrorCode, envelopeSchema, type Reply, type RequestName, requestSchemas } from '../messaging/protocol';
import { normaliseJson } from '../sync/normalise-text';
import type { HandlerMap } from './handler-map';
import { attentionHandlers } from './handlers/attention-handlers';
import { boardHandlers } from './handlers/board-handlers';
import { calendarHandlers } from './handlers/calendar-handlers';
import { dataHandlers } from './handlers/data-handlers';
import { firstRunHandlers } from './handlers/first-run-handlers';
import { languageHandlers } from './handlers/language-handlers';
import { leadHandlers } from './handlers/lead-handlers';
import { policyHandlers } from './handlers/policy-handlers';
import { reviewHandlers } from './handlers/review-handlers';
import { signalHandlers } from './handlers/signal-handlers';
import { syncHandlers } from './handlers/sync-handlers';
import { teamHandlers } from './handlers/team-handlers';
import { threadListHandlers } from './handlers/thread-list-handlers';
import { workspaceHandlers } from './handlers/workspace-handlers';
import { type BackgroundServices, HandlerError } from './services';
import { replyTranslator, say } from './words';

/**
 * Every request's handler, by the request's name. Each module's handlers are checked against their requests and
 * responses where they are written (`satisfies Handlers`), and this map against the list of requests: a request
 * without a handler does not compile.
 */
const handlers: HandlerMap = {
  ping: async () => ({ version: browser.runtime.getManifest().version }),
  ...leadHandlers,
  ...threadListHandlers,
  ...signalHandlers,
  ...attentionHandlers,
  ...workspaceHandlers,
  ...teamHandlers,
  ...firstRunHandlers,
  ...languageHandlers,
  ...policyHandlers,
  ...boardHandlers,
  ...reviewHandlers,
  ...dataHandlers,
  ...syncHandlers,
  ...calendarHandlers,
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
