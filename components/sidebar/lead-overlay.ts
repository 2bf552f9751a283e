import type { Lead } from '@/lib/domain/lead';
import type { RequestPayload } from '@/lib/messaging/protocol';
import type { LeadView } from '@/lib/messaging/responses';

/** A change to one lead, as sent to the background. */
export type LeadRequest = {
  [N in LeadChangeName]: { name: N; payload: RequestPayload<N> };
}[LeadChangeName];

export type LeadChangeName =
  | 'lead.assign'
  | 'lead.setHandoffField'
  | 'lead.setDetail'
  | 'lead.setLaneContext'
  | 'lead.restoreField'
  | 'lead.setLane'
  | 'lead.setNextAction'
  | 'lead.noReplyNeeded';

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function withKey<T extends object>(record: T, key: string, value: unknown, keepBlank = false): T {
  const next = { ...record } as Record<string, unknown>;
  if (isBlank(value) && !keepBlank) delete next[key];
  else next[key] = value ?? '';
  return next as T;
}

/**
 * Shows a change on the lead before the background has answered, so the panel never shows the old value in the
 * meantime. Only what the change sets is shown; clocks, history and missing context follow with the answer.
 */
export function showLeadChange(view: LeadView, request: LeadRequest, now = Date.now()): LeadView {
  const lead: Lead = view.lead;
  let next: Lead;
  switch (request.name) {
    case 'lead.assign':
      next = { ...lead, ownerId: request.payload.ownerId };
      break;
    case 'lead.setHandoffField':
      next = { ...lead, fields: withKey(lead.fields, request.payload.key, request.payload.value) };
      break;
    case 'lead.setLaneContext':
      next = { ...lead, laneContext: withKey(lead.laneContext, request.payload.key, request.payload.value) };
      break;
    case 'lead.setDetail':
      next = withKey(lead, request.payload.key, request.payload.value, request.payload.key === 'notes');
      break;
    case 'lead.setLane': {
      const { lane, on } = request.payload;
      const lanes = on ? [...new Set([...lead.lanes, lane])] : lead.lanes.filter((l) => l !== lane);
      next = { ...lead, lanes };
      break;
    }
    case 'lead.setNextAction':
      next = { ...lead, nextAction: request.payload.next ? { ...request.payload.next, setAt: now } : null };
      break;
    default:
      return view;
  }
  return { ...view, lead: next };
}
