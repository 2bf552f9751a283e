import Dexie from 'dexie';
import { normaliseAccount } from '../domain/workspace';
import { type DmHandoffDatabase, openDatabase } from './database';
import { FIRST_WORKSPACE_ID, firstWorkspace, type WorkspaceRow } from './workspace-row';

/**
 * The workspaces of this browser, one per Instagram account, and each one's database. A workspace's database holds its
 * whole pipeline (leads, history, team, settings, team sync), so nothing one account tracks can show in another's
 * screens: a query cannot reach a database it was not given. The first workspace is the extension's original database
 * (the data tracked before workspaces existed), which also lists them all.
 */
export class WorkspaceDirectory {
  private readonly databases = new Map<string, DmHandoffDatabase>();
  private firstListed: Promise<void> | null = null;
  /** Each account's workspace once found: every request of a sidebar names its account, and rows are never removed. */
  private readonly byAccount = new Map<string, Promise<WorkspaceRow>>();

  constructor(
    readonly first: DmHandoffDatabase,
    private readonly now: () => number,
    private readonly newId: () => string,
  ) {
    this.databases.set(FIRST_WORKSPACE_ID, first);
  }

  /** A workspace's database, opened once and kept open. */
  database(id: string): DmHandoffDatabase {
    let db = this.databases.get(id);
    if (!db) {
      db = openDatabase(`${this.first.name}-${id}`);
      this.databases.set(id, db);
    }
    return db;
  }

  /** A fresh install has no list yet: the first workspace is there from the start, waiting for an account. */
  private ensureFirst(): Promise<void> {
    const { first } = this;
    this.firstListed ??= first
      .transaction('rw', first.workspaces, async () => {
        if (!(await first.workspaces.get(FIRST_WORKSPACE_ID))) await first.workspaces.add(firstWorkspace(this.now()));
      })
      .catch((error: unknown) => {
        this.firstListed = null;
        throw error;
      });
    return this.firstListed;
  }

  /** Every workspace: the first, then the others oldest first. */
  async list(): Promise<WorkspaceRow[]> {
    await this.ensureFirst();
    const isFirst = (row: WorkspaceRow) => (row.id === FIRST_WORKSPACE_ID ? 0 : 1);
    return (await this.first.workspaces.toArray()).sort(
      (a, b) => isFirst(a) - isFirst(b) || a.createdAt - b.createdAt || a.id.localeCompare(b.id),
    );
  }

  async get(id: string): Promise<WorkspaceRow | undefined> {
    await this.ensureFirst();
    return this.first.workspaces.get(id);
  }

  /**
   * The workspace of a signed-in Instagram account: its own, else the first workspace while no account has claimed it
   * (the data tracked before workspaces existed, or a fresh install), else a new, empty one. Null for a name that
   * cannot be a username. One transaction, so two reports of a new account at once make one workspace.
   */
  async forAccount(name: string): Promise<WorkspaceRow | null> {
    const account = normaliseAccount(name);
    if (!account) return null;
    let found = this.byAccount.get(account);
    if (!found) {
      found = this.findOrCreate(account);
      this.byAccount.set(account, found);
      found.catch(() => this.byAccount.delete(account));
    }
    return found;
  }

  private async findOrCreate(account: string): Promise<WorkspaceRow> {
    await this.ensureFirst();
    const { first } = this;
    return first.transaction('rw', first.workspaces, async () => {
      const known = await first.workspaces.where('account').equals(account).first();
      if (known) return known;
      const unclaimed = await first.workspaces.get(FIRST_WORKSPACE_ID);
      if (unclaimed && unclaimed.account === null) {
        const claimed = { ...unclaimed, account };
        await first.workspaces.put(claimed);
        return claimed;
      }
      const now = this.now();
      const created: WorkspaceRow = {
        id: this.newId().replace(/[^A-Za-z0-9]/g, ''),
        account,
        createdAt: now,
        usedAt: now,
      };
      await first.workspaces.add(created);
      return created;
    });
  }

  /** A screen chose this workspace: extension pages opened later open on it (even within the same millisecond). */
  async markUsed(id: string): Promise<void> {
    const { first } = this;
    await first.transaction('rw', first.workspaces, async () => {
      const latest = Math.max(0, ...(await first.workspaces.toArray()).map((row) => row.usedAt));
      await first.workspaces.update(id, { usedAt: Math.max(this.now(), latest + 1) });
    });
  }

  /** The workspace a screen chose last (the first one until any was chosen). */
  async lastUsed(): Promise<WorkspaceRow> {
    const rows = await this.list();
    return rows.reduce((latest, row) => (row.usedAt > latest.usedAt ? row : latest));
  }

  /** Closes every workspace database this directory opened besides the first (tests delete them after). */
  async closeOthers(deleteThem = false): Promise<void> {
    for (const [id, db] of this.databases) {
      if (id === FIRST_WORKSPACE_ID) continue;
      db.close();
      if (deleteThem) await Dexie.delete(db.name);
      this.databases.delete(id);
    }
  }
}
