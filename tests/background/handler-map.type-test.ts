// Compiled by `tsc --noEmit` (npm run typecheck), never run: each `@ts-expect-error` below fails the typecheck if tsc
// ever accepts the handler after it, so this file proves the handler map refuses handlers that do not fit.
import type { HandlerMap, Handlers } from '../../lib/background/handler-map';
import { teamHandlers } from '../../lib/background/handlers/team-handlers';
import type { ParsedRequest } from '../../lib/messaging/protocol';
import type { TeamView } from '../../lib/messaging/responses';

declare const team: TeamView;

export const fits = {
  'team.get': async () => team,
  'team.setMe': async (_services, request) => {
    // The request is the one named: a member id (or null), typed without saying so.
    const memberId: string | null = request.memberId;
    return { ...team, meId: memberId };
  },
} satisfies Handlers;

export const wrongResponse = {
  // @ts-expect-error "team.get" answers with the team, not a number.
  'team.get': async () => 42,
} satisfies Handlers;

export const anotherRequestsResponse = {
  // @ts-expect-error "lead.move" answers with a MoveReply, not the team.
  'lead.move': async () => team,
} satisfies Handlers;

export const anotherRequestsPayload = {
  // @ts-expect-error "team.removeMember" is sent a member id, not a "lead.move" request.
  'team.removeMember': async (_services, _request: ParsedRequest<'lead.move'>) => team,
} satisfies Handlers;

export const notARequest = {
  // @ts-expect-error no request is called "team.fire".
  'team.fire': async () => team,
} satisfies Handlers;

// @ts-expect-error a map missing handlers (here, all but the team's) is not the router's map.
export const incomplete: HandlerMap = { ...teamHandlers };
