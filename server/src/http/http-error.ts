import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, ErrorResponse } from '../../../lib/sync/protocol';

/** A refusal with a status, a machine-readable code and a message a person can act on. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ErrorResponse, 'error'> & { issues?: ErrorResponse['error']['issues'] } = {},
  ) {
    super(message);
  }

  toBody(): ErrorResponse {
    const { issues, ...rest } = this.extra;
    return { error: { code: this.code, message: this.message, ...(issues ? { issues } : {}) }, ...rest };
  }
}

export const badRequest = (message: string, issues?: ErrorResponse['error']['issues']) =>
  new HttpError(400, 'bad_request', message, issues ? { issues } : {});
