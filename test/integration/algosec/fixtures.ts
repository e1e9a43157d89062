import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CREDENTIALS } from '../../../electron/vendors/demo-fleet/credentials';
import type { AlgosecSeed } from '../../../electron/vendors/demo-fleet/seed-types';
import { AlgosecClient, type AlgosecCredentials } from '../../../electron/vendors/algosec/client';
import type { AlgosecSimulator } from '../../../electron/vendors/algosec/simulator';
import type { HttpClientOptions } from '../../../electron/http/types';

const BRANDS = ['Check Point', 'Fortinet', 'Palo Alto Networks', 'Cisco'];

export const deviceName = (i: number) => `fw-${String(i).padStart(6, '0')}`;
export const groupName = (g: number) => `Site ${g}`;

/**
 * `devices` firewalls in `groups` site groups of consecutive devices (like
 * sites); every 10th device is also in the next site's group, so some
 * devices have two groups. Every group has members when devices >= groups.
 */
export function fleetSeed(devices: number, groups: number): AlgosecSeed {
  const perGroup = Math.ceil(devices / groups);
  const members: string[][] = Array.from({ length: groups }, () => []);
  const seedDevices: AlgosecSeed['devices'] = [];
  for (let i = 0; i < devices; i++) {
    const display = deviceName(i);
    seedDevices.push({ name: `dev_${i}`, display_name: display, brand: BRANDS[i % BRANDS.length] ?? 'Cisco' });
    const home = Math.floor(i / perGroup);
    members[home]?.push(display);
    if (i % 10 === 0) members[(home + 1) % groups]?.push(display);
  }
  return {
    devices: seedDevices,
    groups: members.map((m, g) => ({ name: `grp_${g}`, displayName: groupName(g), members: m })),
  };
}

/** The groups each device should be listed with, straight from a seed. */
export function expectedGroups(seed: AlgosecSeed): Map<string, string[]> {
  const out = new Map<string, string[]>(seed.devices.map((d) => [d.display_name, []]));
  for (const g of seed.groups) for (const m of g.members) out.get(m)?.push(g.displayName);
  return out;
}

export function clientFor(sim: AlgosecSimulator, over: Partial<AlgosecCredentials> = {}, http: Partial<HttpClientOptions> = {}): AlgosecClient {
  return new AlgosecClient({ ...DEMO_CREDENTIALS.algosec, baseUrl: sim.url, ...over }, { http: { backoffBaseMs: 10, ...http } });
}

/** Deterministic fault dice: the listed values first, then "no fault" forever. */
export function dice(...values: number[]): () => number {
  return () => values.shift() ?? 0.99;
}

/** A fresh self-signed certificate for 127.0.0.1, made with openssl in a temp dir. */
export function selfSignedCert(commonName = 'afa.fleetdesk.test'): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'algosec-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
        '-subj', `/CN=${commonName}/O=fleetdesk tests`,
        '-addext', 'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
