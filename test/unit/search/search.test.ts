import { describe, expect, it } from 'vitest';
import type { AbsoluteDevice, FleetDevice } from '../../../shared/model';
import { buildSearchIndex } from '../../../shared/search/index';
import { parseQuery } from '../../../shared/search/query';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const ago = (hours: number) => new Date(NOW - hours * 3_600_000).toISOString().replace('.000Z', 'Z');
const abs = (over: Partial<AbsoluteDevice>): AbsoluteDevice => ({
  deviceUid: 'uid',
  esn: 'ESN',
  systemName: 'NAME',
  serial: 'SER',
  username: '',
  agentStatus: 'A',
  isStolen: false,
  lastConnectedUtc: ago(1),
  policyGroupName: null,
  ...over,
});

/** A small hand-built fleet: each device exists to prove one behaviour. */
const FLEET: FleetDevice[] = [
  {
    key: 'serial:CNF83051BN',
    serial: 'CNF83051BN',
    name: 'LPTP-TJORDAN',
    absolute: abs({ deviceUid: 'aaaa-1111', esn: '2BU2PJD28VAA1UYL0008', systemName: 'LPTP-TJORDAN', serial: 'CNF83051BN', username: 'tjordan@abccompany.com', lastConnectedUtc: ago(2) }),
    insiders: { deviceId: 11, deviceName: 'LPTP-TJORDAN', serialNumber: 'CNF83051BN', ownerships: [{ id: 1, manager: 101, startTime: '2026-01-01T00:00:00Z', endTime: '2026-03-01T00:00:00Z' }, { id: 2, manager: 102, startTime: '2026-03-01T00:00:00Z', endTime: null }] },
    algosec: { name: 'CNF83051BN', displayName: 'LPTP-TJORDAN', brand: 'Fortinet', groups: ['Branch-12', 'HQ Core'] },
    conflicts: [],
  },
  {
    key: 'serial:CNF83051BNX',
    serial: 'CNF83051BNX',
    name: 'DSKT-JOSÉ',
    absolute: abs({ deviceUid: 'bbbb-2222', esn: '2BU2PJD28VAA1UYL0009', systemName: 'DSKT-JOSÉ', serial: 'CNF83051BNX', username: 'jose@abccompany.com', agentStatus: 'I', lastConnectedUtc: ago(24 * 40) }),
    telemetron: { identifier: 'CNF83051BNX', customers: ['it@northwind.example'] },
    algosec: { name: 'CNF83051BNX', displayName: 'DSKT-JOSÉ', brand: 'Cisco', groups: ['Branch-120'] },
    conflicts: [],
  },
  {
    key: 'serial:5CG2140XQ7',
    serial: '5CG2140XQ7',
    name: 'LPTP-STOLEN',
    absolute: abs({ deviceUid: 'cccc-3333', esn: '2BU2ZZZZ', systemName: 'LPTP-STOLEN', serial: '5CG2140XQ7', username: 'mrossi@abccompany.com', isStolen: true }),
    algosec: { name: '5CG2140XQ7', displayName: 'LPTP-STOLEN', brand: 'Cisco', groups: ['Branch-12'] },
    conflicts: [],
  },
  {
    key: 'insiders:44',
    serial: 'PF3KX9A1',
    name: 'Laptop spare',
    insiders: { deviceId: 44, deviceName: 'Laptop spare', serialNumber: 'PF3KX9A1', ownerships: [{ id: 3, manager: 101, startTime: '2026-02-01T00:00:00Z', endTime: null }] },
    conflicts: [],
  },
];
const index = buildSearchIndex(FLEET, { now: NOW });
const names = (q: string) => Array.from(index.search(q).ids, (i) => FLEET[i]!.name);

describe('free text', () => {
  it('finds a serial by its last four characters, in any case', () => {
    expect(names('51bn')).toEqual(expect.arrayContaining(['LPTP-TJORDAN', 'DSKT-JOSÉ']));
    expect(names('51BN')).toHaveLength(2);
  });
  it('ranks the exact serial above a longer serial that contains it', () => {
    expect(names('CNF83051BN')[0]).toBe('LPTP-TJORDAN');
    expect(names('CNF83051BN')).toEqual(['LPTP-TJORDAN', 'DSKT-JOSÉ']);
  });
  it('ignores accents both ways', () => {
    expect(names('jose')).toContain('DSKT-JOSÉ');
    expect(names('josé')).toContain('DSKT-JOSÉ');
  });
  it('matches users, emails, groups, esn and ids as substrings', () => {
    expect(names('tjordan')).toEqual(['LPTP-TJORDAN']);
    expect(names('northwind')).toEqual(['DSKT-JOSÉ']);
    expect(names('hq core')).toEqual(['LPTP-TJORDAN']); // two words, both must match
    expect(names('uyl0009')).toEqual(['DSKT-JOSÉ']);
    expect(names('bbbb-22')).toEqual(['DSKT-JOSÉ']);
  });
  it('lists only devices that match every word', () => {
    expect(names('tjordan cisco')).toEqual([]);
    expect(names('tjordan fortinet')).toEqual(['LPTP-TJORDAN']);
  });
  it('tolerates one typo in a longer word when nothing matches exactly', () => {
    expect(names('tjorrdan')).toEqual(['LPTP-TJORDAN']);
    expect(names('tjo')).toEqual(['LPTP-TJORDAN']);
  });
  it('lists the whole fleet for an empty query', () => expect(index.search('').total).toBe(FLEET.length));
});

