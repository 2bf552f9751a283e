import { z } from 'zod';
import { handoffFieldsSchema, instantSchema, laneContextSchema, leadSchema } from '../domain/lead';
import { LANES } from '../domain/pipeline-stages';

/**
 * A lead as team sync merges it: a flat map of leaves, each with its own clock, so two people editing different
 * parts of one lead both keep their edit. Scalar fields are leaves under their own name (`stage`, `notes`); the
 * composite ones split into one leaf per key:
 *
 *   fields.<handoff field>     laneContext.<key>     laneSince.<lane>     lanes.<lane> (true while raised)
 *
 * `lanes` is a set: raising a lane writes `lanes.<lane>` = true, clearing it unsets that leaf, each with its clock, so
 * concurrent raises and clears of different lanes both survive. A leaf with a clock and no value was unset.
 *
 * Shared by the server and the extension: pure, no Node or browser API.
 */

export const COMPOSITE_FIELDS = ['fields', 'lanes', 'laneSince', 'laneContext'] as const;
export type CompositeField = (typeof COMPOSITE_FIELDS)[number];
export const isCompositeField = (name: string): name is CompositeField =>
  (COMPOSITE_FIELDS as readonly string[]).includes(name);

const laneNames = new Set<string>(LANES);

/** The schema of one part of a composite field, or undefined when the composite has no such key. */
function partSchema(composite: CompositeField, key: string): z.ZodType | undefined {
  switch (composite) {
    case 'fields':
      return Object.hasOwn(handoffFieldsSchema.shape, key)
        ? handoffFieldsSchema.shape[key as keyof typeof handoffFieldsSchema.shape]
        : undefined;
    case 'laneContext':
      return Object.hasOwn(laneContextSchema.shape, key)
        ? laneContextSchema.shape[key as keyof typeof laneContextSchema.shape]
        : undefined;
    case 'laneSince':
      return laneNames.has(key) ? instantSchema : undefined;
    case 'lanes':
      // The leaf's value is `true` while the lane is raised; its key is the lane.
      return laneNames.has(key) ? z.literal(true) : undefined;
  }
}

const splitKey = (leaf: string): [string, string | undefined] => {
  const dot = leaf.indexOf('.');
  return dot < 0 ? [leaf, undefined] : [leaf.slice(0, dot), leaf.slice(dot + 1)];
};

/**
 * The schema a leaf's value must satisfy (optional leaves accept undefined, meaning unset), or undefined when the
 * name is no leaf of a lead. A composite name alone (`fields`) is a whole-value write from a release before leaves.
 */
export function leafSchema(leaf: string): z.ZodType | undefined {
  const [head, key] = splitKey(leaf);
  if (key === undefined) {
    if (head === 'id' || !Object.hasOwn(leadSchema.shape, head)) return undefined;
    return leadSchema.shape[head as keyof typeof leadSchema.shape];
  }
  if (!isCompositeField(head)) return undefined;
  const schema = partSchema(head, key);
  return schema?.optional();
}

export const isLeadLeaf = (name: string) => leafSchema(name) !== undefined;

/** A lead (or any object shaped like one) as leaves. Unknown top-level keys (a newer release's) are kept as leaves. */
export function leadLeaves(lead: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const leaves: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(lead)) {
    if (name === 'id' || value === undefined) continue;
    if (name === 'lanes' && Array.isArray(value)) {
      for (const lane of value) leaves[`lanes.${lane}`] = true;
    } else if (isCompositeField(name) && value !== null && typeof value === 'object') {
      for (const [key, part] of Object.entries(value)) if (part !== undefined) leaves[`${name}.${key}`] = part;
    } else {
      leaves[name] = value;
    }
  }
  return leaves;
}

/** Leaves back into a lead's shape: composites rebuilt (lanes in their canonical order, empty ones present). */
export function leadFromLeaves(id: string, leaves: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const lead: Record<string, unknown> = { id, lanes: [], laneSince: {}, laneContext: {}, fields: {} };
  const raised = new Set<string>();
  for (const [leaf, value] of Object.entries(leaves)) {
    if (value === undefined) continue;
    const [head, key] = splitKey(leaf);
    if (key === undefined) {
      if (!isCompositeField(head)) lead[head] = value;
    } else if (head === 'lanes') {
      if (value === true) raised.add(key);
    } else if (isCompositeField(head)) {
      (lead[head] as Record<string, unknown>)[key] = value;
    }
  }
  lead.lanes = LANES.filter((lane) => raised.has(lane));
  return lead;
}

/** The leaves of one composite field's whole value (a write from a release before leaves). */
export function compositeLeaves(composite: CompositeField, value: unknown): Record<string, unknown> {
  return leadLeaves({ [composite]: value ?? (composite === 'lanes' ? [] : {}) });
}

/** Leaves whose value differs between two lead versions (a leaf only in one of them counts). */
export function changedLeaves(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}

/**
 * Clocks kept per top-level field (before leaves) as clocks per leaf: each leaf the lead holds of a composite field
 * takes the composite's clock. Clocks already per leaf pass through.
 */
export function splitCompositeClocks(
  clocks: Readonly<Record<string, string>>,
  lead: Readonly<Record<string, unknown>> | undefined,
): Record<string, string> {
  const split: Record<string, string> = {};
  for (const [name, hlc] of Object.entries(clocks)) {
    if (!isCompositeField(name)) split[name] = hlc;
    else for (const leaf of Object.keys(compositeLeaves(name, lead?.[name]))) split[leaf] ??= hlc;
  }
  return split;
}
