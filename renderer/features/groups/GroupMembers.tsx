import { useDroppable } from '@dnd-kit/core';
import { useEffect, useState } from 'react';
import type { DeviceRow } from '../../../shared/ipc/channels/fleet';
import type { GroupSummary } from '../../../shared/ipc/channels/groups';
import { EmptyState } from '../../components/EmptyState';
import { api } from '../../ipc/client';
import { useApp } from '../../state/app-store';
import { useSelection } from '../../state/selection-store';
import { DraggableDevice } from './DraggableDevice';
import { VirtualDeviceList } from './VirtualDeviceList';
import { groupKey, type Pending } from './pending';

/** The open group: its members (draggable out or to another group) and the devices about to join it. */
export function GroupMembers({
  group,
  pending,
  onRemove,
  onDeleteGroup,
  dragging,
}: {
  group: GroupSummary | null;
  pending: Pending | undefined;
  onRemove: (keys: string[]) => void;
  onDeleteGroup: () => void;
  dragging: boolean;
}) {
  const fleetVersion = useApp((s) => s.fleetVersion);
  const basket = useSelection((s) => s.keys);
  const [members, setMembers] = useState<DeviceRow[]>([]);
  const [added, setAdded] = useState<DeviceRow[]>([]);
  const addKeys = [...(pending?.add ?? [])].join('\n');
  const gk = group ? groupKey(group.connectionId, group.name) : '';
  const drop = useDroppable({ id: `group-open:${gk}`, disabled: !group, data: group ? { type: 'group', connectionId: group.connectionId, name: group.name } : undefined });
  const removeZone = useDroppable({ id: 'remove-zone', disabled: !group, data: { type: 'remove' } });

  useEffect(() => {
    if (!group) return;
    let live = true;
    void api['groups:members']({ connectionId: group.connectionId, name: group.name }).then((r) => live && r.ok && setMembers(r.value.rows));
    return () => {
      live = false;
    };
  }, [group, fleetVersion]);

  useEffect(() => {
    const keys = addKeys ? addKeys.split('\n') : [];
    if (!keys.length) return setAdded([]);
    let live = true;
    void api['fleet:rows']({ keys }).then((r) => live && r.ok && setAdded(r.value.rows));
    return () => {
      live = false;
    };
  }, [addKeys]);

  if (!group) return <div className="panel members-panel"><EmptyState title="Open a group">Pick a group on the left to see its members. Drag devices from the right onto any group to add them.</EmptyState></div>;

  const from = { connectionId: group.connectionId, name: group.name };
  // Dragging a member that is in the basket drags every basket device that is a member here.
  const selectedHere = members.filter((m) => basket.has(m.key)).map((m) => m.key);
  const payloadFor = (row: DeviceRow) =>
    basket.has(row.key) && selectedHere.length > 1 ? { deviceKeys: selectedHere, label: `${selectedHere.length} selected devices`, from } : { deviceKeys: [row.key], label: row.name, from };
  const removing = pending?.remove ?? new Set<string>();
  return (
    <div ref={drop.setNodeRef} className={`panel members-panel ${drop.isOver ? 'drop-over' : ''}`}>
      <div className="panel-header">
        <h2 className="grow">{group.name}</h2>
        <span className="muted" data-testid="member-count">
          {members.length.toLocaleString()} members{added.length ? `, +${added.length}` : ''}
          {removing.size ? `, −${removing.size}` : ''}
        </span>
        <button className="btn btn-small" onClick={onDeleteGroup} title="Stage deleting this group (reviewed before it is sent)">
          Delete group…
        </button>
      </div>
      <VirtualDeviceList
        label={`Members of ${group.name}`}
        count={added.length + members.length}
        renderRow={(i) => {
          // Devices about to join come first, then the members.
          if (i < added.length) {
            const row = added[i]!;
            return <DraggableDevice id={`added:${row.key}`} row={row} payload={{ deviceKeys: [row.key], label: row.name }} marker="add" />;
          }
          const row = members[i - added.length]!;
          return (
            <DraggableDevice
              id={`member:${row.key}`}
              row={row}
              payload={payloadFor(row)}
              selected={basket.has(row.key)}
              marker={removing.has(row.key) ? 'remove' : undefined}
              onDelete={() => onRemove([row.key])}
            />
          );
        }}
      />
      <div ref={removeZone.setNodeRef} className={`remove-zone ${dragging ? 'visible' : ''} ${removeZone.isOver ? 'drop-over' : ''}`}>
        Drop here to remove from {group.name} (or focus a member and press Delete)
      </div>
    </div>
  );
}
