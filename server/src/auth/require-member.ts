import { createMiddleware } from 'hono/factory';
import type { Role } from '../../../lib/domain/roles';
import type { AppDeps, AppEnv } from '../http/app-env';
import { HttpError } from '../http/http-error';
import { callerForTokenHash } from '../store/team/tokens';
import { bearerToken } from './bearer-token';
import { sha256 } from './secrets';

/**
 * The one place a request becomes a team member: the bearer token names the caller and their team, and every
 * handler behind this reads `c.get('caller')` instead of trusting anything in the request about teams. Runs after
 * the rate limit, so guessing tokens is limited too.
 */
export function requireMember(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = bearerToken(c);
    if (!token) throw new HttpError(401, 'unauthorized', 'Send your team token as "Authorization: Bearer <token>"');
    const caller = await callerForTokenHash(deps.db, sha256(token));
    if (!caller)
      throw new HttpError(401, 'unauthorized', 'This token is not valid, or its member was removed from the team');
    c.set('caller', caller);
    await next();
  });
}

export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.get('caller').role)) {
      throw new HttpError(403, 'forbidden', `Only a ${roles.join(' or ')} can do this`);
    }
    await next();
  });
}
