import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const resultsDir = path.resolve(import.meta.dirname, 'results');
export const partialResults = path.join(resultsDir, 'partial.json');

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** Budget from the issues, in the same unit; the result passes when value <= budget. */
  budget?: number;
  /**
   * The least the same work can cost here, measured in the same run and environment (same unit): what the figure is
   * judged against on a machine whose speed varies from run to run.
   */
  floor?: number;
  /** What the floor is ("raw IndexedDB puts of the same rows"). */
  floorName?: string;
  /** Why this run has no floor for a figure that is judged against one (the table says it in the floor column). */
  floorMissing?: string;
  /** Budget as a ratio to the floor: the result passes when value / floor <= maxRatio. */
  maxRatio?: number;
  runs?: number;
  note?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Appends results to the partial file that scripts/bench.mjs merges into the final table. */
export function recordResults(results: BenchResult[]): void {
  mkdirSync(resultsDir, { recursive: true });
  let existing: BenchResult[] = [];
  try {
    existing = JSON.parse(readFileSync(partialResults, 'utf8'));
  } catch {}
  writeFileSync(partialResults, JSON.stringify([...existing, ...results], null, 2));
}
