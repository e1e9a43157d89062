import { SECTIONS, useApp } from '../state/app-store';

/** Left navigation; Ctrl/Cmd+1..6 jump to the same places (see useShortcuts). */
export function NavBar() {
  const section = useApp((s) => s.section);
  const go = useApp((s) => s.go);
  const demo = useApp((s) => s.info?.demo);
  return (
    <nav className="nav" aria-label="Sections">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">◆</span> fleetdesk
      </div>
      {demo && (
        <div className="demo-badge" title="The built-in demo fleet is running: its accounts (named “Demo …”) are local simulators, not your vendors.">
          Demo fleet
        </div>
      )}
      <ul>
        {SECTIONS.map((s, i) => (
          <li key={s.id}>
            <button className={`nav-item ${section === s.id ? 'active' : ''}`} aria-current={section === s.id ? 'page' : undefined} onClick={() => go(s.id)}>
              <span>{s.label}</span>
              <kbd>Ctrl {i + 1}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
