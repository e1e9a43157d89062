import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ActivityLog } from '../../../electron/ops/activity-log';

const entry = (device: string, result: 'done' | 'failed' = 'done') => ({
  connectionId: 'afa-1',
  connection: 'HQ appliance',
  plan: 'Add 2 group memberships in 1 vendor call.',
  vendor: 'algosec' as const,
  action: 'add to group Lab',
  deviceKey: `serial:${device}`,
  device,
  result,
  reason: result === 'failed' ? 'AlgoSec rejected the request' : null,
  runId: 'run-1',
});

describe('activity log', () => {
  it('keeps every result with the account and the plan it belonged to, newest first', () => {
    const log = new ActivityLog(join(mkdtempSync(join(tmpdir(), 'activity-')), 'activity.jsonl'));
    log.append([entry('fw-1'), entry('fw-2', 'failed')]);
    const all = log.all();
    expect(all.map((e) => [e.device, e.result, e.connection, e.plan])).toEqual([
      ['fw-2', 'failed', 'HQ appliance', 'Add 2 group memberships in 1 vendor call.'],
      ['fw-1', 'done', 'HQ appliance', 'Add 2 group memberships in 1 vendor call.'],
    ]);
    const csv = log.exportCsv({}).split('\r\n');
    expect(csv[0]).toBe('at,osUser,vendor,connection,connectionId,plan,action,device,deviceKey,result,reason,runId');
    expect(csv[1]).toContain(',algosec,HQ appliance,afa-1,Add 2 group memberships in 1 vendor call.,add to group Lab,fw-2,');
  });

  it('filters by instants, so a local day is exactly the changes made on it', () => {
    vi.useFakeTimers();
    try {
      const log = new ActivityLog(join(mkdtempSync(join(tmpdir(), 'activity-')), 'activity.jsonl'));
      vi.setSystemTime(new Date('2026-03-02T23:30:00Z'));
      log.append([entry('late-on-the-2nd')]);
      vi.setSystemTime(new Date('2026-03-03T07:59:00Z'));
      log.append([entry('early-on-the-3rd')]);
      // 3 March in UTC-8 runs from 08:00 UTC on the 3rd to 08:00 UTC on the 4th: neither entry was made on it there.
      expect(log.all({ from: '2026-03-03T08:00:00.000Z', to: '2026-03-04T08:00:00.000Z' })).toEqual([]);
      // 2 March in UTC-8 holds both.
      expect(log.all({ from: '2026-03-02T08:00:00.000Z', to: '2026-03-03T08:00:00.000Z' }).map((e) => e.device)).toEqual(['early-on-the-3rd', 'late-on-the-2nd']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('neutralises spreadsheet formulas in exported cells, and skips a torn last line after a crash', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'activity-')), 'activity.jsonl');
    const log = new ActivityLog(path);
    log.append([entry('=HYPERLINK("http://evil")')]);
    appendFileSync(path, '{"id":"torn","at":"2026');
    expect(log.all()).toHaveLength(1);
    expect(log.exportCsv({})).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
