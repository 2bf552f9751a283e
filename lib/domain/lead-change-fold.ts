import type { HistoryEvent } from './history';
import type { Lead } from './lead';
import type { LeadChange } from './lead-operations';

/** Folds lead operations into one change: each runs on the lead the previous one produced, their events in order. */
export class LeadChangeFold {
  lead: Lead;
  readonly events: HistoryEvent[];

  /** From a lead as stored, or from a change already made (its events come first). */
  constructor(start: Lead | LeadChange) {
    const change = 'events' in start ? start : { lead: start, events: [] };
    this.lead = change.lead;
    this.events = [...change.events];
  }

  /** Adds a change made from `this.lead`. */
  add(change: LeadChange): this {
    this.lead = change.lead;
    this.events.push(...change.events);
    return this;
  }

  apply(operation: (lead: Lead) => LeadChange): this {
    return this.add(operation(this.lead));
  }

  get change(): LeadChange {
    return { lead: this.lead, events: [...this.events] };
  }
}
