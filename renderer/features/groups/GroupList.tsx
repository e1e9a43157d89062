import { useDroppable } from '@dnd-kit/core';
import { useState } from 'react';
import type { GroupSummary } from '../../../shared/ipc/channels/groups';
import { groupKey, type Pending } from './pending';

function GroupRow({ group, pending, open, onOpen }: { group: GroupSummary; pending?: Pending; open: boolean; onOpen: () => void }) {
  const { setNodeRef, isOver } = useDroppable({ id: `group:${groupKey(group.connectionId, group.name)}`, data: { type: 'group', connectionId: group.connectionId, name: group.name } });
  const after = group.count + (pending?.add.size ?? 0) - (pending?.remove.size ?? 0);
  return (
    <li ref={setNodeRef} className={`group-row ${open ? 'open' : ''} ${isOver ? 'drop-over' : ''} ${pending?.delete ? 'pending-delete' : ''}`}>
      <button className="group-button" onClick={onOpen} aria-current={open ? 'true' : undefined} aria-label={`${group.name}, ${group.count} devices`}>
        <span className="group-name">{group.name}</span>
        <span className="group-counts">
          {pending?.create && <span className="pending-mark pending-mark-add">new</span>}
          {pending?.delete && <span className="pending-mark pending-mark-remove">delete</span>}
          {!!pending?.add.size && <span className="pending-mark pending-mark-add">+{pending.add.size}</span>}
          {!!pending?.remove.size && <span className="pending-mark pending-mark-remove">−{pending.remove.size}</span>}
          <span className="muted">{pending && after !== group.count ? `${group.count} → ${after}` : group.count}</span>
        </span>
      </button>
    </li>
  );
}

/** Every known group with its size and pending changes; each row is a drop target. */
export function GroupList({
  groups,
  pending,
  openKey,
  onOpen,
}: {
  groups: GroupSummary[];
  pending: Map<string, Pending>;
  openKey: string | null;
  onOpen: (g: GroupSummary) => void;
}) {
  const [filter, setFilter] = useState('');
  const f = filter.trim().toLowerCase();
  const shown = f ? groups.filter((g) => g.name.toLowerCase().includes(f)) : groups;
  return (
    <div className="panel groups-panel">
      <div className="panel-header">
        <input type="search" aria-label="Filter groups" placeholder={`Filter ${groups.length} groups`} value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <ul className="group-list" aria-label="Groups">
        {shown.map((g) => {
          const k = groupKey(g.connectionId, g.name);
          return <GroupRow key={k} group={g} pending={pending.get(k)} open={k === openKey} onOpen={() => onOpen(g)} />;
        })}
        {!shown.length && <li className="muted panel-body">{groups.length ? 'No group matches the filter.' : 'No AlgoSec groups in the cached fleet yet.'}</li>}
      </ul>
    </div>
  );
}
