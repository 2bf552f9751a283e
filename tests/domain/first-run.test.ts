import { describe, expect, it } from 'vitest';
import { type FirstRunFacts, firstRunChecklist } from '../../lib/domain/first-run';

const fresh: FirstRunFacts = { members: [], meId: null, hoursSaved: false, leadCount: 0, dismissed: false };
const doneSteps = (facts: FirstRunFacts) =>
  firstRunChecklist(facts)
    .steps.filter((s) => s.done)
    .map((s) => s.step);

describe('the first-run checklist', () => {
  it('on a fresh install lists every step, in order, none done, and is shown', () => {
    expect(firstRunChecklist(fresh)).toEqual({
      steps: [
        { step: 'team', done: false },
        { step: 'hours', done: false },
        { step: 'me', done: false },
        { step: 'lead', done: false },
      ],
      show: true,
    });
  });

  it('ticks each step from what is stored', () => {
    expect(doneSteps({ ...fresh, members: [{ id: 'm1' }] })).toEqual(['team']);
    expect(doneSteps({ ...fresh, hoursSaved: true })).toEqual(['hours']);
    expect(doneSteps({ ...fresh, members: [{ id: 'm1' }], meId: 'm1' })).toEqual(['team', 'me']);
    expect(doneSteps({ ...fresh, leadCount: 3 })).toEqual(['lead']);
  });

  it('does not count "who am I" when it names a member who is no longer on the team', () => {
    expect(doneSteps({ ...fresh, members: [{ id: 'm2' }], meId: 'm1' })).toEqual(['team']);
  });

  it('goes away once every step is done', () => {
    const all = { members: [{ id: 'm1' }], meId: 'm1', hoursSaved: true, leadCount: 1, dismissed: false };
    expect(firstRunChecklist(all).show).toBe(false);
    expect(firstRunChecklist({ ...all, leadCount: 0 }).show).toBe(true);
  });

  it('stays away once hidden, whatever is left to do', () => {
    expect(firstRunChecklist({ ...fresh, dismissed: true }).show).toBe(false);
  });
});
