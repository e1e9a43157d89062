import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { DraftFileSchema, type DraftFile, type StagedEdit } from '../../shared/ops/edits';
import { writeFileAtomic } from '../cache/atomic-write';

/** Two edits that cancel out: add then remove of the same device in the same group, assign then unassign, transfer there and back. */
function cancels(a: StagedEdit, b: StagedEdit): boolean {
  if (a.connectionId !== b.connectionId) return false;
  if ((a.kind === 'group.add' && b.kind === 'group.remove') || (a.kind === 'group.remove' && b.kind === 'group.add')) return a.group === b.group && a.device === b.device;
  if (a.kind === 'assignment.assign' && b.kind === 'assignment.unassign') return a.deviceKey === b.deviceKey && a.emails.length === 1 && a.emails[0] === b.email;
  if (a.kind === 'assignment.unassign' && b.kind === 'assignment.assign') return cancels(b, a);
  if (a.kind === 'assignment.transfer' && b.kind === 'assignment.transfer') return a.deviceKey === b.deviceKey && a.from === b.to && a.to === b.from;
  return false;
}

/**
 * Edits that are the same change staged again: the later one replaces the
 * earlier (it carries the newer cached state); an assign widens the earlier
 * one's customer list instead.
 */
function sameChange(e: StagedEdit): string | null {
  const at = `${e.kind}\u0000${e.connectionId}`;
  switch (e.kind) {
    case 'ownership.take':
    case 'ownership.release':
    case 'assignment.assign':
      return `${at}\u0000${e.deviceKey}`;
    case 'assignment.unassign':
      return `${at}\u0000${e.deviceKey}\u0000${e.email}`;
    case 'assignment.transfer':
      return `${at}\u0000${e.deviceKey}\u0000${e.from}`;
    default:
      return null;
  }
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

function merge(earlier: StagedEdit, later: StagedEdit): StagedEdit {
  if (earlier.kind !== 'assignment.assign' || later.kind !== 'assignment.assign') return later;
  // What the later staging learnt about a customer wins; the earlier one's knowledge stays for its other customers.
  const known = (pick: (e: Extract<StagedEdit, { kind: 'assignment.assign' }>) => string[]) => union(pick(earlier).filter((c) => !later.emails.includes(c)), pick(later));
  return { ...later, emails: union(earlier.emails, later.emails), newCustomers: known((e) => e.newCustomers), uncheckedCustomers: known((e) => e.uncheckedCustomers) };
}

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

  /** The current edits: pairs that cancel each other removed, the same change staged twice merged. */
  edits(): StagedEdit[] {
    return this.resolve().edits;
  }

  private resolve(): { edits: StagedEdit[]; absorbed: Map<string, string[]> } {
    const out: StagedEdit[] = [];
    // Ids folded into a surviving edit, so discarding the survivor discards them too.
    const absorbed = new Map<string, string[]>();
    for (const e of this.file.done.flat()) {
      const i = out.findIndex((o) => cancels(o, e));
      if (i >= 0) {
        out.splice(i, 1);
        continue;
      }
      const key = sameChange(e);
      const j = key === null ? -1 : out.findIndex((o) => sameChange(o) === key);
      if (j < 0) {
        out.push(e);
        continue;
      }
      const earlier = out[j]!;
      out[j] = merge(earlier, e);
      absorbed.set(e.id, [...(absorbed.get(earlier.id) ?? []), earlier.id]);
      absorbed.delete(earlier.id);
    }
    return { edits: out, absorbed };
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
    const absorbed = ids ? this.resolve().absorbed : null;
    const drop = ids ? new Set(ids.flatMap((id) => [id, ...(absorbed?.get(id) ?? [])])) : null;
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
