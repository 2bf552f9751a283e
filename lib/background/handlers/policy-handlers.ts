import { validateCalendarReachable } from '../../domain/coverage-time';
import { withDueTimes } from '../../domain/sla-clock';
import type { ParsedRequest } from '../../messaging/protocol';
import { loadAlertSettings } from '../../storage/settings-queries';
import { loadSlaContext } from '../lead-views';
import { type BackgroundServices, HandlerError } from '../services';

export const getPolicy = (services: BackgroundServices) => loadSlaContext(services);

const RECOMPUTE_CHUNK = 2000;

/** Saves the policy and calendar, then recomputes every lead's due times, which depend on both. */
export async function savePolicy(services: BackgroundServices, req: ParsedRequest<'policy.save'>) {
  const unreachable = validateCalendarReachable(req.calendar, services.now());
  if (unreachable) throw new HandlerError('refused', `${unreachable}: open at least one span a week.`);
  const { db } = services;
  await db.transaction('rw', db.settings, db.leads, async () => {
    await db.settings.bulkPut([
      { key: 'policy', value: req.policy },
      { key: 'calendar', value: req.calendar },
    ]);
    for (let offset = 0; ; offset += RECOMPUTE_CHUNK) {
      const chunk = await db.leads.offset(offset).limit(RECOMPUTE_CHUNK).toArray();
      if (chunk.length === 0) break;
      await db.leads.bulkPut(chunk.map((lead) => withDueTimes(lead, req.policy, req.calendar)));
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
