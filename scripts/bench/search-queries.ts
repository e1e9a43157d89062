import type { FleetDevice } from '../../shared/model';

export interface BenchQuery {
  q: string;
  kind: 'free text' | 'serial tail' | 'prefix' | 'exact id' | 'operators' | 'negation' | 'typo' | 'paste';
  /** The part a plain text engine can run (engines without operators run only this). */
  text: string | null;
}

/**
 * The fixed mixed query set: what technicians type. Serial tails, prefixes
 * and exact ids come from the fleet itself (fixed positions), so the set is
 * the same on every run of the same fleet.
 */
export function benchQueries(fleet: readonly FleetDevice[]): BenchQuery[] {
  const at = (k: number) => fleet[Math.floor((k / 13) * fleet.length)]!;
  const serialOf = (k: number) => at(k).serial ?? 'CNF83051BN';
  const withAbs = fleet.filter((d) => d.absolute);
  const esn = withAbs[Math.floor(withAbs.length / 3)]!.absolute!.esn;
  const name = withAbs[Math.floor(withAbs.length / 5)]!.absolute!.systemName;
  const user = withAbs[Math.floor(withAbs.length / 7)]!.absolute!.username.split('@')[0]!;
  const q: BenchQuery[] = [];
  const add = (kind: BenchQuery['kind'], query: string, text: string | null = query) => q.push({ q: query, kind, text });
  for (let k = 1; k <= 8; k++) add('serial tail', serialOf(k).slice(-4).toLowerCase());
  add('free text', user);
  add('free text', 'tjordan');
  add('free text', 'northwind');
  add('free text', 'kiosk');
  add('free text', 'fortinet');
  add('free text', 'lptp');
  add('free text', 'abccompany');
  add('free text', name.slice(5, 11).toLowerCase());
  add('prefix', 'cnf8');
  add('prefix', '5cg1');
  add('prefix', 'dskt-a');
  add('prefix', esn.slice(0, 8).toLowerCase());
  add('exact id', serialOf(9));
  add('exact id', esn);
  add('exact id', name);
  add('operators', 'group:Branch-12', 'branch-12');
  add('operators', 'group:DMZ stolen:yes', 'dmz');
  add('operators', 'status:inactive seen:>30d', null);
  add('operators', 'stolen:yes', null);
  add('operators', 'unlinked:insiders status:active', null);
  add('operators', 'vendor:absolute,insiders -stolen:yes', null);
  add('operators', `user:${user}`, user);
  add('operators', 'owner:"manager 101"@2026-06-01', 'manager 101');
  add('negation', 'lptp -tjordan', 'lptp');
  add('negation', 'fortinet -vendor:insiders', 'fortinet');
  add('typo', 'tjorrdan');
  add('typo', 'northwnd');
  const paste = fleet
    .filter((_, i) => i % Math.floor(fleet.length / 500) === 0)
    .slice(0, 495)
    .map((d) => d.serial)
    .concat(['NOPE0001', 'NOPE0002', 'NOPE0003', 'NOPE0004', 'NOPE0005']);
  add('paste', paste.join('\n'), null);
  return q;
}
