import { z } from 'zod';
import { LANES, LEAD_TYPES, SOURCES, STAGES } from './pipeline-stages';

export const stageSchema = z.enum(STAGES);
export const laneSchema = z.enum(LANES);
export const sourceSchema = z.enum(SOURCES);
export const leadTypeSchema = z.enum(LEAD_TYPES);
