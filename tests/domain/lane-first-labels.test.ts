import { describe, expect, it } from 'vitest';
import { laneFirstLabels } from '../../lib/domain/lane-first-labels';

describe('laneFirstLabels', () => {
  it('names a lead without lanes by its stage alone', () => {
    expect(laneFirstLabels('new_dm', [])).toEqual({ lanes: [], stage: 'New DM' });
  });

  it('puts an escalation before the stage, ahead of any other lane, whatever order the lanes are stored in', () => {
    expect(laneFirstLabels('booked', ['needs_review', 'no_show_risk', 'escalation'])).toEqual({
      lanes: ['Escalation', 'No-show risk', 'Needs review'],
      stage: 'Booked call',
    });
  });
});
