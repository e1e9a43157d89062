import { describe, expect, it } from 'vitest';
import { linkFleet } from '../../../shared/fleet/link';
import { normalizeSerial } from '../../../shared/fleet/normalize';
import { DEMO_ANOMALIES, generateDemoFleet } from '../../../electron/vendors/demo-fleet/generate';
import { seedToAppRecords } from '../../../electron/vendors/demo-fleet/to-app';
import type { AbsoluteDevice } from '../../../shared/model';

const abs = (serial: string, systemName: string, deviceUid = `uid-${serial}`): AbsoluteDevice => ({
  deviceUid,
  esn: `ESN${serial}`,
  systemName,
  serial,
  username: 'tjordan@abccompany.com',
  agentStatus: 'A',
  isStolen: false,
  lastConnectedUtc: null,
  policyGroupName: null,
});

describe('serial normalization', () => {
  it.each([
    ['CNF83051BN', 'CNF83051BN'],
    ['  cnf83051bn ', 'CNF83051BN'],
    ['S/N CNF83051BN', 'CNF83051BN'],
    ['SN:CNF-8305-1BN', 'CNF83051BN'],
    ['s/n pf3k x9a1', 'PF3KX9A1'],
    ['Serial No. 5CG2140XQ7', '5CG2140XQ7'],
    ['', ''],
  ])('%j → %j', (raw, expected) => expect(normalizeSerial(raw)).toBe(expected));
  it('does not eat a short serial that merely starts like a prefix', () => expect(normalizeSerial('SN12')).toBe('SN12'));
});

describe('linking vendors into physical devices', () => {
  it('joins the same serial across vendors and keeps every record side by side', () => {
    const [d] = linkFleet({
      absolute: [abs('CNF83051BN', 'LPTP-TJORDAN')],
      insiders: [{ deviceId: 7, deviceName: 'LPTP-TJORDAN', serialNumber: 'cnf83051bn', ownerships: [] }],
      telemetron: [{ identifier: 'CNF83051BN', customers: ['it@northwind.example'] }],
      algosec: [{ name: 'CNF83051BN', displayName: 'LPTP-TJORDAN', brand: 'Cisco', groups: ['DMZ'] }],
    });
    expect(d).toMatchObject({ key: 'serial:CNF83051BN', name: 'LPTP-TJORDAN', insiders: { deviceId: 7 }, telemetron: { customers: ['it@northwind.example'] }, algosec: { groups: ['DMZ'] } });
    expect(d!.conflicts).toEqual([{ field: 'serial spelling', values: expect.arrayContaining([{ vendor: 'insiders', value: 'cnf83051bn' }]) }]);
  });

  it('shows differing names as a conflict instead of picking one silently', () => {
    const [d] = linkFleet({ absolute: [abs('X1', 'LPTP-A')], insiders: [{ deviceId: 1, deviceName: 'Laptop B', serialNumber: 'X1', ownerships: [] }] });
    expect(d!.name).toBe('LPTP-A');
    expect(d!.conflicts).toContainEqual({ field: 'name', values: [{ vendor: 'absolute', value: 'LPTP-A' }, { vendor: 'insiders', value: 'Laptop B' }] });
  });

  it('keeps records without a serial visible as single-vendor devices', () => {
    const out = linkFleet({ absolute: [abs('', 'NO-SERIAL', 'uid-9')], algosec: [{ name: 'fw-core', displayName: 'FW Core', brand: 'Cisco', groups: [] }] });
    expect(out.map((d) => d.key).sort()).toEqual(['absolute:uid-9', 'serial:FWCORE']);
  });

  it('lists devices in key order, single-vendor ones included (lookups by key rely on it)', () => {
    const records = seedToAppRecords(generateDemoFleet({ devices: 500, now: new Date('2026-11-01T12:00:00Z') }));
    records.absolute.push(abs('', 'NO-SERIAL', 'uid-0'), abs('DUP1', 'A', 'u1'), abs('DUP1', 'B', 'u2'));
    records.telemetron.push({ identifier: '', customers: [] });
    const keys = linkFleet(records).map((d) => d.key);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toEqual(expect.arrayContaining(['absolute:uid-0', 'absolute:u2', 'telemetron:']));
  });

  it('keeps both records when one vendor lists a serial twice, and flags both', () => {
    const out = linkFleet({ absolute: [abs('DUP1', 'A', 'u1'), abs('DUP1', 'B', 'u2')] });
    expect(out).toHaveLength(2);
    expect(out.every((d) => d.conflicts.some((c) => c.field.startsWith('serial listed twice')))).toBe(true);
  });
});

describe('demo fleet', () => {
  const now = new Date('2026-11-01T12:00:00Z');
  it('is deterministic for a seed', () => {
    expect(generateDemoFleet({ devices: 200, seed: 3, now })).toEqual(generateDemoFleet({ devices: 200, seed: 3, now }));
    expect(generateDemoFleet({ devices: 200, seed: 4, now })).not.toEqual(generateDemoFleet({ devices: 200, seed: 3, now }));
  });

  it('shows every documented anomaly once linked', () => {
    const fleet = linkFleet(seedToAppRecords(generateDemoFleet({ devices: 300, now })));
    const by = (serial: string) => fleet.find((d) => d.serial === serial)!;
    expect(DEMO_ANOMALIES.every((a) => by(a.serial))).toBe(true);
    expect(by('CNF83051BN').insiders).toBeUndefined();
    expect(by('CNF83051BQ').insiders!.ownerships.filter((o) => o.endTime === null)).toHaveLength(2);
    expect(by('5CG2140XR2').conflicts.map((c) => c.field)).toContain('name');
    expect(by('PF3KX9A1').conflicts.map((c) => c.field)).toContain('serial spelling');
    expect(by('PF3KX9A7')).toMatchObject({ absolute: { isStolen: true }, algosec: { groups: [expect.any(String)] } });
    expect(by('CNF83052AA').insiders!.ownerships.every((o) => o.endTime !== null)).toBe(true);
    expect(by('CNF83052AB').algosec!.groups).toEqual(['Lab Devices']);
    expect(fleet.filter((d) => d.algosec?.groups.includes('Lab Devices'))).toHaveLength(1);
  });

  it('never has an empty AlgoSec group and covers vendors realistically', () => {
    const f = generateDemoFleet({ devices: 2000, now });
    expect(f.algosec.groups.every((g) => g.members.length > 0)).toBe(true);
    expect(f.absolute.devices.length / 2000).toBeGreaterThan(0.9);
    expect(f.algosec.devices.length / 2000).toBeGreaterThan(0.4);
    expect(f.absolute.devices.some((d) => d.agentStatus === 'I')).toBe(true);
  });
});
