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
