import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../electron/connections/keytar-secret-store';
import { secretAccount } from '../../../electron/connections/secret-store';

/**
 * The keytar store against a real Secret Service (gnome-keyring in a D-Bus
 * session; see .ci/run). Each test uses its own connection id, because other
 * test files write to the same keyring at the same time.
 */
const store = new KeytarSecretStore();
const freshId = () => `absolute-${randomBytes(6).toString('hex')}`;

describe('KeytarSecretStore on a real keyring', () => {
  it('saves, reads, lists and deletes one entry per connection and field', async () => {
    const id = freshId();
    const secret = `tok-${randomBytes(12).toString('base64url')} with spaces `;
    await store.check();
    await store.set(id, 'tokenSecret', secret);
    await store.set(id, 'other', 'second value');

    expect(await store.get(id, 'tokenSecret')).toBe(secret);
    const accounts = await store.list();
    expect(accounts).toEqual(expect.arrayContaining([secretAccount(id, 'tokenSecret'), secretAccount(id, 'other')]));
    // The listing names entries; it never carries a value.
    expect(JSON.stringify(accounts)).not.toContain(secret);
    // check() leaves nothing behind.
    expect(accounts.every((a) => a.includes(':'))).toBe(true);

    expect(await store.delete(id, 'tokenSecret')).toBe(true);
    expect(await store.delete(id, 'tokenSecret')).toBe(false);
    expect(await store.get(id, 'tokenSecret')).toBeNull();
    expect(await store.get(id, 'other')).toBe('second value');
    await store.delete(id, 'other');
    expect((await store.list()).filter((a) => a.startsWith(`${id}:`))).toEqual([]);
  });

  it('replaces a secret in place', async () => {
    const id = freshId();
    await store.set(id, 'apiKey', 'first');
    await store.set(id, 'apiKey', 'second');
    expect(await store.get(id, 'apiKey')).toBe('second');
    expect((await store.list()).filter((a) => a === secretAccount(id, 'apiKey'))).toHaveLength(1);
    await store.delete(id, 'apiKey');
  });
});
