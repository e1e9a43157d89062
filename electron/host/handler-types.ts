import type { Channel, ParsedRequestOf, ResultOf } from '../../shared/ipc/contract';
import type { EventName, EventPayload } from '../../shared/ipc/events';

/** Pushes an event to every connected renderer (Electron window or browser-host socket). */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** A handler gets its already-validated request; it throws FleetError for failures a user should see. */
export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<ResultOf<C>>;
/** Every channel of the contract has a handler: a channel added without one does not compile. */
export type Handlers = { [C in Channel]: Handler<C> };
