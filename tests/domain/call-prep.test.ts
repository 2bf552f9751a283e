import { describe, expect, it } from 'vitest';
import {
  CALL_PREP_INPUTS,
  callPrepGapHint,
  callPrepGaps,
  composeCallPrep,
  formatCallTime,
} from '../../lib/domain/call-prep';
import { type Lead, newLead } from '../../lib/domain/lead';

const NOW = Date.UTC(2025, 5, 2, 9, 0);
/** Thursday 12 June 2025, 13:00 UTC = 15:00 in Berlin. */
const CALL_AT = Date.UTC(2025, 5, 12, 13, 0);

const emptyLead = (over: Partial<Lead> = {}): Lead =>
  newLead({ id: 'lead-1', threadId: '340282366841710300949128', now: NOW, ...over });

const fullLead = (): Lead =>
  emptyLead({
    username: 'maria.builds',
    displayName: 'Maria',
    stage: 'booked',
    source: 'story_reply',
    trigger: 'story on scaling without living in DMs',
    leadType: 'new',
    firstMessage: 'can AI follow my scripts??',
    fields: {
      problem: 'has a VA and ManyChat but context keeps getting lost between them',
      goal: 'stop managing every thread by hand',
      tried: 'hired a second VA, wrote a 40-page SOP',
      whyNow: 'launching a group program in September',
      fit: '60 DM leads a week, already sells a $3k offer',
      objections: 'worried an assistant will not sound like her',
      personalContext: 'two kids, works mornings only',
      offerAngle: 'control over voice and handoffs',
      callAt: CALL_AT,
    },
  });

