import { it } from 'vitest';
import {
  DEFAULT_BOOKING_LINK_PATTERNS,
  detectSignals,
  emptyThread,
  messageKeys,
  messageSignals,
  type SignalContext,
  type SignalMessage,
} from '../lib/domain/signals';
import { median, recordResults } from './record-result';

const MESSAGES = 10_000;
const THREAD = 20;
const RUNS = 5;
const H = 3_600_000;
const now = Date.UTC(2026, 2, 11, 11, 0);

// A realistic mix: mostly plain conversation, some links, bookings, price questions and a few escalations,
// in five languages, with emoji and the odd long message.
const INBOUND = [
  'hey!',
  'omg this is literally me every morning 😂',
  'GUIDE',
  'Saw your reel about meal prep and had to message',
  "I'm 34, two kids, and I can't lose the last 10kg no matter what I do. I've tried keto, weight watchers, you name it 😩",
  'how much is the 12 week program?',
  'honestly my problem is consistency after work, I get home at 7 and just crash',
  'Booked for Thursday at 3pm!',
  'thanks!! 🙏🙏',
  'Hola! Vengo de parte de Lucía, cuánto cuesta el programa?',
  'Quero melhorar minha alimentação sem dieta maluca, como funciona?',
  'Ich trainiere seit Jahren, aber nichts passiert. Was kostet das Coaching?',
  "Bonjour, j'ai vu ton dernier reel sur la motivation 🔥",
  'I want a refund, this is not what I paid for',
  'is it safe with my thyroid meds?',
  'ok',
  "What's your refund policy?",
  'Anna sent me 😊 she said you helped her a lot after her second baby',
  'not booked yet sorry, crazy week at work',
  '🔥',
];
const OUTBOUND = [
  'Haha what part hit home?',
  'Makes sense. What have you tried so far?',
  'Pick a time that works here: https://calendly.com/coach-anna/intro?utm_source=ig&utm_medium=dm',
  'Got it! Quick question: what would change if you fixed that in the next 3 months?',
  'Here is the guide 👉 https://annafit.com/guide',
];

function buildThreads(): SignalMessage[][] {
  const threads: SignalMessage[][] = [];
  let n = 0;
  for (let t = 0; n < MESSAGES; t++) {
    const thread: SignalMessage[] = [];
    for (let i = 0; i < THREAD && n < MESSAGES; i++, n++) {
      const inbound = (i + t) % 3 !== 1;
      const pool = inbound ? INBOUND : OUTBOUND;
      thread.push({
        text: pool[(t * 7 + i * 3) % pool.length]!,
        direction: inbound ? 'inbound' : 'outbound',
        at: now - (THREAD - i) * H,
        kind: i === 0 && t % 4 === 0 ? 'story_reply' : 'text',
      });
    }
    const keys = messageKeys(thread);
    threads.push(thread.map((m, i) => ({ ...m, key: keys[i]! })));
  }
  return threads;
}

it(`signal detection over ${MESSAGES} messages`, () => {
  const threads = buildThreads();
  const context: SignalContext = {
    now,
    stage: 'new_dm',
    timeZone: 'Europe/Berlin',
    bookingLinkPatterns: [...DEFAULT_BOOKING_LINK_PATTERNS, 'annafit.com/apply'],
  };
  // Warm up: compile the lists and let the JIT settle.
  for (const thread of threads) detectSignals(thread, context);

  const perMessage: number[] = [];
  const perRun: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    // Per message: every message-level detector (escalation, booking link, booking, buying, engaged).
    for (const thread of threads) {
      const before = emptyThread();
      for (const m of thread) {
        const started = performance.now();
        messageSignals(m, m.key!, context, before);
        perMessage.push(performance.now() - started);
      }
    }
    // Whole threads, thread-level detectors included (source, follow-up): the cost divided per message.
    const started = performance.now();
    for (const thread of threads) detectSignals(thread, context);
    perRun.push((performance.now() - started) / MESSAGES);
  }

  recordResults([
    {
      name: `Signal detection per message, all message detectors (median of ${MESSAGES.toLocaleString('en')} × ${RUNS})`,
      value: Math.round(median(perMessage) * 10_000) / 10_000,
      unit: 'ms',
      budget: 0.2,
      runs: RUNS,
      note: 'Node; escalation, booking link, booking confirmation, buying signal, engaged reply',
    },
    {
      name: `Signal detection per message, whole threads incl. source and follow-up (${MESSAGES.toLocaleString('en')} messages)`,
      value: Math.round(median(perRun) * 10_000) / 10_000,
      unit: 'ms',
      budget: 0.2,
      runs: RUNS,
      note: `detectSignals over ${THREAD}-message threads, total time / messages`,
    },
  ]);
}, 600_000);
