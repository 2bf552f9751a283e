import {
  type Conflict,
  DERIVED_LEAD_FIELDS,
  type FieldChange,
  LEAD_DELETED_FIELD,
  type LeadField,
} from '../../../../lib/sync/protocol';
import { compositeLeaves, isCompositeField } from '../../../../lib/sync/lead-leaves';

/**
 * A lead as a push sees it: loaded from its row (or new), changed in memory, written back when dirty. A deleted lead
 * keeps its fields and clocks on the server (pull does not send them), so an edit that outdates the tombstone brings
 * the whole lead back, not just the edited field.
 */
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
    if (change.hlc < lead.deletedHlc) {
      if (isTracked(field)) addConflict({ leadId, field, kind: 'deleted', loser: incoming, winner: null });
      return;
    }
    addConflict({
      leadId,
      field: LEAD_DELETED_FIELD,
      kind: 'overwritten',
      loser: { value: true, hlc: lead.deletedHlc },
      winner: { value: false, hlc: change.hlc },
    });
    lead.deletedHlc = null;
    lead.dirty = true;
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

/**
 * Merges one change of a push. A leaf merges on its own (mergeField). A composite name (`fields`, `lanes`…) is a whole
 * value from a release before leaves: each of its leaves is written with its clock, and the leaves it no longer holds
 * are unset where their stored value is older than it, which is what last-writer-wins on the whole value meant.
 */
export function mergeChange(
  lead: LeadState,
  leadId: string,
  name: string,
  change: FieldChange,
  addConflict: (c: NewConflict) => void,
): void {
  if (!isCompositeField(name)) {
    mergeField(lead, leadId, name, change, addConflict);
    return;
  }
  const leaves = compositeLeaves(name, change.value);
  for (const [leaf, value] of Object.entries(leaves))
    mergeField(lead, leadId, leaf, { value, hlc: change.hlc }, addConflict);
  for (const [leaf, hlc] of Object.entries(lead.clocks)) {
    if (
      leaf.startsWith(`${name}.`) &&
      !Object.hasOwn(leaves, leaf) &&
      Object.hasOwn(lead.fields, leaf) &&
      hlc < change.hlc
    )
      mergeField(lead, leadId, leaf, { hlc: change.hlc }, addConflict);
  }
}

const newestClock = (lead: LeadState): string | null =>
  Object.values(lead.clocks).reduce<string | null>(
    (newest, hlc) => (newest === null || hlc > newest ? hlc : newest),
    null,
  );

/**
 * Last writer wins between the delete and the lead's edits: a delete later than every field's clock leaves a
 * tombstone (a later delete moves it on); an earlier one loses to the newest edit and is recorded as a conflict.
 */
export function mergeDelete(lead: LeadState, leadId: string, hlc: string, addConflict: (c: NewConflict) => void): void {
  if (lead.deletedHlc !== null) {
    if (hlc > lead.deletedHlc) Object.assign(lead, { deletedHlc: hlc, dirty: true });
    return;
  }
  const newest = newestClock(lead);
  if (newest !== null && newest > hlc) {
    addConflict({
      leadId,
      field: LEAD_DELETED_FIELD,
      kind: 'lost',
      loser: { value: true, hlc },
      winner: { value: false, hlc: newest },
    });
    return;
  }
  Object.assign(lead, { deletedHlc: hlc, dirty: true });
}
