import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';

export function ActivityScreen() {
  return (
    <section className="screen">
      <ScreenHeader title="Activity" />
      <EmptyState title="Activity">Every applied change with its per-device results, filterable and exportable.</EmptyState>
    </section>
  );
}
