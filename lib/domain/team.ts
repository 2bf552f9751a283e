import { z } from 'zod';
import { ROLES } from './roles';

export { isHuman, ROLE_LABELS, ROLES, type Role } from './roles';

export const roleSchema = z.enum(ROLES);

export const teamMemberSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1, 'A team member needs a name').max(80),
  role: roleSchema,
  active: z.boolean().default(true),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;
