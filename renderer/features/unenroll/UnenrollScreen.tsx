import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';

export function UnenrollScreen() {
  return (
    <section className="screen">
      <ScreenHeader title="Unenroll" />
      <EmptyState title="Unenroll">Review which devices in your basket Absolute will unenroll, then send them in checked batches.</EmptyState>
    </section>
  );
}
