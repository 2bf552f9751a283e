import { validatePolicyReachable } from '../../domain/sla-clock';
import type { ParsedRequest } from '../../messaging/protocol';
import { retimeAllLeads } from '../../storage/retime-leads';
import { lastSettingChange, type MarkedSetting, markSettingsChanged } from '../../storage/setting-changes';
import { loadAlertSettings, loadMeId, loadTeamLists } from '../../storage/settings-queries';
import { captureSettings, syncTables } from '../../sync/change-capture';
import { loadSession } from '../../sync/sync-state';
import { teamSettingsAccess } from '../../sync/team-settings-access';
import { loadSlaContext } from '../lead-views';
import { type BackgroundServices, HandlerError } from '../services';

export const getPolicy = (services: BackgroundServices) => loadSlaContext(services);

/** Who is changing a setting here: the synced member, or who-am-I on a browser alone (null when not set). */
async function currentAuthor(services: BackgroundServices): Promise<string | null> {
  return (await loadSession(services.db))?.member.id ?? (await loadMeId(services.db));
}

/** Refuses a change to the team's shared settings from a member who is not the coach (the server would too). */
async function assertMayEditTeamSettings(services: BackgroundServices) {
  const access = await teamSettingsAccess(services.db);
  if (!access.editable) throw new HandlerError('refused', access.reason ?? 'Only the coach can change these settings.');
}

/** Saves the policy and calendar, then recomputes every lead's due times, which depend on both. */
export async function savePolicy(services: BackgroundServices, req: ParsedRequest<'policy.save'>) {
  await assertMayEditTeamSettings(services);
  const unreachable = validatePolicyReachable(req.policy, req.calendar, services.now());
  if (unreachable) throw new HandlerError('refused', `${unreachable}.`);
  const { db } = services;
  await db.transaction('rw', [db.settings, db.leads, ...syncTables(db)], async () => {
    await db.settings.bulkPut([
      { key: 'policy', value: req.policy },
      { key: 'calendar', value: req.calendar },
    ]);
    await captureSettings(db, { policy: req.policy, calendar: req.calendar }, services.now());
    await markSettingsChanged(db, ['policy', 'calendar'], {
      memberId: await currentAuthor(services),
      at: services.now(),
    });
    await retimeAllLeads(db, req.policy, req.calendar);
  });
  services.notifyChanged({ leadIds: [], scopes: ['policy', 'leads'] });
  return { policy: req.policy, calendar: req.calendar };
}

export const getAlertSettings = (services: BackgroundServices) => loadAlertSettings(services.db);

export async function saveAlertSettings(services: BackgroundServices, req: ParsedRequest<'alerts.save'>) {
  await services.db.settings.put({ key: 'alerts', value: req.settings });
  services.notifyChanged({ leadIds: [], scopes: ['settings'] });
  return req.settings;
}

export const getTeamLists = (services: BackgroundServices) => loadTeamLists(services.db);

export async function saveTeamLists(services: BackgroundServices, req: ParsedRequest<'lists.save'>) {
  await assertMayEditTeamSettings(services);
  const { db } = services;
  await db.transaction('rw', [db.settings, ...syncTables(db)], async () => {
    await db.settings.put({ key: 'lists', value: req.lists });
    await captureSettings(db, { lists: req.lists }, services.now());
    await markSettingsChanged(db, ['lists'], { memberId: await currentAuthor(services), at: services.now() });
  });
  services.notifyChanged({ leadIds: [], scopes: ['settings'] });
  return req.lists;
}

/** Who last changed the policy (with its hours) and the lists, by name: "you" for this browser's user. */
export async function getLastChanges(services: BackgroundServices) {
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