describe('composeCallPrep', () => {
  it('turns a full lead into one paragraph naming source, problem, goal and objection', () => {
    const note = composeCallPrep(fullLead(), 'Sam', 'Europe/Berlin');
    expect(note).not.toContain('\n');
    expect(note).toContain('Maria (@maria.builds) came from a story reply (“story on scaling without living in DMs”).');
    expect(note).toContain('context keeps getting lost');
    expect(note).toContain('stop managing every thread by hand');
    expect(note).toContain('worried an assistant will not sound like her');
    expect(note).toContain('two kids');
    expect(note).toContain('control over voice');
    expect(note).toContain('launching a group program');
    expect(note).toContain('60 DM leads a week');
    expect(note).toContain('hired a second VA');
    expect(note).toContain('Opened with “can AI follow my scripts??”.');
    expect(note).toContain('Handed over by Sam.');
    expect(note).not.toContain('Not captured');
  });

  it('keeps the inputs in the order a closer reads them: origin, problem, goal, tried, why now, fit, objection, call', () => {
    const note = composeCallPrep(fullLead(), undefined, 'Europe/Berlin');
    const positions = [
      'story reply',
      'context keeps',
      'stop managing',
      'second VA',
      'September',
      '60 DM',
      'worried',
      'two kids',
      'control over',
      'Call ',
    ].map((s) => note.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('writes the call time in the team time zone', () => {
    expect(composeCallPrep(fullLead(), undefined, 'Europe/Berlin')).toMatch(/Call Thu,? 12 Jun,? 15:00/);
    expect(composeCallPrep(fullLead(), undefined, 'America/New_York')).toMatch(/Call Thu,? 12 Jun,? 09:00/);
  });

  it('falls back to UTC when the time zone is unknown, instead of failing', () => {
    expect(formatCallTime(CALL_AT, 'Mars/Olympus')).toMatch(/13:00 UTC/);
  });

  it('gives an empty lead a short honest note that says what is missing', () => {
    const note = composeCallPrep(emptyLead());
    expect(note).toBe('Not captured yet: the problem, the goal and the source.');
    expect(callPrepGaps(emptyLead())).toEqual([...CALL_PREP_INPUTS]);
  });

  it('names the lead and the call time even when nothing else is known', () => {
    const note = composeCallPrep(emptyLead({ username: 'jo_runs', fields: { callAt: CALL_AT } }), undefined, 'UTC');
    expect(note).toMatch(
      /^@jo_runs\. Call Thu,? 12 Jun,? 13:00 UTC\. Not captured yet: the problem, the goal and the source\.$/,
    );
  });

  it('never prints "undefined", "null" or empty labels, whatever is filled', () => {
    const keys = ['problem', 'goal', 'tried', 'whyNow', 'fit', 'objections', 'personalContext', 'offerAngle'] as const;
    for (const key of keys) {
      const note = composeCallPrep(emptyLead({ fields: { [key]: 'x' } }));
      expect(note).not.toMatch(/undefined|null|NaN|: \./);
      expect(note).toContain(': x.');
    }
  });

  it('treats whitespace-only fields as empty', () => {
    const lead = emptyLead({ trigger: '   ', displayName: ' ', fields: { problem: '  \n ' } });
    expect(composeCallPrep(lead)).toBe('Not captured yet: the problem, the goal and the source.');
    expect(callPrepGaps(lead)).toContain('problem');
  });

  it('does not repeat the first message when it is only the keyword that triggered the DM', () => {
    const lead = emptyLead({ source: 'keyword_automation', trigger: 'GUIDE', firstMessage: 'guide 🙏' });
    const note = composeCallPrep(lead);
    expect(note).toContain('came from a keyword automation (“GUIDE”)'.replace('came', 'Came'));
    expect(note).not.toContain('Opened with');
  });

  it('says when the lead is a referral, an old lead or already a client', () => {
    expect(composeCallPrep(emptyLead({ source: 'story_reply', leadType: 'referral' }))).toContain('Referral.');
    expect(composeCallPrep(emptyLead({ source: 'referral', leadType: 'referral' }))).not.toContain('Referral.');
    expect(composeCallPrep(emptyLead({ leadType: 'old_lead' }))).toContain('Old lead coming back.');
    expect(composeCallPrep(emptyLead({ leadType: 'current_client' }))).toContain('Already a client.');
  });

  it('uses later-stage stand-ins when the pre-call field is empty', () => {
    const lead = emptyLead({
      fields: { urgency: 'before summer', mainObjection: 'price', offerMatch: '1:1 coaching' },
    });
    const note = composeCallPrep(lead);
    expect(note).toContain('Why now: before summer.');
    expect(note).toContain('Main objection: price.');
    expect(note).toContain('Offer angle: 1:1 coaching.');
    expect(callPrepGaps(lead)).not.toEqual(expect.arrayContaining(['whyNow', 'objections', 'offerAngle']));
  });

  it('keeps a question mark and does not double the full stop', () => {
    const note = composeCallPrep(
      emptyLead({ fields: { problem: 'cannot stay consistent.', goal: 'is 3x a week realistic?' } }),
    );
    expect(note).toContain('Not working: cannot stay consistent.');
    expect(note).toContain('Wants: is 3x a week realistic?');
    expect(note).not.toContain('..');
  });

  it('keeps hostile text as literal plain text on one line', () => {
    const hostile = '<script>alert("x")</script>\n\n<b>bold</b> & $1 {{lead}}';
    const note = composeCallPrep(
      emptyLead({ displayName: '<img src=x onerror=alert(1)>', fields: { problem: hostile } }),
    );
    expect(note).toContain('<script>alert("x")</script> <b>bold</b> & $1 {{lead}}');
    expect(note).toContain('<img src=x onerror=alert(1)>');
    expect(note).not.toContain('&lt;');
    expect(note).not.toContain('\n');
  });

  it('cuts a very long field so the note stays short enough to read', () => {
    const note = composeCallPrep(emptyLead({ fields: { problem: 'word '.repeat(400) } }));
    expect(note.length).toBeLessThan(400);
    expect(note).toContain('…');
  });
});

describe('callPrepGaps', () => {
  it('lists only what is still empty, most useful first', () => {
    expect(callPrepGaps(fullLead())).toEqual([]);
    const lead = fullLead();
    lead.fields = { ...lead.fields, problem: undefined, offerAngle: '' };
    expect(callPrepGaps(lead)).toEqual(['problem', 'offerAngle']);
  });

  it('turns the gaps into a sentence the UI can show', () => {
    expect(callPrepGapHint(['problem'])).toBe('Add the problem to make this note useful.');
    expect(callPrepGapHint(['problem', 'goal', 'tried'])).toBe(
      'Add the problem, the goal and what they tried to make this note useful.',
    );
    expect(callPrepGapHint([])).toBeUndefined();
  });
});
