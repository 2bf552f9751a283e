import { eventActor } from '@/lib/domain/actors';
import { CALENDAR_PROVIDER_LABELS } from '@/lib/domain/calendar/calendar-labels';
import { conflictFieldName } from '@/lib/domain/conflict-values';
import { INSTANT_FIELDS, MEMBER_FIELDS } from '@/lib/domain/field-labels';
import type { HistoryEvent } from '@/lib/domain/history';
import { SOURCE_LABELS, type Source } from '@/lib/domain/pipeline-stages';
import type { TeamMember } from '@/lib/domain/team';
import type { Formatter } from '@/lib/format/formatter';
import { choiceName, fieldName, quote, type T } from './sidebar-words';

/** The note the escalation guard raises its lane with: stored in English, shown in the user's language. */
const HUMAN_REPLY_ONLY = 'Human reply only';

const SHOWN_CHARS = 60;
const cut = (text: string) => (text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text);

/** A field's value as a person reads it: a choice's label, a time, a member's name, or the text in quotes. */
function shownValue(
  field: string,
  value: string | number | boolean,
  name: (id: string | null) => string,
  format: Formatter,
  t: T,
): string {
  const choice = typeof value === 'string' ? choiceName(t, field, value) : undefined;
  if (choice !== undefined) return choice;
  if (INSTANT_FIELDS.has(field) && typeof value === 'number') return format.dateTime(value);
  if (MEMBER_FIELDS.has(field) && typeof value === 'string') return name(value);
  return typeof value === 'string' ? quote(t, cut(value)) : String(value);
}

/**
 * Who an event is by, as the timeline names them: the lead for their messages, the Instagram account for a reply (who
 * typed it there is not known), the calendar whose webhook made the change, "DM Handoff" for clocks, or the member with
 * the role they had then. Events older releases stamped with the member whose browser saw a message or a clock are
 * named by their kind.
 */
export function describeActor(event: HistoryEvent, members: TeamMember[], t: T): string {
  if (event.actor.via) return CALENDAR_PROVIDER_LABELS[event.actor.via];
  const actor = eventActor(event, event.actor);
  switch (actor.role) {
    case 'system':
      return 'DM Handoff';
    case 'lead':
      return t('sidebar.actor.lead');
    case 'account':
      return t('sidebar.actor.account');
    default: {
      const member = members.find((m) => m.id === actor.memberId);
      return t('sidebar.actor.member', {
        name: member?.name ?? t('sidebar.actor.formerMember'),
        role: t(`role.${actor.role}`),
      });
    }
  }
}

/** One history event as a sentence for the timeline, in the user's language. */
export function describeEvent(event: HistoryEvent, members: TeamMember[], format: Formatter, t: T): string {
  const name = (id: string | null) =>
    id === null
      ? t('sidebar.event.nobody')
      : (members.find((m) => m.id === id)?.name ?? t('sidebar.event.formerMember'));
  switch (event.type) {
    case 'lead_created':
      return t('sidebar.event.created');
    case 'stage_moved': {
      const stages = { from: t(`stage.${event.from}`), to: t(`stage.${event.to}`) };
      const moved = event.weak
        ? t('sidebar.event.movedWeak', {
            ...stages,
            count: event.missing.length,
            fields: format.list(event.missing.map((field) => fieldName(t, field))),
          })
        : t('sidebar.event.moved', stages);
      // The reason is the team's own words (a lost reason, a calendar's note): shown as written.
      return event.reason ? `${moved} · ${event.reason}` : moved;
    }
    case 'owner_changed':
      return t('sidebar.event.owner', { from: name(event.from), to: name(event.to) });
    case 'field_changed': {
      const field = fieldName(t, event.field);
      const empty = (v: unknown) => v === null || v === '';
      if (empty(event.to)) return t('sidebar.event.fieldCleared', { field });
      const to = shownValue(event.field, event.to as string | number | boolean, name, format, t);
      if (empty(event.from)) return t('sidebar.event.fieldSet', { field, to });
      const from = shownValue(event.field, event.from as string | number | boolean, name, format, t);
      return t('sidebar.event.fieldChanged', { field, from, to });
    }
    case 'lane_set': {
      const lane = t(`lane.${event.lane}`);
      if (!event.note) return t('sidebar.event.laneRaised', { lane });
      const note = event.note === HUMAN_REPLY_ONLY ? t('sidebar.event.humanReplyOnly') : event.note;
      return t('sidebar.event.laneRaisedNote', { lane, note });
    }
    case 'lane_cleared':
      return t('sidebar.event.laneCleared', { lane: t(`lane.${event.lane}`) });
    case 'next_action_set':
      return event.text ? t('sidebar.event.nextAction', { text: event.text }) : t('sidebar.event.nextActionDone');
    case 'reply_seen':
      return event.direction === 'inbound' ? t('sidebar.event.messageIn') : t('sidebar.event.replySent');
    case 'reply_not_needed':
      return t('sidebar.event.noReplyNeeded');
    case 'sla_warned':
      return t('sidebar.event.slaWarned', { clock: t(`sidebar.clockName.${event.clock}`) });
    case 'sla_breached':
      return t('sidebar.event.slaBreached', { clock: t(`sidebar.clockName.${event.clock}`) });
    case 'sla_met':
      return t('sidebar.event.slaMet', { clock: t(`sidebar.clockName.${event.clock}`) });
    case 'sync_conflict':
      return describeConflict(event, name, t);
    case 'signal_decided':
      return describeSignalDecision(event, t);
  }
}

