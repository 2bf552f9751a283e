import { validatePolicyReachable } from '../../domain/sla-clock';
import type { ParsedRequest } from '../../messaging/protocol';
import { retimeAllLeads } from '../../storage/retime-leads';
import { loadAlertSettings, loadTeamLists } from '../../storage/settings-queries';
import { captureSettings, syncTables } from '../../sync/change-capture';
import { teamSettingsAccess } from '../../sync/team-settings-access';
import { loadSlaContext } from '../lead-views';
import { type BackgroundServices, HandlerError } from '../services';

export const getPolicy = (services: BackgroundServices) => loadSlaContext(services);

/** Saves the policy and calendar, then recomputes every lead's due times, which depend on both. */
/** Refuses a change to the team's shared settings from a member who is not the coach (the server would too). */
async function assertMayEditTeamSettings(services: BackgroundServices) {
  const access = await teamSettingsAccess(services.db);
  if (!access.editable) throw new HandlerError('refused', access.reason ?? 'Only the coach can change these settings.');
}

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
  });
  services.notifyChanged({ leadIds: [], scopes: ['settings'] });
  return req.lists;
}
