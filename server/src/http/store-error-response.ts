import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../../lib/sync/protocol';
import type { StoreError, StoreErrorReason } from '../store/store-error';
import { HttpError } from './http-error';

const STATUS: Record<StoreErrorReason, [ContentfulStatusCode, ErrorCode]> = {
  invalid: [400, 'bad_request'],
  clock_skew: [400, 'clock_skew'],
  forbidden: [403, 'forbidden'],
  not_found: [404, 'not_found'],
  conflict: [409, 'conflict'],
};

/** The HTTP answer to a refusal of the data layer. */
export function storeErrorResponse(error: StoreError): HttpError {
  const [status, code] = STATUS[error.reason];
  return new HttpError(
    status,
    code,
    error.message,
    error.serverTime === undefined ? {} : { serverTime: error.serverTime },
  );
}
