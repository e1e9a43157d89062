import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnenrollRow } from '../../../shared/ipc/channels/unenroll';
import { ApplyEngine } from '../../../electron/ops/apply';
import { absoluteExecutor } from '../../../electron/ops/executors';
import { Journal } from '../../../electron/ops/journal';
import { UnenrollRuns } from '../../../electron/unenroll/unenroll-runs';
import { AbsoluteClient } from '../../../electron/vendors/absolute/client';
import { startAbsoluteSimulator, type AbsoluteSimulator } from '../../../electron/vendors/absolute/simulator';

const uid = (i: number) => `uid-${String(i).padStart(4, '0')}`;
const row = (i: number): UnenrollRow => ({ key: `k${i}`, name: `LPTP-${i}`, serial: `S${i}`, esn: `E${i}`, systemName: `LPTP-${i}`, username: null, lastSeen: null, deviceUid: uid(i), connectionId: 'abs', group: 'eligible', predicted: 0, reason: '', dataAsOf: null });
const account = { connectionId: 'abs', label: 'Test account', region: 'cadc' };

describe('bulk unenroll through the change engine', () => {
  let sim: AbsoluteSimulator;
  beforeAll(async () => {
    sim = await startAbsoluteSimulator({
      seed: { devices: Array.from({ length: 250 }, (_, i) => ({ id: uid(i), esn: `E${i}`, systemName: `LPTP-${i}`, serial: `S${i}`, username: '', agentStatus: i === 7 ? 'I' : 'A', isStolen: i === 8, lastConnectedUtc: null, policyGroupName: null })) },
    });
  });
  afterAll(() => sim.close());

  it('sends 250 devices as 100 + 100 + 50; a malformed answer makes only that batch "outcome unknown"', async () => {
    const client = new AbsoluteClient({ ...sim.credentials, baseUrl: sim.url }, { http: { ratePerSecond: 1000, burst: 1000 } });
    let finished!: () => void;
    const done = new Promise<void>((r) => (finished = r));
    let answered = 0;
    const dataDir = mkdtempSync(join(tmpdir(), 'unenroll-'));
    const engine = new ApplyEngine(new Journal(join(dataDir, 'journal')), () => absoluteExecutor(client), {
      progress: () => {},
      // The second answer is the document's malformed example; the others are normal.
      stepDone: () => {
        answered += 1;
        sim.switches.malformedUnenroll = answered === 1;
      },
      finished: () => finished(),
    });
    const runs = new UnenrollRuns(engine, () => 1000, join(dataDir, 'unenroll'));
    const rows = Array.from({ length: 250 }, (_, i) => row(i));
    rows.push({ ...row(999), deviceUid: null, connectionId: null, group: 'not-in-absolute' }); // never sent
    const runId = runs.start(rows, account, undefined);
    await done;
    const view = runs.view(runId);
    expect(view.batches.map((b) => [b.size, b.status])).toEqual([
      [100, 'done'],
      [100, 'unknown'],
      [50, 'done'],
    ]);
    expect(view.batches[1]!.reason).toMatch(/not valid JSON/);
    expect(sim.requests.get('POST /v2/device-unenrollment/unenroll')).toBe(3);
    const byKey = new Map(view.rows.map((r) => [r.key, r]));
    expect(byKey.get('k7')).toMatchObject({ result: 'refused', eligibleStatus: 1, mismatch: true });
    expect(byKey.get('k8')).toMatchObject({ result: 'refused', eligibleStatus: 2, mismatch: true });
    expect(byKey.get('k150')).toMatchObject({ result: 'unknown' });
    expect(byKey.get('k249')).toMatchObject({ result: 'done', eligibleStatus: 0, mismatch: false });
    expect(byKey.has('k999')).toBe(false);
    // Every batch says when it was sent and answered; every device when its answer came.
    for (const b of view.batches) {
      expect(Date.parse(b.sentAt!)).toBeLessThanOrEqual(Date.parse(b.answeredAt!));
    }
    expect(byKey.get('k249')!.at).toBe(view.batches[2]!.answeredAt);
    // The receipt lists every device sent, with its batch and times.
    const csv = runs.receipt(runId, 'csv').content.split('\r\n');
    expect(csv[0]).toBe('device,serial,esn,prediction,result,eligibleStatus,batch,reason,account,sentAt,answeredAt');
    expect(csv.filter((l) => l.includes(',unknown,')).length).toBe(100);
    expect(csv.find((l) => l.startsWith('LPTP-249,'))).toContain(`,${view.batches[2]!.answeredAt}`);

    // After a restart, the same run still shows the predictions it was reviewed with.
    const reopened = new UnenrollRuns(new ApplyEngine(new Journal(join(dataDir, 'journal')), () => null, { progress: () => {}, stepDone: () => {}, finished: () => {} }), () => 1000, join(dataDir, 'unenroll'));
    const again = reopened.view(runId);
    expect(again.account.label).toBe('Test account');
    expect(again.rows.find((r) => r.key === 'k7')).toMatchObject({ serial: 'S7', esn: 'E7', predicted: 0, eligibleStatus: 1, mismatch: true });
  });

  it('refuses to send above the destructive threshold without the typed count', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'unenroll-'));
    const engine = new ApplyEngine(new Journal(join(dataDir, 'journal')), () => null, { progress: () => {}, stepDone: () => {}, finished: () => {} });
    const runs = new UnenrollRuns(engine, () => 25, join(dataDir, 'unenroll'));
    const rows = Array.from({ length: 30 }, (_, i) => row(i));
    expect(() => runs.start(rows, account, undefined)).toThrow(/Type 30/);
    expect(() => runs.start(rows, account, 29)).toThrow(/Type 30/);
  });
});
