import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import { appError, fail } from '../../shared/errors';
import { EVENTS, type EventName, type EventPayload } from '../../shared/ipc/events';
import { dispatch } from '../host/dispatch';
import type { Handlers } from '../host/handler-types';
import { isAppUrl } from './security';

/** The channel main uses to push events; the preload re-dispatches by name. */
export const EVENT_CHANNEL = 'fleet:event';

/**
 * A call is trusted only from our window's top frame showing the bundled app:
 * not from a subframe, not from a page that navigated elsewhere, not from
 * another webContents.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, appContents: () => WebContents | null): boolean {
  const frame = event.senderFrame;
  const ours = appContents();
  if (!frame || !ours || event.sender !== ours) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Registers one handler per contract channel; each checks the sender and validates via dispatch. */
export function registerIpcHandlers(handlers: Handlers, appContents: () => WebContents | null, log: (line: string) => void): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event, appContents)) {
        log(`[ipc] refused ${channel} from an untrusted sender`);
        return fail(appError('forbidden', 'This window is not allowed to call fleetdesk.'));
      }
      return dispatch(handlers, channel, payload, log);
    });
  }
}

export function sendEvent<E extends EventName>(contents: WebContents | null, event: E, payload: EventPayload<E>): void {
  if (!contents || contents.isDestroyed()) return;
  const checked = EVENTS[event].safeParse(payload);
  if (checked.success) contents.send(EVENT_CHANNEL, event, checked.data);
}
