import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CalendarProvider } from '../../../lib/domain/calendar/calendar-labels';

/** Why a delivery's signature was refused, in words a coach setting up the webhook can act on. */
export type SignatureCheck = { ok: true } | { ok: false; message: string };

const hmacHex = (secret: string, text: string) => createHmac('sha256', secret).update(text, 'utf8').digest('hex');

function sameHex(expected: string, given: string): boolean {
  if (!/^[0-9a-f]+$/i.test(given)) return false;
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(given.toLowerCase(), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Calendly: `Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex>`, the HMAC-SHA256 of `<t>.<raw body>` with the
 * subscription's signing key. A timestamp further than `toleranceMs` from the server's clock is a replay (or a clock
 * far off) and is refused, whatever the signature.
 */
export function checkCalendlySignature(
  header: string | undefined,
  rawBody: string,
  secret: string,
  now: number,
  toleranceMs: number,
): SignatureCheck {
  if (!header)
    return {
      ok: false,
      message: 'No Calendly-Webhook-Signature header: create the subscription with the signing key from Options',
    };
  const parts = new Map(
    header.split(',').map((part) => {
      const eq = part.indexOf('=');
      return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()] as const;
    }),
  );
  const t = parts.get('t');
  const v1 = parts.get('v1');
  if (!t || !/^\d{1,12}$/.test(t) || !v1)
    return { ok: false, message: 'The Calendly-Webhook-Signature header is not "t=<timestamp>,v1=<signature>"' };
  if (!sameHex(hmacHex(secret, `${t}.${rawBody}`), v1))
    return { ok: false, message: 'The signature does not match: the signing key differs from the one in Options' };
  const ageMs = Math.abs(now - Number(t) * 1000);
  if (ageMs > toleranceMs)
    return {
      ok: false,
      message: `The signature's timestamp is ${Math.round(ageMs / 1000)} s from the server's time (at most ${Math.round(toleranceMs / 1000)} s): a replay, or a clock far off`,
    };
  return { ok: true };
}

/** Cal.com: `X-Cal-Signature-256`, the HMAC-SHA256 (hex) of the raw body with the webhook's secret. */
export function checkCalcomSignature(header: string | undefined, rawBody: string, secret: string): SignatureCheck {
  if (!header)
    return {
      ok: false,
      message: 'No X-Cal-Signature-256 header: paste the signing secret from Options into the Cal.com webhook',
    };
  if (!sameHex(hmacHex(secret, rawBody), header.trim()))
    return { ok: false, message: 'The signature does not match: the secret differs from the one in Options' };
  return { ok: true };
}

/** The headers a provider signs a body with, as a test delivery or a client would send them. */
export function signedHeaders(
  provider: CalendarProvider,
  rawBody: string,
  secret: string,
  now: number,
): Record<string, string> {
  if (provider === 'calcom') return { 'x-cal-signature-256': hmacHex(secret, rawBody) };
  const t = Math.floor(now / 1000);
  return { 'calendly-webhook-signature': `t=${t},v1=${hmacHex(secret, `${t}.${rawBody}`)}` };
}
