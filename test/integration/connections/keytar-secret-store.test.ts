import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../electron/connections/keytar-secret-store';

/**
 * The keytar store against a real Secret Service (gnome-keyring in a D-Bus
 * session; see .ci/run). Each test uses its own connection id, because other
 * test files write to the same keyring at the same time.
 */
const store = new KeytarSecretStore();
const freshId = () => `absolute-${randomBytes(6).toString('hex')}`;

describe('KeytarSecretStore on a real keyring', () => {
  it('saves, reads and deletes one entry per connection and field', async () => {
    const id = freshId();
    const secret = `tok-${randomBytes(12).toString('base64url')} with spaces `;
    await store.set(id, 'tokenSecret', secret);
    await store.set(id, 'other', 'second value');

    expect(await store.get(id, 'tokenSecret')).toBe(secret);
    expect(await store.get(id, 'other')).toBe('second value');
    expect(await store.get(freshId(), 'tokenSecret')).toBeNull();

    expect(await store.delete(id, 'tokenSecret')).toBe(true);
    expect(await store.delete(id, 'tokenSecret')).toBe(false);
    expect(await store.get(id, 'tokenSecret')).toBeNull();
    expect(await store.get(id, 'other')).toBe('second value');
    await store.delete(id, 'other');
    expect(await store.get(id, 'other')).toBeNull();
  });

  it('replaces a secret in place', async () => {
    const id = freshId();
    await store.set(id, 'apiKey', 'first');
    await store.set(id, 'apiKey', 'second');
    expect(await store.get(id, 'apiKey')).toBe('second');
    expect(await store.delete(id, 'apiKey')).toBe(true);
    expect(await store.get(id, 'apiKey')).toBeNull();
  });

  it('checks that the keychain is open by writing and deleting an entry of its own', async () => {
    await expect(store.check()).resolves.toBeUndefined();
  });
});
