import type { BlockList } from 'node:net';
import type { ServerLimits } from '../config';
import type { Db } from '../db/db';
import type { Logger } from '../logger';
import type { Caller } from '../store/team/caller';

/** What every route needs, built once by createApp. */
export interface AppDeps {
  db: Db;
  /** A fixed clock (tests); without it, time is the database's, which every server process shares. */
  fixedNow: (() => number) | null;
  logger: Logger;
  limits: ServerLimits;
  trustedProxies: BlockList;
}

/** `now`: the request's time, read once (with the rate limit) and used for everything the request does. */
export type AppEnv = { Variables: { caller: Caller; now: number } };
