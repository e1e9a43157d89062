import { ConnectionBanner } from './components/ConnectionBanner';
import { LiveCallsBanner } from './components/LiveCallsBanner';
import { NavBar } from './components/NavBar';
import { NoticeBanners } from './components/NoticeBanners';
import { StatusBar } from './components/StatusBar';
import { Toasts } from './components/Toasts';
import { ActivityScreen } from './features/activity/ActivityScreen';
import { ConnectionsScreen } from './features/connections/ConnectionsScreen';
import { GroupsScreen } from './features/groups/GroupsScreen';
import { SearchScreen } from './features/search/SearchScreen';
import { TimelineScreen } from './features/timeline/TimelineScreen';
import { UnenrollScreen } from './features/unenroll/UnenrollScreen';
import { useApp, type SectionId } from './state/app-store';
import { useShortcuts } from './state/use-shortcuts';

const SCREENS: Record<SectionId, () => React.JSX.Element> = {
  search: SearchScreen,
  groups: GroupsScreen,
  timelines: TimelineScreen,
  unenroll: UnenrollScreen,
  activity: ActivityScreen,
  connections: ConnectionsScreen,
};

export function App() {
  useShortcuts();
  const section = useApp((s) => s.section);
  const Screen = SCREENS[section];
  return (
    <div className="app">
      <NavBar />
      <div className="main-column">
        <ConnectionBanner />
        <NoticeBanners />
        <LiveCallsBanner />
        <main className="content" id="main">
          <Screen />
        </main>
        <StatusBar />
      </div>
      <Toasts />
    </div>
  );
}
