import { type CoverageCalendar, coverageCalendarSchema, defaultCoverageCalendar } from '../domain/coverage-calendar';
import { DEFAULT_SLA_POLICY, type SlaPolicy, slaPolicySchema } from '../domain/sla-policy';
import type { DmHandoffDatabase } from './database';

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The team's SLA policy; the defaults of domain.md until the team edits it. A stored value that no longer parses falls back too. */
export async function loadPolicy(db: DmHandoffDatabase): Promise<SlaPolicy> {
  const row = await db.settings.get('policy');
  const parsed = slaPolicySchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_SLA_POLICY;
}

export async function loadCalendar(db: DmHandoffDatabase): Promise<CoverageCalendar> {
  const row = await db.settings.get('calendar');
  const parsed = coverageCalendarSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultCoverageCalendar(browserTimeZone());
}

export async function loadMeId(db: DmHandoffDatabase): Promise<string | null> {
  const row = await db.settings.get('meId');
  return typeof row?.value === 'string' ? row.value : null;
}
