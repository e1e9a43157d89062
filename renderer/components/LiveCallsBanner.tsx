import { api } from '../ipc/client';
import { toast } from './Toasts';
import { useApp } from '../state/app-store';

/**
 * Live vendor calls are off (keychain locked or unavailable, secrets gone):
 * says why on every screen, with Retry and the way to the Connections screen,
 * which explains it in full.
 */
export function LiveCallsBanner() {
  const reason = useApp((s) => s.status?.liveCallsDisabled);
  const section = useApp((s) => s.section);
  const go = useApp((s) => s.go);
  if (!reason || section === 'connections') return null;
  const retry = async () => {
    const r = await api['connections:retryKeychain']({});
    if (!r.ok) toast(r.error.message, 'bad');
    else if (r.value.keychain.state !== 'ok') toast(`Still not possible: ${r.value.keychain.message ?? 'the keychain cannot be read.'}`, 'bad');
  };
  return (
    <div className="banner banner-warn banner-wide live-calls-banner" role="alert">
      <div className="banner-text">
        Live calls are off — fleetdesk shows cached data. {reason}
      </div>
      <button className="btn" onClick={() => void retry()}>
        Retry
      </button>
      <button className="btn" onClick={() => go('connections')}>
        Open Connections
      </button>
    </div>
  );
}
