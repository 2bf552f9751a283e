import { eventActor } from '@/lib/domain/actors';
import { CALENDAR_PROVIDER_LABELS } from '@/lib/domain/calendar/calendar-labels';
import { conflictFieldName } from '@/lib/domain/conflict-values';
import {
  FIELD_VALUE_LABELS,
  HANDOFF_FIELD_LABELS,
  INSTANT_FIELDS,
  LANE_CONTEXT_LABELS,
  MEMBER_FIELDS,
} from '@/lib/domain/field-labels';
import type { HistoryEvent } from '@/lib/domain/history';
import { LANE_LABELS, STAGE_LABELS } from '@/lib/domain/pipeline-stages';
import { ROLE_LABELS } from '@/lib/domain/roles';
import type { TeamMember } from '@/lib/domain/team';
import type { Formatter } from '@/lib/format/formatter';

const CLOCK_NAMES = {
  reply: 'Reply clock',
  stage: 'Stage clock',
  lane: 'Lane clock',
  next_action: 'Next action',
} as const;

const fieldLabel = (field: string) =>
  (HANDOFF_FIELD_LABELS as Record<string, string>)[field] ??
  (LANE_CONTEXT_LABELS as Record<string, string>)[field] ??
  field.charAt(0).toUpperCase() + field.slice(1);

const SHOWN_CHARS = 60;
const quoted = (text: string) => `“${text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text}”`;

/** A field's value as a person reads it: a choice's label, a time, a member's name, or the text in quotes. */
function shownValue(
  field: string,
  value: string | number | boolean,
  name: (id: string | null) => string,
  format: Formatter,
): string {
  const choices = FIELD_VALUE_LABELS[field];
  if (choices && typeof value === 'string') return choices[value] ?? value;
  if (INSTANT_FIELDS.has(field) && typeof value === 'number') return format.dateTime(value);
  if (MEMBER_FIELDS.has(field) && typeof value === 'string') return name(value);
  return typeof value === 'string' ? quoted(value) : String(value);
}

/**
 * Who an event is by, as the timeline names them: the lead for their messages, the Instagram account for a reply (who
 * typed it there is not known), the calendar whose webhook made the change, "DM Handoff" for clocks, or the member with
 * the role they had then. Events older releases stamped with the member whose browser saw a message or a clock are
 * named by their kind.
 */
export function describeActor(event: HistoryEvent, members: TeamMember[]): string {
  if (event.actor.via) return CALENDAR_PROVIDER_LABELS[event.actor.via];
  const actor = eventActor(event, event.actor);
  switch (actor.role) {
    case 'system':
      return 'DM Handoff';
    case 'lead':
      return 'The lead';
    case 'account':
      return 'The Instagram account';
    default: {
      const member = members.find((m) => m.id === actor.memberId);
      return `${member?.name ?? 'A former member'} (${ROLE_LABELS[actor.role]})`;
    }
  }
}

/** One history event as a sentence for the timeline. */
export function describeEvent(event: HistoryEvent, members: TeamMember[], format: Formatter): string {
  const name = (id: string | null) =>
    id === null ? 'nobody' : (members.find((m) => m.id === id)?.name ?? 'a former member');
  switch (event.type) {
    case 'lead_created':
      return 'Started tracking this lead';
    case 'stage_moved':
      return `Moved ${STAGE_LABELS[event.from]} → ${STAGE_LABELS[event.to]}${event.weak ? ` (weak handoff: missing ${event.missing.map(fieldLabel).join(', ')})` : ''}${event.reason ? ` · ${event.reason}` : ''}`;
    case 'owner_changed':
      return `Owner: ${name(event.from)} → ${name(event.to)}`;
    case 'field_changed': {
      const label = fieldLabel(event.field);
      const empty = (v: unknown) => v === null || v === '';
      if (empty(event.to)) return `Cleared ${label}`;
      const to = shownValue(event.field, event.to as string | number | boolean, name, format);
      if (empty(event.from)) return `Set ${label}: ${to}`;
      return `Changed ${label}: ${shownValue(event.field, event.from as string | number | boolean, name, format)} → ${to}`;
    }
    case 'lane_set':
      return `Raised ${LANE_LABELS[event.lane]}${event.note ? `: ${event.note}` : ''}`;
    case 'lane_cleared':
      return `Cleared ${LANE_LABELS[event.lane]}`;
    case 'next_action_set':
      return event.text ? `Next action: ${event.text}` : 'Next action done';
    case 'reply_seen':
      return event.direction === 'inbound' ? 'Lead sent a message' : 'Reply sent';
    case 'reply_not_needed':
      return 'No reply needed: reply clock met';
    case 'sla_warned':
      return `${CLOCK_NAMES[event.clock]} warning`;
    case 'sla_breached':
      return `${CLOCK_NAMES[event.clock]} breached`;
    case 'sla_met':
      return `${CLOCK_NAMES[event.clock]} met`;
    case 'sync_conflict':
      return describeConflict(event, name);
    case 'signal_decided':
      return describeSignalDecision(event);
  }
}

const shown = (json: string | null) => {
  if (json === null) return 'empty';
  let value: unknown = json;
  try {
    value = JSON.parse(json);
  } catch {
    // shown as stored
  }
  if (value === '' || value === null || value === undefined) return 'empty';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return quoted(text);
};

/**
 * "Sam’s Fit “good fit for group” was replaced by Amelia’s “not a fit”". The server names who wrote each side; where it
 * could not, the member whose push met the conflict is the loser of a late write and the winner of an unseen overwrite.
 */
function describeConflict(
  event: Extract<HistoryEvent, { type: 'sync_conflict' }>,
  name: (id: string | null) => string,
): string {
  const pusher = event.actor.memberId;
  const leaf = conflictFieldName(event.field);
  const field = leaf === null ? fieldLabel(event.field.split('.')[0] ?? event.field) : fieldLabel(leaf);
  if (event.kind === 'deleted')
    return `${name(event.discardedBy ?? pusher)}’s ${field} ${shown(event.discarded)} came after the lead was deleted and was not kept`;
  const loser = event.discardedBy ?? (event.kind === 'lost' ? pusher : null);
  const winner = event.keptBy ?? (event.kind === 'overwritten' ? pusher : null);
  const whose = (id: string | null) => (id === null ? 'a teammate’s' : `${name(id)}’s`);
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return `${capital(whose(loser))} ${field} ${shown(event.discarded)} was replaced by ${whose(winner)} ${shown(event.kept)} (edited at the same time)`;
}

const SIGNAL_NAMES = {
  escalation: 'Escalation',
  booking_link_sent: 'Booking link sent',
  booked_call: 'Booked call',
  engaged: 'Engaged',
  buying_signal: 'Buying signal',
  follow_up_due: 'Follow-up after the link',
  source: 'Source',
  no_reply_needed: 'No reply needed',
} as const;

function describeSignalDecision(event: Extract<HistoryEvent, { type: 'signal_decided' }>): string {
  const detail = event.detail ? ` (${event.detail})` : '';
  if (event.kind === 'escalation')
    return event.decision === 'accepted'
      ? `Escalation raised by the thread${detail}: human reply only`
      : `Escalation dismissed as a false alarm${detail}`;
  return `${event.decision === 'accepted' ? 'Accepted' : 'Dismissed'} suggestion: ${SIGNAL_NAMES[event.kind]}${detail}`;
}
