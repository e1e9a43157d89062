import type { HttpClientOptions } from '../http/types';
import { AbsoluteClient } from '../vendors/absolute/client';
import { AlgosecClient } from '../vendors/algosec/client';
import { InsidersClient } from '../vendors/insiders/client';
import { TelemetronClient } from '../vendors/telemetron/client';
import type { ConnectionInfo } from './connections';
import type { StoredConnection } from './settings-store';
import type { LiveConnection } from './vendor-parts';

/** The secret values of one connection, by field, as read from the keychain. */
export type SecretValues = Record<string, string>;

export function connectionInfo(c: StoredConnection): ConnectionInfo {
  return { id: c.id, vendor: c.vendor, label: c.label, demo: false, ...(c.vendor === 'absolute' ? { region: c.settings.region } : {}) };
}

/** A vendor client from saved settings and keychain secrets (nothing is sent until it is used). */
export function buildClient(c: StoredConnection, secrets: SecretValues, http: Partial<HttpClientOptions> = {}): LiveConnection {
  const secret = (field: string) => secrets[field] ?? '';
  switch (c.vendor) {
    case 'absolute':
      return {
        info: { ...connectionInfo(c), vendor: 'absolute' },
        client: new AbsoluteClient({ region: c.settings.region, tokenId: c.settings.tokenId, tokenSecret: secret('tokenSecret'), baseUrl: c.settings.baseUrl }, { http }),
      };
    case 'telemetron':
      return {
        info: { ...connectionInfo(c), vendor: 'telemetron' },
        client: new TelemetronClient({ apiKey: secret('apiKey'), baseUrl: c.settings.baseUrl }, { http }),
      };
    case 'insiders':
      return {
        info: { ...connectionInfo(c), vendor: 'insiders' },
        client: new InsidersClient(
          { username: c.settings.username, password: secret('password'), clientId: c.settings.clientId, clientSecret: secret('clientSecret'), baseUrl: c.settings.baseUrl, tokenUrl: c.settings.tokenUrl },
          { http },
        ),
      };
    case 'algosec':
      return {
        info: { ...connectionInfo(c), vendor: 'algosec' },
        client: new AlgosecClient({ baseUrl: c.settings.host, username: c.settings.username, password: secret('password'), pinnedCertSha256: c.pinnedCertSha256 ?? undefined }, { http }),
      };
  }
}
