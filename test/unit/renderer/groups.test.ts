import { describe, expect, it } from 'vitest';
import { dropAction } from '../../../renderer/features/groups/drag-data';
import { groupKey, pendingByGroup } from '../../../renderer/features/groups/pending';

describe('what a drop does', () => {
  const fromA = { deviceKeys: ['serial:X1'], label: 'X1', from: { connectionId: 'afa', name: 'Branch-01' } };
  it('adds a device dragged from search or the basket', () => {
    expect(dropAction({ deviceKeys: ['serial:X1'], label: 'X1' }, { type: 'group', connectionId: 'afa', name: 'DMZ' })).toEqual({ ok: true, action: 'add', connectionId: 'afa', to: 'DMZ' });
  });
  it('moves a device dragged from one group to another (add + remove)', () => {
    expect(dropAction(fromA, { type: 'group', connectionId: 'afa', name: 'DMZ' })).toEqual({ ok: true, action: 'move', connectionId: 'afa', to: 'DMZ', from: 'Branch-01' });
  });
  it('removes a device dropped on the remove zone', () => {
    expect(dropAction(fromA, { type: 'remove' })).toEqual({ ok: true, action: 'remove', connectionId: 'afa', from: 'Branch-01' });
  });
  it('refuses drops that make no sense, and says why', () => {
    expect(dropAction(fromA, { type: 'group', connectionId: 'afa', name: 'Branch-01' })).toEqual({ ok: false, reason: 'Already in Branch-01.' });
    expect(dropAction({ deviceKeys: ['k'], label: 'k' }, { type: 'remove' })).toMatchObject({ ok: false });
    expect(dropAction(fromA, { type: 'group', connectionId: 'other', name: 'DMZ' })).toMatchObject({ ok: false, reason: expect.stringContaining('different AlgoSec') });
  });
});

describe('pending markers per group', () => {
  it('counts staged additions and removals per group', () => {
    const p = pendingByGroup([
      { kind: 'group.add', connectionId: 'afa', group: 'DMZ', deviceKey: 'a' },
      { kind: 'group.add', connectionId: 'afa', group: 'DMZ', deviceKey: 'b' },
      { kind: 'group.remove', connectionId: 'afa', group: 'Branch-01', deviceKey: 'a' },
      { kind: 'group.delete', connectionId: 'afa', group: 'Lab' },
      { kind: 'unenroll', connectionId: 'abs', deviceKey: 'c' },
    ]);
    expect(p.get(groupKey('afa', 'DMZ'))?.add.size).toBe(2);
    expect(p.get(groupKey('afa', 'Branch-01'))?.remove.has('a')).toBe(true);
    expect(p.get(groupKey('afa', 'Lab'))?.delete).toBe(true);
    expect(p.size).toBe(3);
  });
});