const shown = (json: string | null, t: T) => {
  if (json === null) return t('sidebar.conflict.empty');
  let value: unknown = json;
  try {
    value = JSON.parse(json);
  } catch {
    // shown as stored
  }
  if (value === '' || value === null || value === undefined) return t('sidebar.conflict.empty');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return quote(t, cut(text));
};

/**
 * "Sam’s Fit “good fit for group” was replaced by Amelia’s “not a fit”". The server names who wrote each side; where it
 * could not, the member whose push met the conflict is the loser of a late write and the winner of an unseen overwrite.
 */
function describeConflict(
  event: Extract<HistoryEvent, { type: 'sync_conflict' }>,
  name: (id: string | null) => string,
  t: T,
): string {
  const pusher = event.actor.memberId;
  const leaf = conflictFieldName(event.field);
  const field = leaf === null ? fieldName(t, event.field.split('.')[0] ?? event.field) : fieldName(t, leaf);
  const known = (id: string | null) => (id === null ? 'no' : 'yes');
  if (event.kind === 'deleted') {
    const by = event.discardedBy ?? pusher;
    return t('sidebar.conflict.deleted', {
      known: known(by),
      name: by === null ? '' : name(by),
      field,
      value: shown(event.discarded, t),
    });
  }
  const loser = event.discardedBy ?? (event.kind === 'lost' ? pusher : null);
  const winner = event.keptBy ?? (event.kind === 'overwritten' ? pusher : null);
  return t('sidebar.conflict.replaced', {
    loserKnown: known(loser),
    loser: loser === null ? '' : name(loser),
    winnerKnown: known(winner),
    winner: winner === null ? '' : name(winner),
    field,
    discarded: shown(event.discarded, t),
    kept: shown(event.kept, t),
  });
}

const sourceByLabel = new Map(Object.entries(SOURCE_LABELS).map(([code, label]) => [label, code as Source]));

function describeSignalDecision(event: Extract<HistoryEvent, { type: 'signal_decided' }>, t: T): string {
  // What the thread said is the thread's own words, shown as they were; a source suggestion keeps the source's English
  // label, shown in the user's language.
  const source = event.kind === 'source' ? sourceByLabel.get(event.detail ?? '') : undefined;
  const said = source ? t(`source.${source}`) : event.detail;
  const detail = said ? ` (${said})` : '';
  if (event.kind === 'escalation')
    return event.decision === 'accepted'
      ? t('sidebar.decision.escalationRaised', { detail })
      : t('sidebar.decision.escalationDismissed', { detail });
  const signal = t(`sidebar.signalName.${event.kind}`);
  return event.decision === 'accepted'
    ? t('sidebar.decision.accepted', { signal, detail })
    : t('sidebar.decision.dismissed', { signal, detail });
}
