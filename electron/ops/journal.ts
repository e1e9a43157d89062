import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ItemResult, Plan } from '../../shared/ops/plan';

/**
 * One line per event of a run, appended and flushed to disk BEFORE a call is
 * sent ("intent") and AFTER its result, so a crash or power loss mid-apply
 * leaves an exact record: done, not started, or unknown (sent, no answer).
 */
export type JournalRecord =
  | { t: 'start'; at: string; plan: Plan; summary: string }
  | { t: 'intent'; at: string; step: string }
  | { t: 'result'; at: string; step: string; items: ItemResult[] }
  | { t: 'end'; at: string; state: 'finished' | 'cancelled' };

export class Journal {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private path(runId: string) {
    return join(this.dir, `${runId.replace(/[^A-Za-z0-9-]/g, '_')}.jsonl`);
  }

  append(runId: string, record: JournalRecord): void {
    const fd = openSync(this.path(runId), 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(record)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Every record of a run; a torn last line (crash while writing) is ignored. */
  read(runId: string): JournalRecord[] {
    const p = this.path(runId);
    if (!existsSync(p)) return [];
    const out: JournalRecord[] = [];
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        out.push(JSON.parse(line) as JournalRecord);
      } catch {
        break;
      }
    }
    return out;
  }

  runIds(): string[] {
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => f.slice(0, -'.jsonl'.length));
  }
}
