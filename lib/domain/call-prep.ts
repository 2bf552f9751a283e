import type { Lead } from './lead';
import type { ContextKey } from './pipeline-rules';
import type { Source } from './pipeline-stages';

/**
 * The inputs of a useful call-prep note, most useful first (lib/domain/README.md, "The call-prep note"): where they came
 * from, what is not working, what they want, what they tried, why now, fit, objection, personal context,
 * offer angle, and when the call is.
 */
export const CALL_PREP_INPUTS = [
  'problem',
  'goal',
  'source',
  'trigger',
  'tried',
  'whyNow',
  'fit',
  'objections',
  'personalContext',
  'offerAngle',
  'callAt',
] as const satisfies readonly ContextKey[];
export type CallPrepInput = (typeof CALL_PREP_INPUTS)[number];

/** Without these the note is "Wants help. Booked for Thursday.": the closer walks in blind. */
const CORE_INPUTS: readonly CallPrepInput[] = ['source', 'problem', 'goal'];

const SOURCE_PHRASES: Record<Source, string> = {
  story_reply: 'a story reply',
  comment_to_dm: 'a reel or post comment',
  dm_ad: 'a DM ad',
  keyword_automation: 'a keyword automation',
  outbound: 'outbound outreach',
  referral: 'a referral',
  old_lead_reactivation: 'an old lead coming back',
  email_webinar: 'email or a webinar',
  other: 'another channel',
};

/** How a missing input reads inside "Add … to make this note useful". */
const GAP_PHRASES: Record<CallPrepInput, string> = {
  problem: 'the problem',
  goal: 'the goal',
  source: 'the source',
  trigger: 'the trigger',
  tried: 'what they tried',
  whyNow: 'why now',
  fit: 'the fit signal',
  objections: 'the main objection',
  personalContext: 'personal context',
  offerAngle: 'the offer angle',
  callAt: 'the call time',
};

/** Longest stretch of one field quoted in the note: the paragraph must stay short enough to read. */
const MAX_PIECE = 240;

/** One line of plain text: whitespace collapsed, long text cut. Nothing is escaped or interpreted here. */
function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const flat = value.replace(/\s+/g, ' ').trim();
  if (flat === '') return undefined;
  return flat.length > MAX_PIECE ? `${flat.slice(0, MAX_PIECE - 1).trimEnd()}…` : flat;
}

/** Ends a sentence unless the text already does (a question keeps its question mark). */
const sentence = (text: string): string => (/[.!?…]["'”’)]*$/.test(text) ? text : `${text}.`);

const quoted = (text: string): string => `“${text}”`;

const sameWords = (a: string, b: string): boolean =>
  a.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') === b.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function listPhrase(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Picks the first filled value: the pre-call field first, then the closest stand-in from another stage. */
function first(...values: unknown[]): string | undefined {
  for (const v of values) {
    const c = clean(v);
    if (c) return c;
  }
  return undefined;
}

function inputValue(lead: Lead, key: CallPrepInput): string | number | undefined {
  const f = lead.fields;
  switch (key) {
    case 'source':
      return lead.source;
    case 'trigger':
      return first(lead.trigger);
    case 'callAt':
      return f.callAt;
    case 'whyNow':
      return first(f.whyNow, f.urgency);
    case 'objections':
      return first(f.objections, f.mainObjection);
    case 'offerAngle':
      return first(f.offerAngle, f.offerMatch);
    default:
      return first(f[key]);
  }
}

/** Which inputs of the call-prep note are still empty, most useful first, so the UI can ask for them. */
export function callPrepGaps(lead: Lead): CallPrepInput[] {
  return CALL_PREP_INPUTS.filter((key) => inputValue(lead, key) === undefined);
}

/** A note without where they came from, the problem or the goal: the closer walks in blind (a weak handoff). */
export function isWeakCallPrep(lead: Lead): boolean {
  return callPrepGaps(lead).some((gap) => CORE_INPUTS.includes(gap));
}

/** "Add the problem and the goal to make this note useful." — or undefined when nothing is missing. */
export function callPrepGapHint(gaps: readonly CallPrepInput[]): string | undefined {
  if (gaps.length === 0) return undefined;
  return `Add ${listPhrase(gaps.map((g) => GAP_PHRASES[g]))} to make this note useful.`;
}

/** The call time in the given IANA zone (the viewer's zone when omitted); an unknown zone falls back to UTC. */
export function formatCallTime(at: number, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(at);
  }
}

function leadName(lead: Lead): string | undefined {
  const display = clean(lead.displayName);
  const username = clean(lead.username)?.replace(/^@/, '');
  if (display && username) return `${display} (@${username})`;
  return display ?? (username ? `@${username}` : undefined);
}

function origin(lead: Lead): string | undefined {
  const trigger = clean(lead.trigger);
  const where = lead.source ? SOURCE_PHRASES[lead.source] : undefined;
  if (where && trigger) return `${where} (${quoted(trigger)})`;
  return where ?? (trigger ? quoted(trigger) : undefined);
}

/**
 * Composes the booked-call handoff note: one short paragraph of plain text, built only from what the lead
 * record holds. Empty fields are skipped, and the note says plainly what was never captured rather than
 * padding itself out. The text is never HTML: whatever a lead or setter typed stays literal.
 */
export function composeCallPrep(lead: Lead, ownerName?: string, timeZone?: string): string {
  const f = lead.fields;
  const parts: string[] = [];
  const name = leadName(lead);
  const from = origin(lead);

  if (name && from) parts.push(`${name} came from ${from}.`);
  else if (from) parts.push(`Came from ${from}.`);
  else if (name) parts.push(`${name}.`);

  if (lead.leadType === 'referral' && lead.source !== 'referral') parts.push('Referral.');
  if (lead.leadType === 'old_lead' && lead.source !== 'old_lead_reactivation') parts.push('Old lead coming back.');
  if (lead.leadType === 'current_client') parts.push('Already a client.');

  const opener = clean(lead.firstMessage);
  const trigger = clean(lead.trigger);
  if (opener && !(trigger && sameWords(opener, trigger))) parts.push(`Opened with ${quoted(opener)}.`);

  const lines: [string, string | undefined][] = [
    ['Not working', clean(f.problem)],
    ['Wants', clean(f.goal)],
    ['Already tried', clean(f.tried)],
    ['Why now', first(f.whyNow, f.urgency)],
    ['Fit', clean(f.fit)],
    ['Main objection', first(f.objections, f.mainObjection)],
    ['Personal context', clean(f.personalContext)],
    ['Offer angle', first(f.offerAngle, f.offerMatch)],
  ];
  for (const [label, value] of lines) if (value) parts.push(sentence(`${label}: ${value}`));

  if (f.callAt !== undefined) parts.push(`Call ${formatCallTime(f.callAt, timeZone)}.`);
  const owner = clean(ownerName);
  if (owner) parts.push(`Handed over by ${owner}.`);

  const missingCore = callPrepGaps(lead).filter((g) => CORE_INPUTS.includes(g));
  if (missingCore.length > 0) parts.push(`Not captured yet: ${listPhrase(missingCore.map((g) => GAP_PHRASES[g]))}.`);

  return parts.join(' ');
}
