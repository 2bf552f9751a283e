import type { Role } from '@/lib/domain/roles';
import { useT } from '../ui/i18n';

/** The `<option>`s of a role picker, labelled as everywhere else. */
export function RoleOptions({ roles }: { roles: readonly Role[] }) {
  const t = useT();
  return roles.map((role) => (
    <option key={role} value={role}>
      {t(`role.${role}`)}
    </option>
  ));
}
