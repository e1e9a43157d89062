import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FleetStore } from '../../../electron/fleet/fleet-store';
import type { Emit } from '../../../electron/host/handler-types';
import { SyncService } from '../../../electron/sync/sync-service';
import type { SyncSource } from '../../../electron/sync/types';

describe('sync service', () => {
  it('reports progress to a window that connected after the sync started (the first sync starts before any window)', async () => {
    let release!: () => void;
    const paged = new Promise<void>((resolve) => (release = resolve));
    const source: SyncSource = {
      connectionId: 'c-insiders',
      vendor: 'insiders',
      label: 'Insiders',
      async pull(run) {
        await paged;
        run.progress({ items: 1, pages: 1, total: 1 });
        return { records: [{ deviceId: 1, deviceName: 'LPTP-A', serialNumber: 'X1', ownerships: [] }] };
      },
    };
    let emit: Emit = () => {};
    const sync = new SyncService({ store: new FleetStore(mkdtempSync(join(tmpdir(), 'fleetdesk-sync-'))), sources: () => [source], emit: () => emit, onStatusChange: () => {} });
    sync.start();
    // The window connects while the sync runs.
    const events: string[] = [];
    emit = (event, payload) => events.push(event === 'sync:progress' ? `${event}:${(payload as { phase: string }).phase}` : event);
    release();
    await sync.idle();
    expect(events).toEqual(['sync:progress:page', 'sync:progress:done', 'fleet:changed']);
  });

  it('sends a few progress updates a second however often a source reports, and the final count when done', async () => {
    const source: SyncSource = {
      connectionId: 'c-telemetron',
      vendor: 'telemetron',
      label: 'Telemetron',
      async pull(run) {
        for (let i = 1; i <= 1000; i++) run.progress({ items: i, pages: i, total: 1000 });
        return { records: [{ identifier: 'X1', customers: ['a@example.com'] }] };
      },
    };
    const progress: Array<{ phase: string; items: number }> = [];
    const emit: Emit = (event, payload) => {
      if (event === 'sync:progress') progress.push(payload as { phase: string; items: number });
    };
    const sync = new SyncService({ store: new FleetStore(mkdtempSync(join(tmpdir(), 'fleetdesk-sync-'))), sources: () => [source], emit: () => emit, onStatusChange: () => {} });
    sync.start();
    await sync.idle();
    expect(progress.filter((p) => p.phase === 'page').length).toBeLessThan(5);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', items: 1 });
  });
});
