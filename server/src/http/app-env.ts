import type { ServerLimits } from '../config';
import type { Db } from '../db/db';
import type { Logger } from '../logger';
import type { Caller } from '../store/team/caller';

/** What every route needs, built once by createApp. */
export interface AppDeps {
  db: Db;
  now: () => number;
  logger: Logger;
  limits: ServerLimits;
}

export type AppEnv = { Variables: { caller: Caller } };
