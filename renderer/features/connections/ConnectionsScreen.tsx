import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';

export function ConnectionsScreen() {
  return (
    <section className="screen">
      <ScreenHeader title="Connections" />
      <EmptyState title="Connections">Connect fleetdesk to your Absolute, Telemetron, Insiders and AlgoSec accounts. Secrets stay in the system keychain.</EmptyState>
    </section>
  );
}
