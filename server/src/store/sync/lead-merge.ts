import { type Conflict, DERIVED_LEAD_FIELDS, type FieldChange, type LeadField } from '../../../../lib/sync/protocol';

/** A lead as a push sees it: loaded from its row (or new), changed in memory, written back when dirty. */
export interface LeadState {
  fields: Record<string, unknown>;
  clocks: Record<string, string>;
  deletedHlc: string | null;
  dirty: boolean;
}

export type NewConflict = Omit<Conflict, 'id' | 'memberId' | 'clientId' | 'at'>;

export const emptyLead = (): LeadState => ({ fields: {}, clocks: {}, deletedHlc: null, dirty: false });

const isTracked = (field: string) => !DERIVED_LEAD_FIELDS.includes(field as LeadField);
const versioned = (value: unknown, hlc: string) => (value === undefined ? { hlc } : { value, hlc });

/**
 * Last writer wins per field, by clock. The value that does not survive is recorded rather than dropped: a write
 * older than the stored value `lost`; a newer write whose writer had not seen the stored value `overwritten` it.
 */
export function mergeField(
  lead: LeadState,
  leadId: string,
  field: string,
  change: FieldChange,
  addConflict: (c: NewConflict) => void,
): void {
  const incoming = versioned(change.value, change.hlc);
  if (lead.deletedHlc !== null) {
    if (isTracked(field)) addConflict({ leadId, field, kind: 'deleted', loser: incoming, winner: null });
    return;
  }
  const current = lead.clocks[field];
  if (current === change.hlc) return; // the same write, delivered again
  const stored = current === undefined ? null : versioned(lead.fields[field], current);
  if (stored === null || change.hlc > stored.hlc) {
    const unseen = stored !== null && change.seen !== undefined && (change.seen === null || change.seen < stored.hlc);
    if (stored && unseen && isTracked(field)) {
      addConflict({ leadId, field, kind: 'overwritten', loser: stored, winner: incoming });
    }
    if (change.value === undefined) delete lead.fields[field];
    else lead.fields[field] = change.value;
    lead.clocks[field] = change.hlc;
    lead.dirty = true;
  } else if (isTracked(field)) {
    addConflict({ leadId, field, kind: 'lost', loser: incoming, winner: stored });
  }
}

/** The first tombstone stays: a deleted lead is not brought back, and its data is not kept. */
export function mergeDelete(lead: LeadState, hlc: string): void {
  if (lead.deletedHlc === null) Object.assign(lead, { fields: {}, clocks: {}, deletedHlc: hlc, dirty: true });
}
