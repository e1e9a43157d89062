import { describe, expect, it } from 'vitest';
import { linkFleet } from '../../../shared/fleet/link';
import type { FleetDevice } from '../../../shared/model';
import { FREE_TEXT, RANKED, eachValue } from '../../../shared/search/device-fields';
import { fold } from '../../../shared/search/fold';
import { buildSearchIndex } from '../../../shared/search/index';
import { withinOneEdit } from '../../../shared/search/typo';
import { generateDemoFleet } from '../../../electron/vendors/demo-fleet/generate';
import { seedToAppRecords } from '../../../electron/vendors/demo-fleet/to-app';

/**
 * The index answers one-character terms from per-device character bits,
 * two- and three-character terms from the gram lists alone, and large results
 * page by page. These tests hold each of those shortcuts to a plain scan of
 * every value of every device, on a demo fleet big enough to take them.
 */
const NOW = new Date('2026-11-01T12:00:00Z');
const fleet: FleetDevice[] = linkFleet(seedToAppRecords(generateDemoFleet({ devices: 2500, seed: 11, now: NOW })));
// A few values outside the usual alphabet, so the fallbacks run too.
fleet[3] = { ...fleet[3]!, name: 'Ünïcode Ø', absolute: { ...fleet[3]!.absolute!, systemName: 'Ünïcode Ø', username: 'søren#1@example.com' } };
fleet[4] = { ...fleet[4]!, absolute: { ...fleet[4]!.absolute!, username: 'k' } };
const index = buildSearchIndex(fleet, { now: NOW.getTime() });

/** Free-text ranking the slow, obvious way: best rank of any value holding every word, then by name. */
function scan(words: string[]): number[] {
  const hits: Array<{ i: number; rank: number }> = [];
  fleet.forEach((d, i) => {
    const values: Array<{ text: string; kind: number }> = [];
    eachValue(d, (raw, kind) => values.push({ text: fold(raw), kind }));
    let worst = 0;
    for (const w of words.map(fold)) {
      let best = 99;
      for (const v of values) {
        if (!(v.kind & FREE_TEXT)) continue;
        const at = v.text.indexOf(w);
        if (at < 0) continue;
        const rank = at > 0 || !(v.kind & RANKED) ? 2 : v.text.length === w.length ? 0 : 1;
        best = Math.min(best, rank);
      }
      worst = Math.max(worst, best);
    }
    if (worst < 99) hits.push({ i, rank: worst });
  });
  const key = (i: number) => fleet[i]!.name.toUpperCase();
  return hits.sort((a, b) => a.rank - b.rank || (key(a.i) < key(b.i) ? -1 : key(a.i) > key(b.i) ? 1 : a.i - b.i)).map((h) => h.i);
}

describe('search shortcuts agree with a plain scan', () => {
  const terms = [...'abcdefghijklmnopqrstuvwxyz0123456789@.-_#ø', 'lp', 'cn', '5c', 'k@', 'ø', 'lpt', 'ptp', 'bc1', 'ünï', 'lptp', 'abccompany', 'søren', 'branch-1'];
  it.each(terms)('%j', (term) => {
    expect(Array.from(index.search(term).ids)).toEqual(scan([term]));
  });

  it('lists only devices matching every word', () => {
    const [a, b] = ['tjordan', 'cisco'];
    const both = scan([a, b]);
    expect(index.search(`${a} ${b}`).total).toBe(both.length);
    expect(Array.from(index.search(`${a} ${b}`).ids)).toEqual(both);
    expect(Array.from(index.search('a b c').ids)).toEqual(scan(['a', 'b', 'c']));
  });
});

describe('one typo', () => {
  /** Devices with a word one edit away from the term, by name: every value and word checked. */
  function typoScan(term: string): number[] {
    const hits: number[] = [];
    fleet.forEach((d, i) => {
      let near = false;
      eachValue(d, (raw, kind) => {
        if (kind & FREE_TEXT && fold(raw).split(/[@. _-]+/).some((w) => withinOneEdit(w, term))) near = true;
      });
      if (near) hits.push(i);
    });
    const key = (i: number) => fleet[i]!.name.toUpperCase();
    return hits.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a - b));
  }

  it.each(['tjorrdan', 'nrthwind', 'kiosq', 'abccompny', 'fortinnet', 'northwnd'])('%j finds what a plain scan finds', (term) => {
    const expected = typoScan(term);
    expect(expected.length, 'the term should be a typo of something in the fleet').toBeGreaterThan(0);
    expect(Array.from(index.search(term).ids)).toEqual(expected);
  });
});

describe('large results, page by page', () => {
  it('gives the same order in pages as in the full list, for ranked and unranked queries', () => {
    for (const q of ['a', 'lptp', 'abccompany', 'stolen:no', 'vendor:absolute -stolen:yes', '']) {
      const whole = Array.from(index.search(q).ids);
      expect(whole.length, q).toBeGreaterThan(1024); // large enough to be ordered page by page
      const fresh = () => index.search(q);
      for (const [offset, limit] of [[0, 60], [60, 60], [1000, 7], [whole.length - 10, 60], [whole.length + 5, 60]] as const) {
        expect(Array.from(fresh().page(offset, limit)), `${q} @${offset}`).toEqual(whole.slice(offset, offset + limit));
      }
    }
  });

  it('keeps a result intact while other queries run', () => {
    const first = index.search('lptp');
    const expected = Array.from(index.search('lptp').ids).slice(100, 160);
    index.search('a');
    index.search('-lptp');
    expect(Array.from(first.page(100, 60))).toEqual(expected);
  });
});
