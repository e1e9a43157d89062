import { appError, FleetError } from '../../shared/errors';

/** The keychain service every fleetdesk secret is filed under. */
export const KEYCHAIN_SERVICE = 'fleetdesk';

/** One keychain entry per connection and secret field: `<connectionId>:<field>`. */
export const secretAccount = (connectionId: string, field: string) => `${connectionId}:${field}`;

/**
 * Where connection secrets live: the OS keychain in the app, memory in unit
 * tests. Nothing else in fleetdesk stores a secret. Every method throws a
 * `keychain` FleetError (plain words, with the fix) when the keychain cannot
 * be used; it never falls back to another place.
 *
 * There is deliberately no "list": fleetdesk knows every entry it wrote (a
 * connection's secret fields), and keytar's only listing call crashes the
 * process on a locked collection or when an entry is deleted while it reads.
 */
export interface SecretStore {
  get(connectionId: string, field: string): Promise<string | null>;
  set(connectionId: string, field: string, value: string): Promise<void>;
  /** True when an entry was deleted. */
  delete(connectionId: string, field: string): Promise<boolean>;
  /**
   * Proves the keychain is usable right now (reachable and unlocked). A locked
   * keychain hides its entries instead of failing reads, so a missing secret
   * is only "missing" once this passed.
   */
  check(): Promise<void>;
}

export type KeychainProblem = 'unavailable' | 'locked' | 'timeout';

/** How to fix each keychain problem, per platform, in the words a technician needs. */
export function keychainMessage(problem: KeychainProblem, platform: NodeJS.Platform = process.platform, detail = ''): string {
  const where = platform === 'darwin' ? 'the macOS Keychain' : platform === 'win32' ? 'Windows Credential Manager' : 'the system keychain';
  const unlock =
    platform === 'darwin'
      ? 'unlock the login keychain in Keychain Access'
      : platform === 'win32'
        ? 'sign in to Windows again'
        : 'unlock it (log in again or open Passwords and Keys)';
  switch (problem) {
    case 'locked':
      return `${capital(where)} is locked: ${unlock}, then press Retry.`;
    case 'timeout':
      return `${capital(where)} did not answer in time${detail ? ` (${detail})` : ''}: answer or close any unlock prompt, then press Retry.`;
    case 'unavailable':
      return platform === 'linux'
        ? `fleetdesk cannot reach the system keychain${detail ? ` (${detail})` : ''}: start your desktop's keyring (GNOME Keyring or KWallet with the Secret Service), then press Retry.`
        : `fleetdesk cannot use ${where}${detail ? ` (${detail})` : ''}: restart fleetdesk; if it persists, reinstall it.`;
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function keychainError(problem: KeychainProblem, detail = ''): FleetError {
  return new FleetError(appError('keychain', keychainMessage(problem, process.platform, detail), { retryable: true }));
}

/** Secrets in memory, for unit tests. `failWith` makes every call fail like a locked or missing keychain. */
export class MemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>();
  failWith: KeychainProblem | null = null;

  private guard() {
    if (this.failWith) throw keychainError(this.failWith);
  }
  async get(connectionId: string, field: string) {
    this.guard();
    return this.entries.get(secretAccount(connectionId, field)) ?? null;
  }
  async set(connectionId: string, field: string, value: string) {
    this.guard();
    this.entries.set(secretAccount(connectionId, field), value);
  }
  async delete(connectionId: string, field: string) {
    this.guard();
    return this.entries.delete(secretAccount(connectionId, field));
  }
  async check() {
    this.guard();
  }
}
