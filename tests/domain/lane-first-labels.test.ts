import { describe, expect, it } from 'vitest';
import { lanesByUrgency } from '../../lib/domain/lane-first-labels';

describe('lanesByUrgency', () => {
  it('names no lane for a lead without lanes (alerts then name its stage alone)', () => {
    expect(lanesByUrgency([])).toEqual([]);
  });

  it('puts an escalation ahead of any other lane, whatever order the lanes are stored in', () => {
    expect(lanesByUrgency(['needs_review', 'no_show_risk', 'escalation'])).toEqual([
      'escalation',
      'no_show_risk',
      'needs_review',
    ]);
    expect(lanesByUrgency(['needs_review', 'escalation'])).toEqual(['escalation', 'needs_review']);
  });
});
