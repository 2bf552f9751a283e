// Floors for the board and the weekly review: the rows their handlers read, read with the plain IndexedDB API, nothing
// computed or rendered. Each read runs in a transaction of its own where the handler's does (read-only transactions
// run side by side; requests inside one run in turn), so the floor is the same reads, not a slower sequence of them.
// Self-contained (no imports, no outer variables) so Playwright can run them inside an extension page as well as in
// Node on fake-indexeddb.

/** What the board's first request reads: each stage's count and its first `limit` leads, longest in the stage first. */
export async function readBoardRows(db: IDBDatabase, stages: readonly string[], limit: number): Promise<number> {
  const leads = () => db.transaction('leads', 'readonly').objectStore('leads');
  const ask = <T>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const columns = await Promise.all(
    stages.map(async (stage) => {
      const [, cards] = await Promise.all([
        ask(leads().index('stage').count(stage)),
        // Arrays sort after every other key, so [stage, []] ends the stage's range.
        ask(
          leads()
            .index('[stage+stageEnteredAt]')
            .getAll(IDBKeyRange.bound([stage, -Infinity], [stage, []]), limit),
        ),
      ]);
      return cards.length;
    }),
  );
  return columns.reduce((a, b) => a + b, 0);
}

/**
 * What the weekly review reads: the week's history by time, then every event of each lead in it (one getAll per
 * lead, in one transaction), the leads of every open stage (one getAll per stage, in one transaction), the other
 * leads with events in the week (in one transaction), and the team.
 */
export async function readReviewRows(
  db: IDBDatabase,
  week: { start: number; end: number },
  openStages: readonly string[],
): Promise<number> {
  const store = (name: string) => db.transaction(name, 'readonly').objectStore(name);
  const ask = <T>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const readingHistory = ask(
    store('history')
      .index('at')
      .getAll(IDBKeyRange.bound(week.start, week.end, false, true)),
  ).then(async (inWeek: { leadId: string }[]) => {
    const ids = [...new Set(inWeek.map((event) => event.leadId))];
    const byLead = store('history').index('leadId');
    return (await Promise.all(ids.map((id) => ask(byLead.getAll(id))))).flat() as { leadId: string }[];
  });
  const byStage = store('leads').index('stage');
  const [events, open, members] = await Promise.all([
    readingHistory,
    Promise.all(openStages.map((stage) => ask(byStage.getAll(stage)))).then(
      (perStage) => perStage.flat() as { id: string }[],
    ),
    ask(store('members').getAll()),
  ]);
  const seen = new Set(open.map((lead) => lead.id));
  const others = [...new Set(events.map((event) => event.leadId))].filter((id) => !seen.has(id));
  const leads = store('leads');
  const closed = await Promise.all(others.map((id) => ask(leads.get(id))));
  return events.length + open.length + closed.length + members.length;
}
