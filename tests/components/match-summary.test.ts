import { describe, expect, it } from 'vitest';
import { matchSummary } from '../../components/dashboard/match-summary';
import { createFormatter } from '../../lib/format/formatter';
import { en } from '../../lib/i18n/messages/en';
import { createTranslator } from '../../lib/i18n/translator';

const format = createFormatter({ locale: 'en', timeZone: 'UTC' });
const t = createTranslator('en', en);

describe('what a board search found', () => {
  it('names how many leads match and in which columns', () => {
    const columns = [
      { stage: 'new_dm', total: 0 },
      { stage: 'booked', total: 2 },
      { stage: 'won', total: 1 },
    ] as const;
    expect(matchSummary(columns, format, t)).toBe('3 leads match, in Booked call and Won');
  });

  it('speaks of one lead in the singular', () => {
    expect(matchSummary([{ stage: 'lost', total: 1 }], format, t)).toBe('1 lead matches, in Lost');
  });

  it('says so when nothing matches', () => {
    expect(matchSummary([{ stage: 'new_dm', total: 0 }], format, t)).toBe('No lead matches these filters.');
  });
});
