import type { HistoryEvent } from '../domain/history';
import type { ReviewWeek } from '../domain/review/review-week';
import type { DmHandoffDatabase } from './database';

/**
 * The history the weekly review needs: every event of every lead that had one inside the week (earlier events
 * tell where a lead came from and how long it sat in a stage).
 */
export async function historyForWeek(db: DmHandoffDatabase, week: ReviewWeek): Promise<HistoryEvent[]> {
  const leadIds = new Set<string>();
  await db.history
    .where('at')
    .between(week.start, week.end, true, false)
    .each((event) => {
      leadIds.add(event.leadId);
    });
  if (leadIds.size === 0) return [];
  return db.history
    .where('leadId')
    .anyOf([...leadIds])
    .toArray();
}

const changeKey = (monday: string) => `review-change:${monday}`;

export interface WeekChange {
  text: string;
  updatedAt: number;
}

/** The one operational change the team chose in a week's review. */
export async function loadWeekChange(db: DmHandoffDatabase, monday: string): Promise<WeekChange | null> {
  const row = await db.settings.get(changeKey(monday));
  return (row?.value as WeekChange | undefined) ?? null;
}

export async function saveWeekChange(db: DmHandoffDatabase, monday: string, change: WeekChange): Promise<void> {
  await db.settings.put({ key: changeKey(monday), value: change });
}
