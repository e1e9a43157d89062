import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { DraftFileSchema, type DraftFile, type StagedEdit } from '../../shared/ops/edits';
import { writeFileAtomic } from '../cache/atomic-write';

/** Two edits that cancel out (add then remove of the same device in the same group). */
const cancels = (a: StagedEdit, b: StagedEdit) =>
  a.connectionId === b.connectionId &&
  ((a.kind === 'group.add' && b.kind === 'group.remove') || (a.kind === 'group.remove' && b.kind === 'group.add')) &&
  a.group === b.group &&
  a.device === b.device;

/**
 * The draft of staged edits, persisted atomically after every change so it
 * survives restarts and crashes. Undo and redo work in user actions: a drop
 * of five devices is one step.
 */
export class DraftStore {
  private file: DraftFile = { version: 1, done: [], undone: [] };
  readonly problems: string[] = [];

  constructor(private readonly path: string) {
    if (!existsSync(path)) return;
    try {
      this.file = DraftFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      copyFileSync(path, `${path}.corrupt`);
      this.problems.push(`The saved draft of staged changes could not be read and was set aside as ${path}.corrupt; starting with an empty draft.`);
    }
  }

  private save() {
    writeFileAtomic(this.path, [JSON.stringify(this.file)]);
  }

  /** The current edits, with pairs that cancel each other removed. */
  edits(): StagedEdit[] {
    const out: StagedEdit[] = [];
    for (const e of this.file.done.flat()) {
      const i = out.findIndex((o) => cancels(o, e));
      if (i >= 0) out.splice(i, 1);
      else out.push(e);
    }
    return out;
  }

  stage(batch: StagedEdit[]): void {
    if (!batch.length) return;
    this.file.done.push(batch);
    this.file.undone = [];
    this.save();
  }

  undo(): boolean {
    const step = this.file.done.pop();
    if (!step) return false;
    this.file.undone.push(step);
    this.save();
    return true;
  }

  redo(): boolean {
    const step = this.file.undone.pop();
    if (!step) return false;
    this.file.done.push(step);
    this.save();
    return true;
  }

  /** Removes these edits (all when no ids): after an apply, or on "Discard". */
  discard(ids?: readonly string[]): void {
    const drop = ids ? new Set(ids) : null;
    this.file.done = drop ? this.file.done.map((b) => b.filter((e) => !drop.has(e.id))).filter((b) => b.length) : [];
    this.file.undone = [];
    this.save();
  }

  get canUndo() {
    return this.file.done.length > 0;
  }
  get canRedo() {
    return this.file.undone.length > 0;
  }
}
