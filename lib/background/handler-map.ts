import type { ParsedRequest, RequestName } from '../messaging/protocol';
import type { ResponseMap } from '../messaging/responses';
import type { BackgroundServices } from './services';

/** The handler of request `N`: takes that request as parsed and must answer with that request's response. */
export type Handler<N extends RequestName> = (
  services: BackgroundServices,
  request: ParsedRequest<N>,
) => Promise<ResponseMap[N]>;

/** One handler per request, keyed by the request's name. */
export type HandlerMap = { [N in RequestName]: Handler<N> };

/**
 * Some requests' handlers, as a module of lib/background/handlers exports them: `{ 'team.get': … } satisfies
 * Handlers`. tsc checks each against its request and response, and refuses a name that is no request.
 */
export type Handlers = Partial<HandlerMap>;
