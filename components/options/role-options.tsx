import { ROLE_LABELS, type Role } from '@/lib/domain/roles';

/** The `<option>`s of a role picker, labelled as everywhere else. */
export function RoleOptions({ roles }: { roles: readonly Role[] }) {
  return roles.map((role) => (
    <option key={role} value={role}>
      {ROLE_LABELS[role]}
    </option>
  ));
}
