import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useEffect, useMemo, useState } from 'react';
import type { GroupSummary } from '../../../shared/ipc/channels/groups';
import { ScreenHeader } from '../../components/ScreenHeader';
import { toast } from '../../components/Toasts';
import { api } from '../../ipc/client';
import { useApp } from '../../state/app-store';
import { startDraftStore, useDraft } from '../../state/draft-store';
import { useSelection } from '../../state/selection-store';
import { PendingChangesBar } from '../review/PendingChangesBar';
import { announcements, instructions } from './announcements';
import { dropAction, type DragPayload, type DropTarget } from './drag-data';
import { GroupList } from './GroupList';
import { GroupMembers } from './GroupMembers';
import { jumpBetweenTargets, pointerThenRect } from './keyboard-targets';
import { groupKey, pendingByGroup } from './pending';
import { SourcePanel } from './SourcePanel';

type StageResult = { staged: number; skipped: Array<{ name: string; reason: string }> };

function report(result: { ok: true; value: StageResult } | { ok: false; error: { message: string } }, what: string) {
  if (!result.ok) return toast(result.error.message, 'bad');
  const { staged, skipped } = result.value;
  const skippedText = skipped.length ? ` ${skipped.length} skipped: ${skipped.slice(0, 3).map((s) => `${s.name} (${s.reason})`).join('; ')}${skipped.length > 3 ? '…' : ''}` : '';
  toast(`${staged ? `Staged: ${what}.` : 'Nothing staged.'}${skippedText}`, staged ? 'good' : 'bad', staged ? { label: 'Undo', run: () => void useDraft.getState().undo() } : undefined);
}

/** AlgoSec groups: drag devices onto groups; every drop is staged in the draft and reviewed before it is sent. */
export function GroupsScreen() {
  const fleetVersion = useApp((s) => s.fleetVersion);
  const edits = useDraft((s) => s.edits);
  const canUndo = useDraft((s) => s.canUndo);
  const canRedo = useDraft((s) => s.canRedo);
  const [groups, setGroups] = useState<GroupSummary[]>([]);
  const [open, setOpen] = useState<GroupSummary | null>(null);
  const [dragging, setDragging] = useState<DragPayload | null>(null);
  const pending = useMemo(() => pendingByGroup(edits.filter((e) => e.kind.startsWith('group.'))), [edits]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: jumpBetweenTargets }));

  useEffect(() => startDraftStore(), []);
  useEffect(() => {
    void api['groups:list']({}).then((r) => {
      if (!r.ok) return toast(r.error.message, 'bad');
      setGroups(r.value.groups);
      setOpen((o) => (o ? (r.value.groups.find((g) => g.connectionId === o.connectionId && g.name === o.name) ?? o) : (r.value.groups[0] ?? null)));
    });
  }, [fleetVersion]);

  // Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo staged edits while this screen is open.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || (e.target instanceof HTMLInputElement && e.target.type !== 'checkbox')) return;
      const k = e.key.toLowerCase();
      if (k === 'z' || k === 'y') {
        e.preventDefault();
        void (k === 'y' || e.shiftKey ? useDraft.getState().redo() : useDraft.getState().undo());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onDragStart = (e: DragStartEvent) => setDragging((e.active.data.current as DragPayload) ?? null);
  const onDragEnd = async (e: DragEndEvent) => {
    setDragging(null);
    const payload = e.active.data.current as DragPayload | undefined;
    const target = e.over?.data.current as DropTarget | undefined;
    if (!payload || !target) return;
    const action = dropAction(payload, target);
    if (!action.ok) return toast(action.reason, 'bad');
    const { ok: _ok, ...request } = action;
    const verb = action.action === 'add' ? `add ${payload.label} to ${action.to}` : action.action === 'remove' ? `remove ${payload.label} from ${action.from}` : `move ${payload.label} from ${action.from} to ${action.to}`;
    report(await api['groups:stage']({ ...request, deviceKeys: payload.deviceKeys }), verb);
  };

  const removeFromOpen = async (keys: string[]) => {
    if (!open) return;
    report(await api['groups:stage']({ connectionId: open.connectionId, action: 'remove', from: open.name, deviceKeys: keys }), `remove from ${open.name}`);
  };

  const createFromBasket = async () => {
    const keys = [...useSelection.getState().keys];
    const connectionId = open?.connectionId ?? groups[0]?.connectionId;
    if (!keys.length || !connectionId) return toast('Put the devices for the new group in the basket first.', 'bad');
    const name = window.prompt(`Name of the new group (${keys.length} basket devices)`);
    if (!name?.trim()) return;
    report(await api['groups:create']({ connectionId, name: name.trim(), deviceKeys: keys }), `create group ${name.trim()}`);
  };

  const deleteOpen = async () => {
    if (!open || !window.confirm(`Stage deleting the group ${open.name}? Nothing is sent until you review and apply.`)) return;
    report(await api['groups:delete']({ connectionId: open.connectionId, name: open.name }), `delete group ${open.name}`);
  };

  const openKey = open ? groupKey(open.connectionId, open.name) : null;
  return (
    <section className="screen">
      <ScreenHeader title="Groups">
        <button className="btn" onClick={() => void useDraft.getState().undo()} disabled={!canUndo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button className="btn" onClick={() => void useDraft.getState().redo()} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <button className="btn" onClick={() => void createFromBasket()}>
          New group from basket…
        </button>
      </ScreenHeader>
      <DndContext sensors={sensors} collisionDetection={pointerThenRect} onDragStart={onDragStart} onDragEnd={(e) => void onDragEnd(e)} onDragCancel={() => setDragging(null)} accessibility={{ announcements, screenReaderInstructions: instructions }}>
        <div className="groups-layout">
          <GroupList groups={groups} pending={pending} openKey={openKey} onOpen={setOpen} />
          <GroupMembers group={open} pending={openKey ? pending.get(openKey) : undefined} onRemove={(k) => void removeFromOpen(k)} onDeleteGroup={() => void deleteOpen()} dragging={!!dragging?.from} />
          <SourcePanel />
        </div>
        <DragOverlay dropAnimation={null}>{dragging && <div className="drag-overlay">{dragging.label}</div>}</DragOverlay>
      </DndContext>
      <PendingChangesBar scopes={["group"]} />
    </section>
  );
}
