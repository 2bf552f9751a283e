import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A bearer token: 256 random bits. The server stores only its SHA-256. */
export const newToken = () => `dmh_${randomBytes(32).toString('base64url')}`;

// No 0/O or 1/I: codes are read aloud and typed. 32 symbols, so `byte & 31` picks one without bias.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** An invite code like `K7QM-2XWA-RP9D` (60 bits), single use and short-lived, stored only as a hash. */
export function newInviteCode(): string {
  const chars = [...randomBytes(12)].map((b) => CODE_ALPHABET[b & 31]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join('')).join('-');
}

/** Codes are compared without case, spaces or dashes, as people type them. */
export const normaliseInviteCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Constant-time comparison of two hex hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;
