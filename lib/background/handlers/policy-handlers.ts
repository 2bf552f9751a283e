import type { Patch } from '../../domain/settings-patch';
import { underPath } from '../../domain/settings-patch';
import { policyUnreachable } from '../../domain/sla-clock';
import type { ParsedRequest } from '../../messaging/protocol';
import type { Versioned } from '../../messaging/responses';
import { retimeAllLeads } from '../../storage/retime-leads';
import { lastSettingChange, type MarkedSetting, markSettingsChanged } from '../../storage/setting-changes';
import {
  patchSettings,
  readSetting,
  readSettings,
  type SettingKey,
  type SettingValues,
} from '../../storage/setting-store';
import { loadMeId } from '../../storage/settings-queries';
import { captureSettings, syncTables } from '../../storage/sync/change-capture';
import { loadSession } from '../../storage/sync/sync-state';
import { describePolicyUnreachable } from '../refusal-words';
import { nextRevision } from '../revision-clock';
import type { Handlers } from '../handler-map';
import { type BackgroundServices, HandlerError } from '../services';
import { teamSettingsAccess } from '../team-settings-words';
import { replyTranslator, words } from '../words';

/** Who is changing a setting here: the synced member, or who-am-I on a browser alone (null when not set). */
async function currentAuthor(services: BackgroundServices): Promise<string | null> {
  return (await loadSession(services.db))?.member.id ?? (await loadMeId(services.db));
}

/** Refuses a change to the team's shared settings from a member who is not the coach (the server would too). */
async function assertMayEditTeamSettings(services: BackgroundServices) {
  const access = await teamSettingsAccess(services.db);
  if (!access.editable) throw new HandlerError('refused', access.reason ?? words('background.error.coachOnly'));
}

/** Settings as read now, with the revision taken before reading (see revision-clock.ts). */
async function versionedSettings<K extends SettingKey>(
  services: BackgroundServices,
  keys: readonly K[],
): Promise<Versioned<SettingValues<K>>> {
  const rev = nextRevision();
  return { ...(await readSettings(services.db, keys)), rev };
}

const getPolicy = (services: BackgroundServices) => versionedSettings(services, ['policy', 'calendar'] as const);

/**
 * Merges a change into the policy and calendar as stored, checks that every window can still be met, then re-times
 * every lead's clocks (they depend on both), all in one transaction.
 */
async function savePolicy(services: BackgroundServices, req: ParsedRequest<'policy.save'>) {
  await assertMayEditTeamSettings(services);
  const { db } = services;
  const now = services.now();
  // Read before the transaction: only its tables may be touched inside it.
  const t = await replyTranslator(db);
  const saved = await db.transaction('rw', [db.settings, db.leads, ...syncTables(db)], async () => {
    const { after, changed } = await patchSettings(db, ['policy', 'calendar'] as const, req.patch as Patch);
    const unreachable = policyUnreachable(after.policy, after.calendar, now);
    if (unreachable) throw new HandlerError('refused', describePolicyUnreachable(t, unreachable));
    if (changed.length > 0) {
      await captureSettings(db, Object.fromEntries(changed.map((key) => [key, after[key]])), now);
      await markSettingsChanged(db, changed, { memberId: await currentAuthor(services), at: now });
      await retimeAllLeads(db, after.policy, after.calendar);
    }
    return { ...after, rev: nextRevision(), changed: changed.length > 0 };
  });
  const { changed, ...reply } = saved;
  if (changed) services.notifyChanged({ scopes: ['policy', 'leads'] });
  return reply;
}

/** A per-browser setting of one key, patched in one transaction; the reply is the value as stored after it. */
async function savePersonalSetting<K extends 'alerts' | 'boardFilters'>(
  services: BackgroundServices,
  key: K,
  patch: Patch,
): Promise<Versioned<SettingValues<K>[K]>> {
  const { db } = services;
  const saved = await db.transaction('rw', db.settings, async () => {
    const { after, changed } = await patchSettings(db, [key], underPath(key, patch));
    return { value: after[key], rev: nextRevision(), changed: changed.length > 0 };
  });
  if (saved.changed) services.notifyChanged({ scopes: ['settings'] });
  return { ...saved.value, rev: saved.rev };
}

async function versionedSetting<K extends 'alerts' | 'lists' | 'boardFilters'>(services: BackgroundServices, key: K) {
  const rev = nextRevision();
  return { ...(await readSetting(services.db, key)), rev };
}

const getAlertSettings = (services: BackgroundServices) => versionedSetting(services, 'alerts');

const saveAlertSettings = (services: BackgroundServices, req: ParsedRequest<'alerts.save'>) =>
  savePersonalSetting(services, 'alerts', req.patch as Patch);

const getBoardFilters = (services: BackgroundServices) => versionedSetting(services, 'boardFilters');

const saveBoardFilters = (services: BackgroundServices, req: ParsedRequest<'board.saveFilters'>) =>
  savePersonalSetting(services, 'boardFilters', req.patch as Patch);

const getTeamLists = (services: BackgroundServices) => versionedSetting(services, 'lists');

async function saveTeamLists(services: BackgroundServices, req: ParsedRequest<'lists.save'>) {
  await assertMayEditTeamSettings(services);
  const { db } = services;
  const now = services.now();
  const saved = await db.transaction('rw', [db.settings, ...syncTables(db)], async () => {
    const { after, changed } = await patchSettings(db, ['lists'] as const, underPath('lists', req.patch as Patch));
    if (changed.length > 0) {
      await captureSettings(db, { lists: after.lists }, now);
      await markSettingsChanged(db, ['lists'], { memberId: await currentAuthor(services), at: now });
    }
    return { value: after.lists, rev: nextRevision(), changed: changed.length > 0 };
  });
  if (saved.changed) services.notifyChanged({ scopes: ['settings'] });
  return { ...saved.value, rev: saved.rev };
}

/** Who last changed the policy (with its hours) and the lists, by name: "you" for this browser's user. */
async function getLastChanges(services: BackgroundServices) {
  const { db } = services;
  const [me, members] = await Promise.all([currentAuthor(services), db.members.toArray()]);
  const describe = async (settings: MarkedSetting[]) => {
    const mark = await lastSettingChange(db, settings);
    if (!mark) return null;
    const by =
      mark.memberId === null || mark.memberId === me
        ? 'you'
        : (members.find((m) => m.id === mark.memberId)?.name ?? 'a former member');
    return { by, at: mark.at };
  };
  return { policy: await describe(['policy', 'calendar']), lists: await describe(['lists']) };
}

/** Settings: SLA policy and hours, alerts, board filters, lists, and when each last changed. */
export const policyHandlers = {
  'policy.get': getPolicy,
  'policy.save': savePolicy,
  'alerts.get': getAlertSettings,
  'alerts.save': saveAlertSettings,
  'board.getFilters': getBoardFilters,
  'board.saveFilters': saveBoardFilters,
  'lists.get': getTeamLists,
  'lists.save': saveTeamLists,
  'settings.lastChanges': getLastChanges,
} satisfies Handlers;
