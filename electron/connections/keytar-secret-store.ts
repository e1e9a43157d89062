import { randomBytes } from 'node:crypto';
import { FleetError } from '../../shared/errors';
import { KEYCHAIN_SERVICE, keychainError, secretAccount, type KeychainProblem, type SecretStore } from './secret-store';

type Keytar = typeof import('keytar');

/**
 * Written and deleted again by check(): a write is the only reliable way to
 * tell "locked" from "empty" (a locked collection answers reads with "not
 * found"). Unique per call, so two processes never race on one entry.
 */
const checkAccount = () => `fleetdesk-keychain-check-${process.pid}-${randomBytes(4).toString('hex')}`;

/**
 * The OS keychain through keytar (macOS Keychain, Windows Credential Manager,
 * the Secret Service on Linux). keytar is loaded on first use, so a missing
 * or broken native module, or no Secret Service, becomes a clear "keychain
 * unavailable" state instead of a crash at start. Every call has a time limit:
 * an unanswered unlock prompt must not hang the app.
 */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | null = null;

  constructor(
    private readonly service = KEYCHAIN_SERVICE,
    private readonly timeoutMs = 60_000,
  ) {}

  get(connectionId: string, field: string) {
    return this.call('read', (k) => k.getPassword(this.service, secretAccount(connectionId, field)));
  }

  set(connectionId: string, field: string, value: string) {
    return this.call('write', (k) => k.setPassword(this.service, secretAccount(connectionId, field), value));
  }

  delete(connectionId: string, field: string) {
    return this.call('delete', (k) => k.deletePassword(this.service, secretAccount(connectionId, field)));
  }

  async check(): Promise<void> {
    const account = checkAccount();
    await this.call('write', (k) => k.setPassword(this.service, account, 'ok'));
    await this.call('delete', (k) => k.deletePassword(this.service, account));
  }

  private load(): Promise<Keytar> {
    this.keytar ??= import('keytar').then(
      (m) => ((m as { default?: Keytar }).default ?? m) as Keytar,
      (err: unknown) => {
        this.keytar = null;
        throw keychainError('unavailable', `its native module did not load: ${firstLine(err)}`);
      },
    );
    return this.keytar;
  }

  private async call<T>(what: string, run: (k: Keytar) => Promise<T>): Promise<T> {
    const keytar = await this.load();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(keychainError('timeout', `no answer to a ${what} within ${Math.round(this.timeoutMs / 1000)} s`)), this.timeoutMs);
      timer.unref?.();
    });
    try {
      return await Promise.race([run(keytar), timeout]);
    } catch (err) {
      if (err instanceof FleetError) throw err;
      throw keychainError(classify(err), firstLine(err));
    } finally {
      clearTimeout(timer);
    }
  }
}

/** libsecret / Keychain / Credential Manager error texts → what the user has to do. */
function classify(err: unknown): KeychainProblem {
  const text = firstLine(err);
  if (/locked|prompt|dismissed|user canceled|interaction/i.test(text)) return 'locked';
  return 'unavailable';
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text.split('\n')[0] ?? '').slice(0, 160);
}
