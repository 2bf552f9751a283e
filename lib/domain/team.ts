import { z } from 'zod';

/** Who can own a thread. `automation` covers ManyChat flows and AI setters: they may own, but never reply as a human. */
export const ROLES = ['coach', 'closer', 'setter', 'va', 'automation'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  coach: 'Coach',
  closer: 'Closer',
  setter: 'Setter',
  va: 'VA',
  automation: 'AI / automation',
};

export const teamMemberSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1, 'A team member needs a name').max(80),
  role: roleSchema,
  active: z.boolean().default(true),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export function isHuman(role: Role): boolean {
  return role !== 'automation';
}
