import { afterEach, describe, expect, it } from 'vitest';
import { toEndTime } from '../../../electron/vendors/insiders/wire';
import { formatDay, formatMoment, gaps, holdersAt, overlaps, toInterval } from '../../../shared/timeline/spans';
import { holdersAt as laneHoldersAt, rowsByHolder, stackRows, toLocalInput } from '../../../renderer/features/timeline/holders';

const span = (id: number, manager: number, startTime: string, endTime: string | null) => ({ id, manager, startTime, endTime });
const t = (iso: string) => Date.parse(iso);
const NOW = t('2026-11-24T12:00:00Z');

describe('open-ended spans', () => {
  it('reads Insiders’ 2999-12-31T23:59:59Z end as "still current" and keeps real ends', () => {
    expect(toEndTime('2999-12-31T23:59:59Z')).toBeNull();
    expect(toEndTime('2999-12-31T23:59:59.000000Z')).toBeNull();
    expect(toEndTime('2026-03-03T00:00:00.000000Z')).toBe('2026-03-03T00:00:00.000000Z');
    expect(toInterval(span(1, 101, '2026-01-01T00:00:00Z', null)).end).toBe(Infinity);
  });
  it('an open span holds the device now and at any later time', () => {
    const spans = [span(1, 101, '2026-01-01T00:00:00Z', null)].map(toInterval);
    expect(holdersAt(spans, NOW)).toEqual(['manager 101']);
    expect(holdersAt(spans, t('2040-01-01T00:00:00Z'))).toEqual(['manager 101']);
  });
});

describe('as-of lookups at span edges', () => {
  const spans = [span(1, 101, '2026-01-01T00:00:00Z', '2026-03-03T00:00:00Z'), span(2, 102, '2026-03-03T00:00:00Z', null)].map(toInterval);
  it('start is inclusive, end exclusive: at the handover instant only the new owner holds it', () => {
    expect(holdersAt(spans, t('2026-01-01T00:00:00Z'))).toEqual(['manager 101']);
    expect(holdersAt(spans, t('2026-03-02T23:59:59.999Z'))).toEqual(['manager 101']);
    expect(holdersAt(spans, t('2026-03-03T00:00:00Z'))).toEqual(['manager 102']);
  });
  it('before the first span nobody holds it', () => {
    expect(holdersAt(spans, t('2025-12-31T23:59:59.999Z'))).toEqual([]);
  });
  it('the renderer answers the same per lane, and says when an observed lane knows nothing that early', () => {
    const lanes = [
      { id: 'insiders', label: 'Insiders owner', source: '', segments: [{ start: '2026-01-01T00:00:00Z', end: '2026-03-03T00:00:00Z', who: 'manager 101', flags: [] }, { start: '2026-03-03T00:00:00Z', end: null, who: 'manager 102', flags: [] }] },
      { id: 'telemetron', label: 'Telemetron customer', source: '', segments: [{ start: '2026-02-01T00:00:00Z', end: null, who: 'it@a.example', flags: ['observed', 'before-first-sync'] }] },
    ];
    expect(laneHoldersAt(lanes, t('2026-03-03T00:00:00Z'))).toEqual([
      { lane: 'Insiders owner', laneId: 'insiders', who: ['manager 102'], note: null },
      { lane: 'Telemetron customer', laneId: 'telemetron', who: ['it@a.example'], note: 'as fleetdesk saw it' },
    ]);
    expect(laneHoldersAt(lanes, t('2026-01-15T00:00:00Z'))[1]).toMatchObject({ who: [], note: 'not known: before fleetdesk first looked' });
  });
});

