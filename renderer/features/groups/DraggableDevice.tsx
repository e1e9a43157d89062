import { useDraggable } from '@dnd-kit/core';
import type { KeyboardEvent } from 'react';
import type { DeviceRow } from '../../../shared/ipc/channels/fleet';
import { VendorBadges } from '../../components/VendorBadges';
import type { DragPayload } from './drag-data';

/** One device row that can be dragged with the mouse or picked up with Space/Enter (place it inside a list item). */
export function DraggableDevice({
  id,
  row,
  payload,
  marker,
  selected,
  onDelete,
}: {
  id: string;
  row: DeviceRow;
  payload: DragPayload;
  marker?: 'add' | 'remove';
  selected?: boolean;
  onDelete?: () => void;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id, data: payload });
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key === 'Delete' || e.key === 'Backspace') && onDelete) {
      e.preventDefault();
      onDelete();
      return;
    }
    listeners?.onKeyDown?.(e);
  };
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      aria-roledescription="draggable device"
      aria-label={`${row.name}${row.serial ? `, serial ${row.serial}` : ''}${marker === 'add' ? ', pending addition' : marker === 'remove' ? ', pending removal' : ''}`}
      className={`drag-row ${isDragging ? 'dragging' : ''} ${marker ? `pending-${marker}` : ''} ${selected ? 'selected' : ''}`}
    >
      <span className="drag-handle" aria-hidden="true">
        ⠿
      </span>
      <span className="drag-name">{row.name}</span>
      <span className="mono muted">{row.serial ?? ''}</span>
      <VendorBadges present={row.vendors} />
      {marker && <span className={`pending-mark pending-mark-${marker}`}>{marker === 'add' ? '+ adding' : '− removing'}</span>}
    </div>
  );
}
