import { z } from 'zod';
import { LANES, LEAD_TYPES, SOURCES, STAGES } from './pipeline-stages';

export const stageSchema = z.enum(STAGES);
export const laneSchema = z.enum(LANES);
export const sourceSchema = z.enum(SOURCES);
export const leadTypeSchema = z.enum(LEAD_TYPES);

/** The board's filters (owner, source, lane, SLA state, search), kept per browser as the user last chose them. */
export const boardFiltersSchema = z.object({
  ownerId: z.string().min(1).max(64).optional(),
  source: z.union([sourceSchema, z.literal('unknown')]).optional(),
  lane: laneSchema.optional(),
  sla: z.enum(['ok', 'warning', 'breached', 'none']).optional(),
  search: z.string().max(200).optional(),
});
