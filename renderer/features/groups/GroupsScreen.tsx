import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';

export function GroupsScreen() {
  return (
    <section className="screen">
      <ScreenHeader title="Groups" />
      <EmptyState title="Groups">Drag devices from your search results or basket onto AlgoSec groups. Every drop is staged and reviewed before anything is sent.</EmptyState>
    </section>
  );
}
