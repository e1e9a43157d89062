import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { OutboxCheckSchema } from '../../shared/ipc/channels/ops';
import { writeFileAtomic } from '../cache/atomic-write';

const OutboxRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(['plan', 'unenroll']),
  summary: z.string(),
  createdAt: z.string(),
  /** Plan items: the staged edits it holds (they stay in the draft, kept out of other reviews). */
  editIds: z.array(z.string()),
  /** Unenroll items: the devices to review again before anything is sent. */
  deviceKeys: z.array(z.string()),
  /** The latest check against the vendors (made on reconnect, or on request). */
  check: OutboxCheckSchema.nullable(),
});
export type OutboxRecord = z.infer<typeof OutboxRecordSchema>;
const OutboxFileSchema = z.object({ version: z.literal(1), items: z.array(OutboxRecordSchema) });

/**
 * Reviewed changes waiting to be sent (prepared offline, or queued on
 * purpose), in one small file written atomically. A damaged file is set
 * aside, never silently replaced, so nothing queued is lost without a word.
 */
export class Outbox {
  private items: OutboxRecord[] = [];
  readonly problems: string[] = [];

  constructor(private readonly path: string) {
    if (!existsSync(path)) return;
    try {
      this.items = OutboxFileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).items;
    } catch {
      copyFileSync(path, `${path}.corrupt`);
      this.problems.push(`The outbox of queued changes could not be read and was set aside as ${path}.corrupt; queue those changes again.`);
    }
  }

  private save() {
    writeFileAtomic(this.path, [JSON.stringify({ version: 1, items: this.items })]);
  }

  list(): readonly OutboxRecord[] {
    return this.items;
  }

  get(id: string): OutboxRecord | undefined {
    return this.items.find((o) => o.id === id);
  }

  add(item: Pick<OutboxRecord, 'kind' | 'summary' | 'editIds' | 'deviceKeys'>): string {
    const id = randomUUID();
    this.items = [...this.items, { ...item, id, createdAt: new Date().toISOString(), check: null }];
    this.save();
    return id;
  }

  remove(ids: readonly string[]): void {
    if (!ids.length) return;
    this.items = this.items.filter((o) => !ids.includes(o.id));
    this.save();
  }

  recordCheck(id: string, check: NonNullable<OutboxRecord['check']>): void {
    this.items = this.items.map((o) => (o.id === id ? { ...o, check } : o));
    this.save();
  }

  /** Edit ids held by queued plans. */
  heldEdits(): Set<string> {
    return new Set(this.items.flatMap((o) => o.editIds));
  }
}
