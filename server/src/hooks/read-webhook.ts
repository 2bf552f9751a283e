import type { CalendarEvent } from '../../../lib/domain/calendar/calendar-event';
import type { CalendarProvider } from '../../../lib/domain/calendar/calendar-labels';
import { readCalcomWebhook } from './calcom-payload';
import { readCalendlyWebhook } from './calendly-payload';

/**
 * A signed delivery, read: an event for the pipeline, one this server does not act on (another trigger), or a body
 * that does not have the shape the provider documents.
 */
export type WebhookReading =
  | { kind: 'event'; event: CalendarEvent }
  | { kind: 'ignored'; reason: string }
  | { kind: 'invalid'; message: string };

export function readWebhook(provider: CalendarProvider, body: unknown): WebhookReading {
  return provider === 'calendly' ? readCalendlyWebhook(body) : readCalcomWebhook(body);
}

/** An ISO time as epoch ms, or undefined. */
export function instantOf(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** Text a field may keep: trimmed, cut to `max`, undefined when empty or not text. */
export function textOf(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}
