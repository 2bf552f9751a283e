import type { HistoryEvent } from '../../../lib/domain/history';
import type { Mutation, PushRequest } from '../../../lib/sync/protocol';
import { hlc, T0 } from './server-harness';

export type FieldSpec = Record<string, { value?: unknown; at: number; seen?: string | null }>;

/** A lead_put mutation whose clocks are `at` ms after T0, made by `clientId`. */
export function put(id: number, clientId: string, leadId: string, fields: FieldSpec): Mutation {
  return {
    id,
    type: 'lead_put',
    leadId,
    fields: Object.fromEntries(
      Object.entries(fields).map(([name, f]) => [
        name,
        {
          ...('value' in f ? { value: f.value } : {}),
          hlc: hlc(f.at, clientId),
          ...(f.seen !== undefined ? { seen: f.seen } : {}),
        },
      ]),
    ),
  } as Mutation;
}

export const batch = (clientId: string, batchId: string, mutations: Mutation[]): PushRequest => ({
  clientId,
  batchId,
  mutations,
});

export const event = (id: string, leadId: string, at = T0): HistoryEvent => ({
  id,
  leadId,
  at,
  actor: { memberId: null, role: 'system' },
  type: 'lead_created',
});

/** A whole new lead as its first push: every required field. */
export function newLeadPut(id: number, clientId: string, leadId: string, at = 0): Mutation {
  return put(id, clientId, leadId, {
    threadId: { value: `t-${leadId}`, at, seen: null },
    stage: { value: 'new_dm', at, seen: null },
    stageEnteredAt: { value: T0, at, seen: null },
    lanes: { value: [], at, seen: null },
    laneSince: { value: {}, at, seen: null },
    laneContext: { value: {}, at, seen: null },
    ownerId: { value: null, at, seen: null },
    fields: { value: {}, at, seen: null },
    nextAction: { value: null, at, seen: null },
    notes: { value: '', at, seen: null },
    warnAt: { value: null, at, seen: null },
    dueAt: { value: null, at, seen: null },
    createdAt: { value: T0, at, seen: null },
    updatedAt: { value: T0, at, seen: null },
  });
}