describe('operators', () => {
  it('group: means that group exactly when it exists, not every group containing it', () => {
    expect(names('group:Branch-12').sort()).toEqual(['LPTP-STOLEN', 'LPTP-TJORDAN']);
    expect(names('group:branch-1')).toHaveLength(3);
    expect(names('group:"HQ Core"')).toEqual(['LPTP-TJORDAN']);
  });
  it('combines stolen:, status:, seen: and negation', () => {
    expect(names('stolen:yes')).toEqual(['LPTP-STOLEN']);
    expect(names('group:Branch-12 -stolen:yes')).toEqual(['LPTP-TJORDAN']);
    expect(names('status:inactive')).toEqual(['DSKT-JOSÉ']);
    expect(names('seen:>7d')).toEqual(['DSKT-JOSÉ']);
    expect(names('seen:<24h').sort()).toEqual(['LPTP-STOLEN', 'LPTP-TJORDAN']);
  });
  it('vendor: and unlinked: read vendor presence', () => {
    expect(names('vendor:telemetron')).toEqual(['DSKT-JOSÉ']);
    expect(names('-vendor:absolute')).toEqual(['Laptop spare']);
    expect(names('unlinked:algosec')).toEqual(['Laptop spare']);
  });
  it('serial:, name:, user: look only at their field', () => {
    expect(names('serial:51bn')).toHaveLength(2);
    expect(names('name:tjordan')).toEqual(['LPTP-TJORDAN']);
    expect(names('user:mrossi')).toEqual(['LPTP-STOLEN']);
    expect(names('name:mrossi')).toEqual([]);
  });
  it('owner: finds current owners, and owners at a past date (start inclusive, end exclusive)', () => {
    expect(names('owner:"manager 102"')).toEqual(['LPTP-TJORDAN']);
    expect(names('owner:"manager 101"')).toEqual(['Laptop spare']);
    expect(names('owner:"manager 101"@2026-02-15').sort()).toEqual(['LPTP-TJORDAN', 'Laptop spare']);
    expect(names('owner:"manager 101"@2026-03-01T00:00').sort()).toEqual(['Laptop spare']);
    expect(names('owner:northwind')).toEqual(['DSKT-JOSÉ']);
  });
});

describe('query errors', () => {
  it('reports bad syntax with its position and a hint, and still runs the rest', () => {
    const r = index.search('tjordan colour:red');
    expect(r.errors).toEqual([expect.objectContaining({ start: 8, end: 15, message: 'Unknown operator colour:' })]);
    expect(r.total).toBe(1);
  });
  it.each([
    ['seen:lastweek', /Cannot read/],
    ['status:broken', /Unknown status/],
    ['stolen:maybe', /yes or no/],
    ['vendor:acme', /Unknown vendor/],
    ['owner:bob@2026-13-40', /not a date/],
    ['serial:', /needs a value/],
    ['"unclosed', /Unclosed quote/],
  ])('%s → %s', (q, message) => {
    const parsed = parseQuery(q);
    expect(parsed.errors[0]?.message).toMatch(message);
    expect(parsed.errors[0]?.hint).toBeTruthy();
  });
  it('never throws on hostile input', () => {
    for (const q of ['-', '""', ':::', '-"', 'a:b:c', '\u0000', '"'.repeat(99), 'owner:@', 'seen:>', 'x'.repeat(5000)]) expect(() => index.search(q)).not.toThrow();
  });
});

describe('paste a list', () => {
  it('selects every serial, name or esn found and lists the rest', () => {
    const r = index.matchList('CNF83051BN\n s/n pf3k x9a1 \n2BU2ZZZZ\tLPTP-TJORDAN, NOPE123;\n\n');
    expect(Array.from(r.ids, (i) => FLEET[i]!.name).sort()).toEqual(['LPTP-STOLEN', 'LPTP-TJORDAN', 'Laptop spare']);
    expect(r.notFound).toEqual(['NOPE123']);
    expect(r.tokens).toBe(5);
  });
});

describe('autocomplete', () => {
  it('offers operators, then values for the operator typed', () => {
    expect(index.suggest('gr', 2).map((s) => s.insert)).toEqual(['group:']);
    expect(index.suggest('stolen:yes group:bra', 20).map((s) => s.label)).toEqual(['group:Branch-12', 'group:Branch-120']);
    expect(index.suggest('group:hq', 8)[0]?.insert).toBe('group:"HQ Core" ');
    expect(index.suggest('-vendor:tel', 11)[0]?.insert).toBe('-vendor:telemetron ');
  });
});
