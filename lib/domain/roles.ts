// Roles, without zod, so the content script can name them.

/** Who can own a thread. `automation` covers ManyChat flows and AI setters: they may own, but never reply as a human. */
export const ROLES = ['coach', 'closer', 'setter', 'va', 'automation'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  coach: 'Coach',
  closer: 'Closer',
  setter: 'Setter',
  va: 'VA',
  automation: 'AI / automation',
};

export function isHuman(role: Role): boolean {
  return role !== 'automation';
}
