import type { DmHandoffDatabase } from '../database';
import { loadSession } from './sync-state';

/** Who may change the settings the whole team shares (SLA policy, coverage hours, lists) from this browser. */
export interface TeamSettingsAccess {
  editable: boolean;
  /** Why not, in a sentence naming the coach (in the user's language); null when editable. */
  reason: string | null;
}

/** The facts behind it: whether this browser may edit, else the team's name and its active coaches' names. */
export type TeamSettingsFacts = { editable: true } | { editable: false; team: string; coaches: string[] };

/**
 * Alone, this browser's user owns every setting. In a synced team the coach does: the server refuses anyone else's
 * change, so the options page says so instead of letting a setter edit a form that would be set aside. The role is
 * read from the team as last pulled, so a member the coach promotes can edit after the next sync.
 */
export async function teamSettingsFacts(db: DmHandoffDatabase): Promise<TeamSettingsFacts> {
  const session = await loadSession(db);
  if (!session) return { editable: true };
  const members = await db.members.toArray();
  const role = members.find((m) => m.id === session.member.id)?.role ?? session.member.role;
  if (role === 'coach') return { editable: true };
  const coaches = members.filter((m) => m.active && m.role === 'coach').map((m) => m.name);
  return { editable: false, team: session.team.name, coaches };
}
