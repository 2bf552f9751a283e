import type { Role } from '../../../../lib/domain/roles';

/** Who is calling, taken from the bearer token: every later query is scoped to `teamId`. */
export interface Caller {
  teamId: string;
  memberId: string;
  role: Role;
  tokenHash: string;
}
