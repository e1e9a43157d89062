import { describe, expect, it, vi } from 'vitest';

const rec = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), invoked: [] as Array<[string, unknown]> }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => rec.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, request: unknown) => {
      rec.invoked.push([channel, request]);
      return { ok: true, value: null };
    },
    on: () => {},
    removeListener: () => {},
  },
}));

describe('preload bridge', () => {
  it('exposes one function per channel and an event subscription, never ipcRenderer itself', async () => {
    await import('../../../electron/preload/index');
    const { CHANNELS } = await import('../../../shared/ipc/contract');
    expect([...rec.exposed.keys()]).toEqual(['fleet']);
    const fleet = rec.exposed.get('fleet') as { call: Record<string, unknown>; on: unknown };
    expect(Object.keys(fleet).sort()).toEqual(['call', 'on']);
    expect(Object.keys(fleet.call).sort()).toEqual([...CHANNELS].sort());
    for (const fn of Object.values(fleet.call)) expect(typeof fn).toBe('function');
    expect(JSON.stringify(Object.keys(fleet))).not.toContain('ipcRenderer');

    await (fleet.call['app:info'] as (r: unknown) => Promise<unknown>)({});
    expect(rec.invoked).toEqual([['app:info', {}]]);
  });

  it('ignores subscriptions to events that are not in the contract', async () => {
    await import('../../../electron/preload/index');
    const fleet = rec.exposed.get('fleet') as { on: (e: string, l: () => void) => () => void };
    expect(typeof fleet.on('not-an-event', () => {})).toBe('function');
  });
});
