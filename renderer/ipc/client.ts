import type { Result } from '../../shared/errors';
import { CHANNELS, type FleetApi } from '../../shared/ipc/contract';
import { EVENTS, type EventName, type EventPayload } from '../../shared/ipc/events';
import { IPC_PATH } from '../../shared/ipc/wire';
import { WsTransport, type ConnectionState } from './ws-transport';

/**
 * The only place the renderer talks to the services. In Electron it goes
 * through the preload bridge; in the browser host, through the WebSocket.
 * The rest of the renderer cannot tell which.
 */
interface Transport {
  call(channel: string, request: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  onState(listener: (s: ConnectionState) => void): () => void;
}

function bridgeTransport(bridge: FleetBridge): Transport {
  return {
    async call(channel, request) {
      const fn = bridge.call[channel];
      if (!fn) return { ok: false, error: { kind: 'unknown-channel', message: `Unknown channel ${channel}.`, retryable: false } };
      try {
        return (await fn(request)) as Result<unknown>;
      } catch {
        return { ok: false, error: { kind: 'internal', message: "fleetdesk's background service failed to answer.", retryable: true } };
      }
    },
    onEvent(listener) {
      const offs = (Object.keys(EVENTS) as EventName[]).map((name) => bridge.on(name, (payload) => listener(name, payload)));
      return () => offs.forEach((off) => off());
    },
    onState(listener) {
      listener('open');
      return () => {};
    },
  };
}

function socketUrl(): string {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  return `ws://${location.host}${IPC_PATH}?token=${encodeURIComponent(token)}`;
}

const transport: Transport = window.fleet ? bridgeTransport(window.fleet) : new WsTransport(socketUrl());

export const api = Object.fromEntries(CHANNELS.map((c) => [c, (request: unknown) => transport.call(c, request)])) as unknown as FleetApi;

/** Subscribes to one event; payloads that do not match the event's schema are dropped. */
export function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return transport.onEvent((event, payload) => {
    if (event !== name) return;
    const parsed = EVENTS[name].safeParse(payload);
    if (parsed.success) listener(parsed.data as EventPayload<E>);
  });
}

export const onConnectionState = (listener: (s: ConnectionState) => void) => transport.onState(listener);
export type { ConnectionState };
