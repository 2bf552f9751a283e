import type { Lane } from './pipeline-stages';

/** Raised lanes in the order they matter to whoever is alerted: an escalation outranks everything. */
const LANES_BY_URGENCY: readonly Lane[] = ['escalation', 'no_show_risk', 'needs_review'];

/** A lead's raised lanes, most urgent first: alerts name them before its stage. */
export const lanesByUrgency = (lanes: readonly Lane[]): Lane[] =>
  LANES_BY_URGENCY.filter((lane) => lanes.includes(lane));
