import { StoreError } from '../store-error';

/** A pull cursor: the team's epoch and the last version the client has, opaque to clients. */
export interface Cursor {
  epoch: number;
  version: number;
}

export function encodeCursor({ epoch, version }: Cursor): string {
  return Buffer.from(`v1.${epoch}.${version}`).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  const match = /^v1\.(\d{1,9})\.(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match)
    throw new StoreError('invalid', 'The cursor is not one this server issued: pull without a cursor to start over');
  return { epoch: Number(match[1]), version: Number(match[2]) };
}
