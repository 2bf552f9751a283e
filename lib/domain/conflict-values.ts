// What a team sync conflict is about, in the lead's own terms. Conflicts name leaves (`fields.fit`, `laneContext.x`,
// `notes`; see lib/sync/lead-leaves.ts) and carry both values as JSON.

const LEAF_PREFIXES = ['fields.', 'laneContext.'];

/** The field a person knows (`fit`, `notes`) of a conflict's leaf; null for a lane, a lane's start or a whole object. */
export function conflictFieldName(leaf: string): string | null {
  for (const prefix of LEAF_PREFIXES) if (leaf.startsWith(prefix)) return leaf.slice(prefix.length);
  return leaf.includes('.') || ['fields', 'laneContext', 'lanes', 'laneSince'].includes(leaf) ? null : leaf;
}

/** A conflict side's value as stored (JSON), when it is text; null otherwise. */
export function conflictText(json: string | null): string | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}
