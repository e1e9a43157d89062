import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';

export function TimelineScreen() {
  return (
    <section className="screen">
      <ScreenHeader title="Timelines" />
      <EmptyState title="Timelines">See who owned or was assigned a device at any time, across Insiders and Telemetron.</EmptyState>
    </section>
  );
}
