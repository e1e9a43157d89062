import { describe, expect, it } from 'vitest';
import type { FleetDevice } from '../../../shared/model';
import { custodyIssues, custodyTimeline, type ObservedCustody } from '../../../shared/timeline/custody';

const span = (id: number, manager: number, startTime: string, endTime: string | null) => ({ id, manager, startTime, endTime });
const NOW = Date.parse('2026-11-24T12:00:00Z');
const nothingObserved: ObservedCustody = { telemetron: [], absolute: [], telemetronAsOf: null, absoluteAsOf: null };

const device: FleetDevice = {
  key: 'serial:X',
  serial: 'X',
  name: 'LPTP-X',
  insiders: { deviceId: 1, deviceName: 'LPTP-X', serialNumber: 'X', ownerships: [span(1, 101, '2026-01-01T00:00:00Z', null), span(2, 104, '2026-03-03T00:00:00Z', null)], connectionId: 'ins' },
  telemetron: { identifier: 'X', customers: ['it@northwind.example'], connectionId: 'tel' },
  absolute: { deviceUid: 'u1', esn: 'e', systemName: 'LPTP-X', serial: 'X', username: 'tara@abc.example', agentStatus: 'A', isStolen: false, lastConnectedUtc: null, policyGroupName: null, connectionId: 'abs' },
  conflicts: [],
};

describe('custody of a device', () => {
  it('marks both overlapping Insiders spans and explains the overlap in words, in the viewer’s time zone', () => {
    const t = custodyTimeline(device, nothingObserved, NOW, 'UTC');
    expect(t.lanes[0]!.segments.map((s) => [s.who, s.end, s.flags])).toEqual([
      ['manager 101', null, ['overlap']],
      ['manager 104', null, ['overlap']],
    ]);
    expect(t.explanations[0]).toMatch(/^Overlap: manager 101 and manager 104 both held this device at Insiders from 3 Mar 2026 to now\./);
    expect(custodyTimeline(device, nothingObserved, Date.parse('2026-03-03T01:00:00Z'), 'America/Vancouver').explanations[0]).toContain('from 2 Mar 2026 to now');
  });

  it('explains a gap with its length, and a device nobody owns any more', () => {
    const gap: FleetDevice = { ...device, insiders: { ...device.insiders!, ownerships: [span(1, 102, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), span(2, 103, '2026-02-22T00:00:00Z', '2026-05-01T00:00:00Z')] } };
    expect(custodyTimeline(gap, nothingObserved, NOW, 'UTC').explanations).toEqual([
      'Gap: nobody owned this device at Insiders for 21 days, from 1 Feb 2026 to 22 Feb 2026.',
      'No current owner at Insiders: the last span ended on 1 May 2026.',
    ]);
  });

  it('draws Telemetron and Absolute lanes from fleetdesk’s history, saying how each time was learnt', () => {
    const observed: ObservedCustody = {
      telemetron: [
        { who: 'old@northwind.example', start: '2026-01-10T08:00:00Z', end: '2026-06-01T09:30:00Z', startBy: 'sync', endBy: 'fleetdesk', before: true },
        { who: 'it@northwind.example', start: '2026-06-01T09:30:00Z', end: null, startBy: 'fleetdesk', endBy: null, before: false },
      ],
      absolute: [{ who: 'tara@abc.example', start: '2026-02-01T00:00:00Z', end: null, startBy: 'sync', endBy: null, before: false }],
      telemetronAsOf: '2026-11-24T11:00:00Z',
      absoluteAsOf: '2026-11-24T11:00:00Z',
    };
    const t = custodyTimeline(device, observed, NOW, 'UTC');
    const tel = t.lanes.find((l) => l.id === 'telemetron')!;
    expect(tel.source).toMatch(/Telemetron keeps no times/);
    expect(tel.segments).toEqual([
      {
        start: '2026-01-10T08:00:00Z',
        end: '2026-06-01T09:30:00Z',
        who: 'old@northwind.example',
        flags: ['observed', 'ended-by-fleetdesk', 'before-first-sync'],
        note: "already in place at fleetdesk's first sync (10 Jan 2026, 08:00); it began earlier; unassigned by fleetdesk on 1 Jun 2026, 09:30",
      },
      { start: '2026-06-01T09:30:00Z', end: null, who: 'it@northwind.example', flags: ['observed', 'made-by-fleetdesk'], note: 'assigned by fleetdesk on 1 Jun 2026, 09:30' },
    ]);
    expect(t.lanes.find((l) => l.id === 'absolute')!.segments[0]).toMatchObject({ who: 'tara@abc.example', note: 'first seen at the sync of 1 Feb 2026, 00:00' });
  });

  it('a current customer the history does not know yet shows from the last sync, not from a made-up time', () => {
    const t = custodyTimeline(device, { ...nothingObserved, telemetronAsOf: '2026-11-20T00:00:00Z' }, NOW, 'UTC');
    expect(t.lanes.find((l) => l.id === 'telemetron')!.segments).toEqual([{ start: '2026-11-20T00:00:00Z', end: null, who: 'it@northwind.example', flags: ['observed'], note: 'seen at the sync of 20 Nov 2026, 00:00' }]);
  });

  it('lists the fleet view issues: overlap, gap, no current owner, owner at one vendor only', () => {
    expect(custodyIssues(device, NOW)).toEqual(['overlap']);
    const ended: FleetDevice = { ...device, insiders: { ...device.insiders!, ownerships: [span(1, 101, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')] } };
    expect(custodyIssues(ended, NOW)).toEqual(['no-current-owner', 'vendor-mismatch']);
    const gap: FleetDevice = { ...device, insiders: { ...device.insiders!, ownerships: [span(1, 1, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), span(2, 2, '2026-03-01T00:00:00Z', null)] } };
    expect(custodyIssues(gap, NOW)).toEqual(['gap']);
    const noCustomer: FleetDevice = { ...gap, telemetron: { ...device.telemetron!, customers: [] } };
    expect(custodyIssues(noCustomer, NOW)).toEqual(['gap', 'vendor-mismatch']);
  });
});
