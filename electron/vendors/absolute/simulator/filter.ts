import type { AbsoluteSeedDevice } from '../../demo-fleet/seed-types';

/**
 * The small part of OData `$filter` the simulator understands (what fleetdesk
 * sends): `id eq '…'` (joined with `or`), `serial eq '…'`, and
 * `substringof('…', esn) eq true`. Anything else is a 400, as a real
 * server would refuse what it cannot parse.
 */
export function parseFilter(filter: string): ((d: AbsoluteSeedDevice) => boolean) | null {
  const clauses = filter.split(/\s+or\s+/i);
  const tests: Array<(d: AbsoluteSeedDevice) => boolean> = [];
  for (const c of clauses) {
    let m = /^(id|serial|esn|systemName)\s+eq\s+'((?:[^']|'')*)'$/i.exec(c.trim());
    if (m) {
      const field = m[1] === 'id' ? 'id' : (m[1]! as 'serial' | 'esn' | 'systemName');
      const value = m[2]!.replace(/''/g, "'");
      tests.push((d) => d[field] === value);
      continue;
    }
    m = /^substringof\('((?:[^']|'')*)',\s*(esn|serial|systemName)\)\s+eq\s+true$/i.exec(c.trim());
    if (m) {
      const value = m[1]!.replace(/''/g, "'");
      const field = m[2]! as 'esn' | 'serial' | 'systemName';
      tests.push((d) => d[field].includes(value));
      continue;
    }
    return null;
  }
  return (d) => tests.some((t) => t(d));
}
