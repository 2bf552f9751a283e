import { SYSTEM_ACTOR } from '../../domain/history';
import type { Lead } from '../../domain/lead';
import { type ChangeContext, setLeadDetail } from '../../domain/lead-operations';
import { messageKeys } from '../../domain/signals/message-key';
import { recordListRow } from '../../domain/thread-reading';
import type { ParsedRequest } from '../../messaging/protocol';
import { leadByThread } from '../../storage/lead-queries';
import { loadTeamLists } from '../../storage/settings-queries';
import { guardEscalation } from '../conversation-reading';
import { notifyEscalation } from '../escalation-alert';
import { withLeadLock } from '../lead-lock';
import { commitLeadChange, loadSlaContext } from '../lead-views';
import type { Handlers } from '../handler-map';
import type { BackgroundServices } from '../services';

type Row = ParsedRequest<'threads.listSeen'>['rows'][number];

/** What a row says about the last message: a different value means a message this browser has not counted yet. */
function rowSeen(row: Row): string {
  const [key] = messageKeys([{ text: row.preview, direction: row.from === 'me' ? 'outbound' : 'inbound' }]);
  return `${key}|${row.newMessages ?? ''}`;
}

/** How a row names the person: the profile link's username, else the name it shows (a group has no link). */
function rowKeyOf(row: Row): string | undefined {
  if (row.username) return `@${row.username}`;
  return row.displayName ? `name:${row.displayName}` : undefined;
}

/** The one tracked lead with this username; none when no lead or several leads have it. */
async function leadByUsername(services: BackgroundServices, username: string): Promise<Lead | undefined> {
  const leads = await services.db.leads.where('username').equals(username).limit(2).toArray();
  return leads.length === 1 ? leads[0] : undefined;
}

/**
 * The one tracked lead a row is about: by its username, else by the thread the same row stood for when it was open.
 * None when nothing matches, or when the row's name stood for several threads (two groups of one name).
 */
async function leadOfRow(services: BackgroundServices, row: Row): Promise<Lead | undefined> {
  const byName = row.username ? await leadByUsername(services, row.username) : undefined;
  if (byName) return byName;
  const key = rowKeyOf(row);
  if (!key) return undefined;
  const learned = await services.db.threadRows.where('rowKey').equals(key).limit(2).toArray();
  return learned.length === 1 ? services.db.leads.get(learned[0]!.leadId) : undefined;
}

/** Updates what this browser remembers of a lead's row, keeping the rest of it. */
async function rememberRow(services: BackgroundServices, leadId: string, memo: { seen?: string; rowKey?: string }) {
  const { db } = services;
  await db.transaction('rw', db.threadRows, async () => {
    const current = await db.threadRows.get(leadId);
    await db.threadRows.put({ ...current, ...memo, leadId, at: services.now() });
  });
}

/**
 * The open conversation's row names the person it is with: the row is remembered by that name, and a lead tracked
 * without a username (the header could not be read) learns it, so its row can be matched from now on. Never when
 * another lead already has that username.
 */
async function learnOpenThread(services: BackgroundServices, row: Row, threadId: string): Promise<void> {
  const lead = await leadByThread(services.db, threadId);
  if (!lead) return;
  // The open conversation is its pressed row: how that row names it matches the row once the thread is closed.
  const rowKey = rowKeyOf(row);
  if (rowKey) await rememberRow(services, lead.id, { rowKey });
  if (!row.username || lead.username || (await leadByUsername(services, row.username))) return;
  const username = row.username;
  await withLeadLock(lead.id, async () => {
    const current = await services.db.leads.get(lead.id);
    if (!current || current.username) return;
    const ctx: ChangeContext = { now: services.now(), actor: SYSTEM_ACTOR, newId: services.newId };
    await commitLeadChange(
      services,
      current,
      setLeadDetail(current, 'username', username, ctx),
      await loadSlaContext(services),
    );
  });
}

/**
 * Rows of Instagram's thread list that changed, read while any DM page is open: the reply clock of every tracked lead
 * follows its row, whoever has the thread open (or nobody does). A row whose author cannot be told (a UI language the
 * adapter has no words for), or that matches no lead or several, changes nothing. The open conversation is read from
 * the thread itself, which is exact, so its row is only used to learn who it is with.
 */
async function threadListSeen(
  services: BackgroundServices,
  req: ParsedRequest<'threads.listSeen'>,
): Promise<{ changed: number }> {
  const { db } = services;
  let changed = 0;
  for (const row of req.rows) {
    if (row.open && req.openThreadId) {
      await learnOpenThread(services, row, req.openThreadId);
      continue;
    }
    if (row.from === 'unknown') continue;
    const found = await leadOfRow(services, row);
    if (!found) continue;
    const seen = rowSeen(row);
    const memo = await db.threadRows.get(found.id);
    if (memo?.seen === seen) continue;
    const from = row.from;
    const escalation = await withLeadLock(found.id, async () => {
      const lead = await db.leads.get(found.id);
      if (!lead) return undefined;
      const now = services.now();
      const ctx: ChangeContext = { now, actor: SYSTEM_ACTOR, newId: services.newId };
      const sla = await loadSlaContext(services);
      let change = recordListRow(
        lead,
        { from, at: row.at, atUncertaintyMs: row.atUncertaintyMs },
        memo?.seen !== undefined,
        ctx,
      );
      let raised: { words: string } | undefined;
      if (from === 'them' && row.preview) {
        const members = await db.members.toArray();
        const coachId = members.find((m) => m.active && m.role === 'coach')?.id;
        const history = await db.history.where('leadId').equals(lead.id).toArray();
        const read = guardEscalation(
          change,
          [{ text: row.preview, direction: 'inbound', ...(row.at === undefined ? {} : { at: row.at }) }],
          { now, newId: services.newId, lists: await loadTeamLists(db), timeZone: sla.calendar.timeZone, coachId },
          history,
        );
        change = read;
        raised = read.escalation;
      }
      const view = await commitLeadChange(services, lead, change, sla);
      await rememberRow(services, lead.id, { seen });
      if (change.lead !== lead) changed++;
      return raised ? { lead: view.lead, words: raised.words } : undefined;
    });
    if (escalation) await notifyEscalation(services, escalation.lead, escalation.words).catch(() => {});
  }
  return { changed };
}

/** Instagram's thread list, read while a DM page is open. */
export const threadListHandlers = {
  'threads.listSeen': threadListSeen,
} satisfies Handlers;
