import { useApp } from '../state/app-store';

/** Full-width warning while the background service cannot be reached (browser host stopped, crash). */
export function ConnectionBanner() {
  const connection = useApp((s) => s.connection);
  if (connection !== 'lost') return null;
  return (
    <div className="banner banner-error banner-wide" role="alert">
      Lost connection to fleetdesk's background service — reconnecting… Your staged changes are kept; nothing is sent meanwhile.
    </div>
  );
}
