import { validatePolicyReachable, withDueTimes } from '../../domain/sla-clock';
import type { ParsedRequest } from '../../messaging/protocol';
import { loadAlertSettings, loadTeamLists } from '../../storage/settings-queries';
import { loadSlaContext } from '../lead-views';
import { type BackgroundServices, HandlerError } from '../services';

export const getPolicy = (services: BackgroundServices) => loadSlaContext(services);

const RECOMPUTE_CHUNK = 2000;

/** Saves the policy and calendar, then recomputes every lead's due times, which depend on both. */
export async function savePolicy(services: BackgroundServices, req: ParsedRequest<'policy.save'>) {
  const unreachable = validatePolicyReachable(req.policy, req.calendar, services.now());
  if (unreachable) throw new HandlerError('refused', `${unreachable}.`);
  const { db } = services;
  await db.transaction('rw', db.settings, db.leads, async () => {
    await db.settings.bulkPut([
      { key: 'policy', value: req.policy },
      { key: 'calendar', value: req.calendar },
    ]);
    // Pages by primary key (not offset, which rescans every earlier row) and writes only leads whose times moved.
    let lastId: string | undefined;
    for (;;) {
      const page = lastId === undefined ? db.leads.orderBy(':id') : db.leads.where(':id').above(lastId);
      const chunk = await page.limit(RECOMPUTE_CHUNK).toArray();
      if (chunk.length === 0) break;
      const moved = chunk
        .map((lead) => withDueTimes(lead, req.policy, req.calendar))
        .filter((lead, i) => lead.dueAt !== chunk[i]?.dueAt || lead.warnAt !== chunk[i]?.warnAt);
      await db.leads.bulkPut(moved);
      lastId = chunk[chunk.length - 1]?.id;
    }
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
  await services.db.settings.put({ key: 'lists', value: req.lists });
  services.notifyChanged({ leadIds: [], scopes: ['settings'] });
  return req.lists;
}
