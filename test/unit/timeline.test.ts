import { describe, expect, it } from 'vitest';
import type { FleetDevice } from '../../shared/model';
import { custodyIssues, custodyTimeline } from '../../shared/timeline/custody';
import { formatDay, gaps, holdersAt, overlaps, toInterval } from '../../shared/timeline/spans';

const span = (id: number, manager: number, startTime: string, endTime: string | null) => ({ id, manager, startTime, endTime });
const NOW = Date.parse('2026-11-24T12:00:00Z');

describe('ownership spans', () => {
  const spans = [span(1, 101, '2026-01-01T00:00:00Z', '2026-03-03T00:00:00Z'), span(2, 102, '2026-03-03T00:00:00Z', null)].map(toInterval);
  it('answers "who had it then" with start inclusive and end exclusive, open end = current', () => {
    expect(holdersAt(spans, Date.parse('2026-03-02T23:59:59Z'))).toEqual(['manager 101']);
    expect(holdersAt(spans, Date.parse('2026-03-03T00:00:00Z'))).toEqual(['manager 102']);
    expect(holdersAt(spans, NOW)).toEqual(['manager 102']);
    expect(holdersAt(spans, Date.parse('2025-12-31T23:59:59Z'))).toEqual([]);
  });
  it('finds overlaps and gaps', () => {
    const over = [span(1, 101, '2026-01-01T00:00:00Z', null), span(2, 104, '2026-03-03T00:00:00Z', null)].map(toInterval);
    expect(overlaps(over)).toEqual([expect.objectContaining({ from: Date.parse('2026-03-03T00:00:00Z'), to: Infinity })]);
    const gap = [span(1, 101, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), span(2, 102, '2026-02-20T00:00:00Z', null)].map(toInterval);
    expect(gaps(gap, NOW)).toEqual([{ from: Date.parse('2026-02-01T00:00:00Z'), to: Date.parse('2026-02-20T00:00:00Z') }]);
    expect(gaps(spans, NOW)).toEqual([]);
  });
  it('shows stored UTC times in the viewer’s time zone', () => {
    const t = Date.parse('2026-03-03T02:00:00Z');
    expect(formatDay(t, 'America/Vancouver')).toBe('2 Mar 2026');
    expect(formatDay(t, 'Asia/Kolkata')).toBe('3 Mar 2026');
  });
});

describe('custody of a device', () => {
  const device: FleetDevice = {
    key: 'serial:X',
    serial: 'X',
    name: 'LPTP-X',
    insiders: { deviceId: 1, deviceName: 'LPTP-X', serialNumber: 'X', ownerships: [span(1, 101, '2026-01-01T00:00:00Z', null), span(2, 104, '2026-03-03T00:00:00Z', null)], connectionId: 'ins' },
    telemetron: { identifier: 'X', customers: ['it@northwind.example'], connectionId: 'tel' },
    conflicts: [],
  };
  it('draws lanes per source and explains overlaps in words', () => {
    const t = custodyTimeline(device, () => '2026-11-20T00:00:00Z', NOW, 'UTC');
    expect(t.lanes.map((l) => l.id)).toEqual(['insiders', 'telemetron']);
    expect(t.lanes[0]!.segments.every((s) => s.flags.includes('overlap'))).toBe(true);
    expect(t.lanes[1]!.segments[0]).toMatchObject({ who: 'it@northwind.example', flags: ['observed'], start: '2026-11-20T00:00:00Z' });
    expect(t.explanations).toContain('Manager 101 and manager 104 both held this device from 3 Mar 2026 to now.');
  });
  it('lists the fleet view issues', () => {
    expect(custodyIssues(device, NOW)).toEqual(['overlap']);
    const ended: FleetDevice = { ...device, insiders: { ...device.insiders!, ownerships: [span(1, 101, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')] } };
    expect(custodyIssues(ended, NOW)).toEqual(['no-current-owner', 'vendor-mismatch']);
  });
});
