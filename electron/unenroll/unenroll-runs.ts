import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appError, FleetError } from '../../shared/errors';
import type { UnenrollRow, UnenrollRun } from '../../shared/ipc/channels/unenroll';
import { writeFileAtomic } from '../cache/atomic-write';
import type { ApplyEngine } from '../ops/apply';
import { unenrollPlan } from '../ops/plan';

type Predicted = 0 | 1 | 2 | null;

/** What the technician reviewed for a run: kept beside the journal so results still sit next to predictions after a restart. */
interface RunMeta {
  account: UnenrollRun['account'];
  rows: UnenrollRow[];
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * Bulk unenroll through the change engine: batches of at most 100, each
 * journaled before it is sent; results put next to the cache's prediction.
 */
export class UnenrollRuns {
  private readonly meta = new Map<string, { account: UnenrollRun['account']; rows: Map<string, UnenrollRow> }>();

  constructor(
    private readonly engine: ApplyEngine,
    private readonly threshold: () => number,
    private readonly dir: string,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  private metaPath(runId: string) {
    return join(this.dir, `${runId.replace(/[^A-Za-z0-9-]/g, '_')}.json`);
  }

  private remember(runId: string, meta: RunMeta) {
    this.meta.set(runId, { account: meta.account, rows: new Map(meta.rows.map((r) => [r.key, r])) });
  }

  private metaOf(runId: string) {
    if (!this.meta.has(runId) && existsSync(this.metaPath(runId))) {
      try {
        this.remember(runId, JSON.parse(readFileSync(this.metaPath(runId), 'utf8')) as RunMeta);
      } catch {
        // A damaged file only loses the predictions; the journal still has every result.
      }
    }
    return this.meta.get(runId);
  }

  start(rows: UnenrollRow[], account: UnenrollRun['account'], typedCount: number | undefined): string {
    const sendable = rows.filter((r) => r.deviceUid && r.connectionId === account.connectionId);
    if (!sendable.length) throw new FleetError(appError('bad-request', 'None of these devices is in this Absolute account.'));
    if (sendable.length > this.threshold() && typedCount !== sendable.length) {
      throw new FleetError(appError('bad-request', `Type ${sendable.length} to confirm unenrolling this many devices.`));
    }
    const plan = unenrollPlan(account.connectionId, sendable.map((r) => ({ key: r.key, label: r.systemName ?? r.name, deviceUid: r.deviceUid! })));
    const runId = this.engine.start({ ...plan, summary: `Unenroll ${sendable.length} devices from Absolute account ${account.label} (${account.region})` });
    const meta = { account, rows: sendable };
    writeFileAtomic(this.metaPath(runId), [JSON.stringify(meta)]);
    this.remember(runId, meta);
    return runId;
  }

  /** A retry is a new run of the same devices: it keeps their predictions. */
  follow(fromRunId: string, toRunId: string): void {
    const meta = this.metaOf(fromRunId);
    if (!meta || fromRunId === toRunId) return;
    const copy = { account: meta.account, rows: [...meta.rows.values()] };
    writeFileAtomic(this.metaPath(toRunId), [JSON.stringify(copy)]);
    this.remember(toRunId, copy);
  }

  view(runId: string): UnenrollRun {
    const run = this.engine.get(runId);
    const meta = this.metaOf(runId);
    if (!run) throw new FleetError(appError('not-found', 'fleetdesk has no record of that unenroll run.'));
    const rows: UnenrollRun['rows'] = [];
    const batches: UnenrollRun['batches'] = [];
    run.plan.steps.forEach((step, b) => {
      const s = run.steps.get(step.id);
      const results = s?.items;
      // A malformed or lost answer leaves every device of the batch "outcome unknown" (never resent).
      const status = !s?.sent ? 'pending' : !results ? 'sending' : results.every((r) => r.status === 'unknown') ? 'unknown' : results.every((r) => r.status === 'failed' && !r.detail) ? 'failed' : 'done';
      const batchReason = status === 'unknown' || status === 'failed' ? (results?.[0]?.reason ?? null) : null;
      batches.push({ index: b, size: step.items.length, status, reason: batchReason, sentAt: s?.sentAt ?? null, answeredAt: s?.answeredAt ?? null });
      step.items.forEach((item, i) => {
        const r = results?.[i];
        const row = meta?.rows.get(item.key);
        const eligible = (r?.detail?.eligibleStatus ?? null) as Predicted;
        const predicted: Predicted = row?.predicted ?? null;
        const result = !r ? 'pending' : r.status === 'done' ? 'done' : r.status === 'unknown' ? 'unknown' : eligible !== null ? 'refused' : r.status === 'skipped' ? 'skipped' : 'failed';
        rows.push({
          key: item.key,
          name: item.label,
          serial: row?.serial ?? null,
          esn: row?.esn ?? null,
          predicted,
          result,
          eligibleStatus: eligible,
          mismatch: eligible !== null && predicted !== null && eligible !== predicted,
          batch: b,
          reason: r?.reason ?? null,
          at: r ? (s?.answeredAt ?? null) : null,
        });
      });
    });
    return {
      runId,
      account: meta?.account ?? { connectionId: run.plan.steps[0]?.connectionId ?? '', label: 'Absolute', region: '' },
      state: run.state,
      startedAt: run.startedAt,
      waiting: run.waiting ?? null,
      batches,
      rows,
    };
  }

  receipt(runId: string, format: 'csv' | 'json'): { filename: string; content: string } {
    const v = this.view(runId);
    const stamp = v.startedAt.slice(0, 19).replace(/[:T]/g, '-');
    const lines = v.rows.map((r) => ({
      device: r.name,
      serial: r.serial,
      esn: r.esn,
      prediction: r.predicted,
      result: r.result,
      eligibleStatus: r.eligibleStatus,
      batch: r.batch + 1,
      reason: r.reason,
      account: `${v.account.label} (${v.account.region})`,
      sentAt: v.batches[r.batch]?.sentAt ?? null,
      answeredAt: r.at,
    }));
    if (format === 'json') return { filename: `unenroll-${stamp}.json`, content: JSON.stringify({ runId, account: v.account, state: v.state, startedAt: v.startedAt, devices: lines }, null, 2) };
    const fields = Object.keys(lines[0] ?? { device: '' }) as Array<keyof (typeof lines)[number]>;
    return { filename: `unenroll-${stamp}.csv`, content: [fields.join(','), ...lines.map((l) => fields.map((f) => csvCell(l[f])).join(','))].join('\r\n') + '\r\n' };
  }
}