describe('overlaps', () => {
  it('two open spans overlap from the later start until now (open-ended)', () => {
    const over = overlaps([span(1, 101, '2026-01-01T00:00:00Z', null), span(2, 104, '2026-03-03T00:00:00Z', null)].map(toInterval));
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ from: t('2026-03-03T00:00:00Z'), to: Infinity });
    expect([over[0]!.a.who, over[0]!.b.who]).toEqual(['manager 101', 'manager 104']);
  });
  it('a span ending exactly when the next starts is a handover, not an overlap', () => {
    expect(overlaps([span(1, 101, '2026-01-01T00:00:00Z', '2026-03-03T00:00:00Z'), span(2, 102, '2026-03-03T00:00:00Z', null)].map(toInterval))).toEqual([]);
  });
  it('a span nested inside another overlaps for its whole length; three at once give every pair', () => {
    const nested = overlaps([span(1, 101, '2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z'), span(2, 102, '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z')].map(toInterval));
    expect(nested.map((o) => [o.from, o.to])).toEqual([[t('2026-02-01T00:00:00Z'), t('2026-03-01T00:00:00Z')]]);
    const three = overlaps([span(1, 1, '2026-01-01T00:00:00Z', null), span(2, 2, '2026-01-02T00:00:00Z', null), span(3, 3, '2026-01-03T00:00:00Z', null)].map(toInterval));
    expect(three).toHaveLength(3);
  });
  it('overlapping bars are stacked on separate rows so neither hides the other', () => {
    const segments = [
      { start: '2026-01-01T00:00:00Z', end: null },
      { start: '2026-03-03T00:00:00Z', end: null },
      { start: '2025-01-01T00:00:00Z', end: '2025-12-01T00:00:00Z' },
    ];
    expect(stackRows(segments, NOW)).toEqual({ rows: 2, rowOf: [0, 1, 0] });
  });
});

describe('gaps', () => {
  it('finds the time between an ended span and the next start', () => {
    const spans = [span(1, 101, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), span(2, 102, '2026-02-22T00:00:00Z', null)].map(toInterval);
    expect(gaps(spans, NOW)).toEqual([{ from: t('2026-02-01T00:00:00Z'), to: t('2026-02-22T00:00:00Z') }]);
  });
  it('no gap at a handover, inside an overlap, or after the last span (that is "no current owner")', () => {
    expect(gaps([span(1, 1, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), span(2, 2, '2026-02-01T00:00:00Z', null)].map(toInterval), NOW)).toEqual([]);
    expect(gaps([span(1, 1, '2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z'), span(2, 2, '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'), span(3, 3, '2026-05-01T00:00:00Z', null)].map(toInterval), NOW)).toEqual([]);
    expect(gaps([span(1, 1, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')].map(toInterval), NOW)).toEqual([]);
  });
});

describe('time zones: stored UTC, shown local', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });
  it('one UTC instant is a different day and hour depending on where the technician is', () => {
    const at = t('2026-03-03T02:00:00Z');
    expect(formatDay(at, 'America/Vancouver')).toBe('2 Mar 2026');
    expect(formatDay(at, 'Asia/Kolkata')).toBe('3 Mar 2026');
    expect(formatMoment(at, 'America/Vancouver')).toBe('2 Mar 2026, 18:00');
    expect(formatMoment(at, 'Asia/Kolkata')).toBe('3 Mar 2026, 07:30');
    expect(formatMoment(at, 'UTC')).toBe('3 Mar 2026, 02:00');
  });
  it('the as-of picker reads local wall time and asks about the matching UTC instant', () => {
    process.env.TZ = 'Asia/Kolkata';
    const instant = t('2026-03-02T20:00:00Z');
    expect(toLocalInput(instant)).toBe('2026-03-03T01:30');
    expect(new Date('2026-03-03T01:30').getTime()).toBe(instant);
    process.env.TZ = 'America/Vancouver';
    expect(toLocalInput(instant)).toBe('2026-03-02T12:00');
    // Just before the handover in Vancouver is still the old owner.
    const spans = [span(1, 101, '2026-01-01T00:00:00Z', '2026-03-03T00:00:00Z'), span(2, 102, '2026-03-03T00:00:00Z', null)].map(toInterval);
    expect(holdersAt(spans, new Date('2026-03-02T15:59').getTime())).toEqual(['manager 101']);
    expect(holdersAt(spans, new Date('2026-03-02T16:00').getTime())).toEqual(['manager 102']);
  });
});

describe('observed lanes', () => {
  it('give each customer its own row, in order of first appearance', () => {
    expect(rowsByHolder([{ who: 'a@x' }, { who: 'b@x' }, { who: 'a@x' }])).toEqual({ rows: 2, rowOf: [0, 1, 0] });
  });
});
