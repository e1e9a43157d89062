import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot, writeSnapshot } from '../../../electron/cache/snapshot-file';

const dir = () => mkdtempSync(join(tmpdir(), 'fleetdesk-snap-'));
const header = (asOf: string) => ({ connectionId: 'c1', vendor: 'absolute', asOf });

describe('snapshot file', () => {
  it('round-trips records with their header', () => {
    const path = join(dir(), 'c1.snapshot');
    writeSnapshot(path, header('2026-11-20T10:00:00Z'), [{ id: 1, name: 'Zoë' }]);
    const load = loadSnapshot<{ id: number; name: string }>(path);
    expect(load).toMatchObject({ status: 'ok', source: 'current', problem: null });
    if (load.status === 'ok') expect(load.snapshot.records).toEqual([{ id: 1, name: 'Zoë' }]);
  });

  it('falls back to the previous good snapshot when the current one is truncated, and says so', () => {
    const path = join(dir(), 'c1.snapshot');
    writeSnapshot(path, header('2026-11-20T10:00:00Z'), [{ id: 1 }]);
    writeSnapshot(path, header('2026-11-21T10:00:00Z'), [{ id: 1 }, { id: 2 }]);
    truncateSync(path, statSync(path).size - 5);
    const load = loadSnapshot<{ id: number }>(path);
    expect(load.status).toBe('ok');
    if (load.status !== 'ok') return;
    expect(load.source).toBe('previous');
    expect(load.snapshot.header.asOf).toBe('2026-11-20T10:00:00Z');
    expect(load.problem).toMatch(/truncated or damaged/);
    expect(load.problem).toMatch(/opened the copy saved 20 Nov 2026, 10:00 UTC instead; the next sync replaces it/);
  });

  it('detects a flipped byte in the body', () => {
    const path = join(dir(), 'c1.snapshot');
    writeSnapshot(path, header('2026-11-20T10:00:00Z'), [{ serial: 'CNF83051BN' }]);
    const buf = readFileSync(path);
    buf[buf.length - 4] = buf[buf.length - 4]! ^ 0x20;
    writeFileSync(path, buf);
    const load = loadSnapshot(path);
    expect(load).toMatchObject({ status: 'corrupt' });
    if (load.status === 'corrupt') expect(load.problem).toMatch(/checksum/);
  });

  it('never lets a damaged current file replace the last good fallback', () => {
    const path = join(dir(), 'c1.snapshot');
    writeSnapshot(path, header('2026-11-19T10:00:00Z'), [{ id: 'old' }]);
    writeSnapshot(path, header('2026-11-20T10:00:00Z'), [{ id: 'good' }]);
    writeFileSync(path, 'garbage'); // damaged on disk; 'old' is now the fallback
    writeSnapshot(path, header('2026-11-21T10:00:00Z'), [{ id: 'new' }]);
    writeFileSync(path, 'garbage again');
    // The damaged file did not become the fallback: 'old' is still there to open on.
    const load = loadSnapshot<{ id: string }>(path);
    expect(load.status === 'ok' && load.snapshot.records[0]?.id).toBe('old');
  });

  it('reports a missing cache as missing, not as an error', () => {
    expect(loadSnapshot(join(dir(), 'none.snapshot'))).toEqual({ status: 'missing' });
  });

  it('leaves no temp file behind', () => {
    const d = dir();
    const path = join(d, 'c1.snapshot');
    writeSnapshot(path, header('2026-11-20T10:00:00Z'), []);
    expect(existsSync(path)).toBe(true);
    expect(readdirSync(d).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
