import { LANE_LABELS, type Lane, STAGE_LABELS, type Stage } from './pipeline-stages';

/** Raised lanes in the order they matter to whoever is alerted: an escalation outranks everything. */
const LANES_BY_URGENCY: readonly Lane[] = ['escalation', 'no_show_risk', 'needs_review'];

/** A lead's raised lanes, most urgent first: alerts name them before its stage. */
export const lanesByUrgency = (lanes: readonly Lane[]): Lane[] =>
  LANES_BY_URGENCY.filter((lane) => lanes.includes(lane));

/**
 * How alerts name what a lead is: its raised lanes first, then its stage ("Escalation · New DM"), so an escalation
 * never reads like any other late lead. No zod: the popup and the background's notifications share it.
 */
export function laneFirstLabels(stage: Stage, lanes: readonly Lane[]): { lanes: string[]; stage: string } {
  return {
    lanes: lanesByUrgency(lanes).map((lane) => LANE_LABELS[lane]),
    stage: STAGE_LABELS[stage],
  };
}
