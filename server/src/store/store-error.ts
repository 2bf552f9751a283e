/**
 * Why the data layer refused something, in its own terms: the HTTP layer maps each reason to a status
 * (server/src/http/store-error-response.ts), so the store never speaks HTTP.
 */
export type StoreErrorReason = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'clock_skew';

export class StoreError extends Error {
  constructor(
    readonly reason: StoreErrorReason,
    message: string,
    /** The server's clock, for a refusal the client corrects by it (`clock_skew`). */
    readonly serverTime?: number,
  ) {
    super(message);
  }
}
