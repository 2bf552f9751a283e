import type { Mutation } from '../../sync/protocol';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** A push mutation before it is numbered: the outbox row's sequence number becomes its id when it is sent. */
export type OutboxMutation = WithoutId<Mutation>;
