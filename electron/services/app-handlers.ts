import { appError, FleetError } from '../../shared/errors';
import type { ParsedRequestOf, ResultOf } from '../../shared/ipc/contract';

export interface AppHandlerDeps {
  info: () => ResultOf<'app:info'>;
  status: () => ResultOf<'app:status'>;
  /** Opens a URL in the OS browser (Electron: shell.openExternal; browser host: the page opens it). */
  openExternal: (url: string) => Promise<boolean>;
}

/** Only plain https links to real hosts leave the app; everything else is refused. */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && !url.username && !url.password && url.hostname.includes('.');
}

export function appHandlers(deps: AppHandlerDeps) {
  return {
    'app:info': async () => deps.info(),
    'app:status': async () => deps.status(),
    'app:openExternal': async ({ url }: ParsedRequestOf<'app:openExternal'>) => {
      if (!isSafeExternalUrl(url)) throw new FleetError(appError('forbidden', 'Only https links can be opened outside fleetdesk.'));
      return { opened: await deps.openExternal(url) };
    },
  };
}
