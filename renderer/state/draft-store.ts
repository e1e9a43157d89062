import { create } from 'zustand';
import type { DraftEditView } from '../../shared/ipc/channels/ops';
import { api, onEvent } from '../ipc/client';
import { toast } from '../components/Toasts';

/**
 * The renderer's view of the change engine's draft (kept in main, so it
 * survives restarts): the staged edits and whether undo/redo are possible.
 */
interface DraftState {
  edits: DraftEditView[];
  canUndo: boolean;
  canRedo: boolean;
  refresh(): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  discard(ids?: string[]): Promise<void>;
}

async function load(call: () => ReturnType<(typeof api)['ops:draft']>) {
  const r = await call();
  if (!r.ok) return toast(r.error.message, 'bad');
  useDraft.setState({ edits: r.value.edits, canUndo: r.value.canUndo, canRedo: r.value.canRedo });
}

export const useDraft = create<DraftState>(() => ({
  edits: [],
  canUndo: false,
  canRedo: false,
  refresh: () => load(() => api['ops:draft']({})),
  undo: () => load(() => api['ops:undo']({})),
  redo: () => load(() => api['ops:redo']({})),
  discard: (ids) => load(() => api['ops:discard']({ ids })),
}));

let started = false;
export function startDraftStore(): void {
  if (started) return;
  started = true;
  void useDraft.getState().refresh();
  onEvent('ops:draftChanged', () => void useDraft.getState().refresh());
}
