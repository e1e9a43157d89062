import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFrame, PendingCalls } from '../../../renderer/ipc/ws-transport';
import { looksLikeList } from '../../../renderer/features/search/paste-list';
import { relativeTime } from '../../../renderer/components/RelativeTime';

afterEach(() => vi.useRealTimers());

describe('renderer IPC bookkeeping', () => {
  it('routes each reply to the call that asked, in any order', async () => {
    const calls = new PendingCalls();
    const a = new Promise((r) => calls.open(r));
    const b = new Promise((r) => calls.open(r));
    expect(calls.settle(2, { ok: true, value: 'second' })).toBe(true);
    expect(calls.settle(1, { ok: true, value: 'first' })).toBe(true);
    await expect(a).resolves.toEqual({ ok: true, value: 'first' });
    await expect(b).resolves.toEqual({ ok: true, value: 'second' });
    expect(calls.size).toBe(0);
  });

  it('ignores replies nobody is waiting for', () => {
    const calls = new PendingCalls();
    expect(calls.settle(42, { ok: true, value: 1 })).toBe(false);
  });

  it('turns a call the service never answers into a network error value, not a hang', async () => {
    vi.useFakeTimers();
    const calls = new PendingCalls(1_000);
    const p = new Promise((r) => calls.open(r));
    vi.advanceTimersByTime(1_001);
    await expect(p).resolves.toMatchObject({ ok: false, error: { kind: 'network', retryable: true } });
    expect(calls.settle(1, { ok: true, value: 'late' })).toBe(false);
  });

  it('drops frames that are not replies or events', () => {
    expect(parseFrame('not json')).toBeNull();
    expect(parseFrame('[1,2]')).toBeNull();
    expect(parseFrame('{"id":"1","result":{}}')).toBeNull();
    expect(parseFrame('{"id":3,"result":{"ok":true,"value":1}}')).toEqual({ id: 3, result: { ok: true, value: 1 } });
    expect(parseFrame('{"event":"fleet:changed","payload":{"reason":"x"}}')).toEqual({ event: 'fleet:changed', payload: { reason: 'x' } });
  });
});

describe('search box helpers', () => {
  it('treats a spreadsheet column or comma list as a paste list, and a single term as a query', () => {
    expect(looksLikeList('CNF83051BN\nCNF83051BQ\n')).toBe(true);
    expect(looksLikeList('a, b')).toBe(true);
    expect(looksLikeList('5CG1\t5CG2')).toBe(true);
    expect(looksLikeList('CNF83051BN\n')).toBe(false);
    expect(looksLikeList('group:"HQ Core" stolen:yes')).toBe(false);
  });

  it('says how old data is in words', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(relativeTime('2026-11-24T11:59:40Z', now)).toBe('just now');
    expect(relativeTime('2026-11-24T11:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2026-11-24T09:00:00Z', now)).toBe('3 h ago');
    expect(relativeTime('2026-11-21T12:00:00Z', now)).toBe('3 d ago');
    expect(relativeTime('garbage', now)).toBe('unknown');
  });
});
